"""The curated list of Indonesian gambling-spam ("judi online") terms, weighted.

A *strong* term is practically never written by an OPD except in spam ("gacor", "maxwin");
a *weak* one appears in real news too ("slot", "togel", "deposit") and only counts together
with others. Words of the enforcement context ("pemblokiran", "satgas", "tersangka") lower
the weight of weak terms, so news about fighting judi online is not spam.
Phrases are matched on normalised text (see ``spam_gate.normalize``) at word boundaries.
"""

STRONG = {
    "gacor": 3, "maxwin": 3, "max win": 3, "rungkad": 3, "anti rungkad": 3, "scatter hitam": 3,
    "scatter": 2, "rtp live": 3, "rtp slot": 3, "rtp tertinggi": 3, "bocoran rtp": 3, "pola gacor": 3,
    "pola slot": 3, "bonus new member": 3, "new member": 2, "deposit pulsa": 3, "depo pulsa": 3,
    "tanpa potongan": 2, "link alternatif": 3, "situs alternatif": 3, "link gacor": 3, "slot88": 3,
    "slot 88": 3, "slot777": 3, "slot 777": 3, "slot online": 2, "slot demo": 3, "demo slot": 3,
    "akun pro": 2, "akun demo": 2, "server thailand": 3, "server kamboja": 3, "mahjong ways": 3,
    "gates of olympus": 3, "olympus 1000": 3, "sweet bonanza": 3, "starlight princess": 3,
    "pragmatic play": 3, "pgsoft": 3, "pg soft": 3, "zeus": 2, "jackpot": 2, "jp paus": 3,
    "jepe": 2, "wd cepat": 3, "gampang menang": 3, "mudah menang": 2, "pasti menang": 2,
    "bandar togel": 3, "togel online": 3, "togel hongkong": 3, "togel singapore": 3, "toto macau": 3,
    "toto togel": 3, "situs toto": 3, "prediksi togel": 3, "angka jitu": 3, "bandar judi": 2,
    "judi bola": 2, "sbobet": 3, "casino online": 3, "kasino online": 3, "poker online": 3,
    "live casino": 3, "agen judi": 3, "agen slot": 3, "situs slot": 2, "daftar slot": 3,
    "login slot": 3, "slot deposit": 3, "deposit dana": 2, "deposit ovo": 3, "deposit gopay": 3,
    "minimal depo": 3, "min depo": 3, "freebet": 3, "free spin": 3, "freespin": 3, "spin gratis": 2,
    "cuan": 1, "hoki": 1, "auto wd": 3, "x500": 3, "x1000": 3, "modal receh": 3,
    "slot gacor": 3, "situs gacor": 3, "dijamin jp": 3, "pasti jp": 3, "anti kalah": 3,
}  # fmt: skip

WEAK = {
    "slot": 1, "togel": 1, "judi": 1, "judol": 1, "casino": 1, "kasino": 1, "poker": 1, "toto": 1,
    "4d": 1, "rtp": 1, "deposit": 1, "depo": 1, "wd": 1, "bonus": 1, "daftar": 1, "login": 1,
    "situs": 1, "link": 1, "bet": 1, "taruhan": 1, "menang": 1, "spin": 1, "maxbet": 2, "jp": 1,
}  # fmt: skip

#: Words of reporting and enforcement: news *about* judi online, not ads for it.
ENFORCEMENT = {
    "blokir", "diblokir", "pemblokiran", "memblokir", "berantas", "memberantas", "pemberantasan",
    "bahaya", "dampak", "sosialisasi", "satgas", "polres", "polda", "polisi", "kepolisian",
    "tangkap", "ditangkap", "penangkapan", "pelaku", "tersangka", "kecanduan", "larangan",
    "dilarang", "takedown", "razia", "pidana", "hukum", "aduan", "laporkan", "melaporkan",
    "waspada", "waspadai", "menjauhi", "jauhi", "korban", "penindakan", "literasi", "edukasi",
    "ditutup", "penutupan", "terjerat", "menolak", "tolak", "stop", "lawan", "melawan", "cegah",
    "mencegah", "pencegahan", "kominfo", "komdigi",
}  # fmt: skip

#: Off-site link hosts and paths typical of gambling spam.
SPAM_LINK_WORDS = (
    "slot", "gacor", "togel", "toto", "judi", "casino", "kasino", "poker", "maxwin", "bet", "jackpot",
    "rtp", "scatter", "zeus", "olympus", "mahjong", "sbobet", "bandar", "jp", "4d",
)  # fmt: skip
SPAM_TLDS = (".xyz", ".top", ".vip", ".bet", ".casino", ".poker", ".win", ".bid", ".icu", ".fun", ".cfd", ".sbs")
LINK_SHORTENERS = ("bit.ly", "s.id", "cutt.ly", "tinyurl.com", "rebrand.ly", "shorturl.at", "linktr.ee", "t.ly")

SPAM_THRESHOLD = 3

"""The starting synonym list: common Indonesian government acronyms and their long forms.

Seeded by migration 0003 and by the demo step; idempotent (existing terms are left as
Diskominfo edited them).
"""

ACRONYMS = [
    ("ktp", ["kartu tanda penduduk", "e-ktp", "ktp elektronik"]),
    ("kk", ["kartu keluarga"]),
    ("kia", ["kartu identitas anak"]),
    ("akta", ["akte", "akta kelahiran", "akta kematian"]),
    ("nik", ["nomor induk kependudukan"]),
    ("skck", ["surat keterangan catatan kepolisian"]),
    ("sktm", ["surat keterangan tidak mampu"]),
    ("pbg", ["persetujuan bangunan gedung", "imb", "izin mendirikan bangunan"]),
    ("slf", ["sertifikat laik fungsi"]),
    ("siup", ["surat izin usaha perdagangan", "izin usaha"]),
    ("nib", ["nomor induk berusaha"]),
    ("oss", ["online single submission", "perizinan berusaha terintegrasi"]),
    ("tdp", ["tanda daftar perusahaan"]),
    ("umkm", ["usaha mikro kecil dan menengah", "ukm"]),
    ("pirt", ["pangan industri rumah tangga", "p-irt"]),
    ("npwp", ["nomor pokok wajib pajak"]),
    ("pbb", ["pajak bumi dan bangunan"]),
    ("bphtb", ["bea perolehan hak atas tanah dan bangunan"]),
    ("pkb", ["pajak kendaraan bermotor"]),
    ("bpjs", ["badan penyelenggara jaminan sosial", "jaminan kesehatan", "jkn"]),
    ("kis", ["kartu indonesia sehat"]),
    ("kip", ["kartu indonesia pintar"]),
    ("pkh", ["program keluarga harapan"]),
    ("bpnt", ["bantuan pangan non tunai", "sembako"]),
    ("blt", ["bantuan langsung tunai"]),
    ("bansos", ["bantuan sosial"]),
    ("dtks", ["data terpadu kesejahteraan sosial"]),
    ("puskesmas", ["pusat kesehatan masyarakat"]),
    ("posyandu", ["pos pelayanan terpadu"]),
    ("rsud", ["rumah sakit umum daerah"]),
    ("ppdb", ["penerimaan peserta didik baru", "spmb", "pendaftaran sekolah"]),
    ("sd", ["sekolah dasar"]),
    ("smp", ["sekolah menengah pertama"]),
    ("paud", ["pendidikan anak usia dini"]),
    ("asn", ["aparatur sipil negara", "pns", "pegawai negeri sipil"]),
    ("pppk", ["pegawai pemerintah dengan perjanjian kerja", "p3k"]),
    ("cpns", ["calon pegawai negeri sipil"]),
    ("apbd", ["anggaran pendapatan dan belanja daerah"]),
    ("pad", ["pendapatan asli daerah"]),
    ("rpjmd", ["rencana pembangunan jangka menengah daerah"]),
    ("rkpd", ["rencana kerja pemerintah daerah"]),
    ("musrenbang", ["musyawarah perencanaan pembangunan"]),
    ("renstra", ["rencana strategis"]),
    ("renja", ["rencana kerja"]),
    ("lkjip", ["laporan kinerja instansi pemerintah"]),
    ("lhkpn", ["laporan harta kekayaan penyelenggara negara"]),
    ("sop", ["standar operasional prosedur"]),
    ("ppid", ["pejabat pengelola informasi dan dokumentasi", "informasi publik"]),
    ("sp4n", ["sp4n-lapor", "lapor", "pengaduan masyarakat"]),
    ("opd", ["organisasi perangkat daerah", "perangkat daerah", "skpd"]),
    ("pemda", ["pemerintah daerah", "pemkab", "pemkot"]),
    ("dprd", ["dewan perwakilan rakyat daerah"]),
    ("setda", ["sekretariat daerah", "sekda"]),
    ("bappeda", ["badan perencanaan pembangunan daerah"]),
    ("bpkad", ["badan pengelolaan keuangan dan aset daerah"]),
    ("bpbd", ["badan penanggulangan bencana daerah", "bencana"]),
    ("bkpsdm", ["badan kepegawaian dan pengembangan sumber daya manusia", "bkd", "kepegawaian"]),
    ("bapenda", ["badan pendapatan daerah"]),
    ("kesbangpol", ["kesatuan bangsa dan politik"]),
    ("satpol pp", ["satuan polisi pamong praja", "satpolpp"]),
    ("dinkes", ["dinas kesehatan"]),
    ("disdukcapil", ["dinas kependudukan dan pencatatan sipil", "dukcapil", "capil"]),
    ("dpmptsp", ["dinas penanaman modal dan pelayanan terpadu satu pintu", "ptsp", "perizinan"]),
    ("disnaker", ["dinas tenaga kerja", "ketenagakerjaan"]),
    ("dinsos", ["dinas sosial"]),
    ("diskominfo", ["dinas komunikasi dan informatika", "kominfo"]),
    ("disdikbud", ["dinas pendidikan dan kebudayaan", "disdik", "dinas pendidikan"]),
    ("dishub", ["dinas perhubungan"]),
    ("dlh", ["dinas lingkungan hidup"]),
    ("dpupr", ["dinas pekerjaan umum dan penataan ruang", "pupr"]),
    ("disperindag", ["dinas perindustrian dan perdagangan"]),
    ("damkar", ["pemadam kebakaran"]),
    ("kb", ["keluarga berencana"]),
    ("kua", ["kantor urusan agama"]),
    ("tkd", ["tanah kas desa"]),
    ("add", ["alokasi dana desa"]),
    ("bumdes", ["badan usaha milik desa"]),
    ("kartu kuning", ["ak1", "kartu pencari kerja"]),
    ("ptsl", ["pendaftaran tanah sistematis lengkap", "sertifikat tanah"]),
    ("stunting", ["gizi buruk", "tengkes"]),
    ("dbd", ["demam berdarah dengue", "demam berdarah"]),
]


def seed_synonyms(synonym_model):
    """Create the missing acronyms; returns how many were created (0 when already seeded)."""
    existing = set(synonym_model.objects.values_list("term", flat=True))
    missing = [
        synonym_model(term=term, equivalents="\n".join(equivalents))
        for term, equivalents in ACRONYMS
        if term not in existing
    ]
    synonym_model.objects.bulk_create(missing)
    return len(missing)

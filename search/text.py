"""Indonesian text analysis shared by every search backend: tokens, stop words and stems.

Stemming uses the Snowball Indonesian algorithm (Tala, 2003) from the ``snowballstemmer``
package, the same algorithm as PostgreSQL's ``indonesian`` text-search configuration, so a
query finds the same pages on SQLite (where we stem in Python) and on PostgreSQL (where the
database stems). It strips particles (-lah, -kah, -pun), possessives (-ku, -mu, -nya), the
prefixes meN-/peN-/di-/ter-/ke-/ber-/per- and the suffixes -kan/-an/-i: "pelayanan" and
"layanan" both become "layan", "perizinan" becomes "izin", "kesehatan" becomes "sehat".
"""

import functools
import re
import unicodedata

import snowballstemmer

#: Function words that match nearly every page: removed from queries (and from SQLite's index).
STOP_WORDS = frozenset(
    [
        "ada",
        "adalah",
        "agar",
        "akan",
        "aku",
        "anda",
        "antara",
        "apa",
        "apakah",
        "atas",
        "atau",
        "bagai",
        "bagaimana",
        "bagi",
        "bahwa",
        "baik",
        "banyak",
        "beberapa",
        "belum",
        "berbagai",
        "boleh",
        "bukan",
        "dalam",
        "dan",
        "dapat",
        "dari",
        "daripada",
        "demi",
        "dengan",
        "di",
        "dia",
        "hal",
        "hanya",
        "harus",
        "hingga",
        "ia",
        "ialah",
        "ini",
        "itu",
        "jadi",
        "jika",
        "juga",
        "justru",
        "kalau",
        "kami",
        "kamu",
        "karena",
        "ke",
        "kami",
        "kita",
        "lagi",
        "lain",
        "lalu",
        "maka",
        "mana",
        "masih",
        "melalui",
        "mereka",
        "meski",
        "namun",
        "nya",
        "oleh",
        "pada",
        "para",
        "per",
        "perlu",
        "saat",
        "saja",
        "sampai",
        "sangat",
        "satu",
        "saya",
        "se",
        "sebagai",
        "sebelum",
        "secara",
        "sedang",
        "sehingga",
        "sejak",
        "seperti",
        "serta",
        "setelah",
        "sudah",
        "supaya",
        "tanpa",
        "telah",
        "tentang",
        "tersebut",
        "tetapi",
        "untuk",
        "yaitu",
        "yakni",
        "yang",
    ]
)

MAX_TOKEN_LENGTH = 40
_TOKEN_RE = re.compile(r"[^\W_]+", re.UNICODE)
_STEMMER = snowballstemmer.stemmer("indonesian")


def fold(text):
    """Lower-case, NFKC-normalised text with accents removed ("Perizinan" → "perizinan", "café" → "cafe")."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return unicodedata.normalize("NFKC", text).casefold()


def tokenize(text):
    """Words of ``text``, folded, each cut to a sane length."""
    return [token[:MAX_TOKEN_LENGTH] for token in _TOKEN_RE.findall(fold(text))]


@functools.lru_cache(maxsize=50_000)
def stem(token):
    if token.isdigit() or len(token) <= 3:
        return token
    return _STEMMER.stemWord(token)


def content_words(text):
    """Tokens of ``text`` that are not stop words or single characters, unstemmed (PostgreSQL stems them itself)."""
    return [token for token in tokenize(text) if len(token) > 1 and token not in STOP_WORDS]


def analyze(text):
    """The stems that represent ``text`` in the SQLite index: stop words dropped."""
    return [stem(token) for token in content_words(text)]

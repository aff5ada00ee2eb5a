"""The labelled corpus the gate is measured on (``manage.py spam_gate_benchmark``).

``corpus/spam.txt`` holds gambling-spam lines as they appear in the wild, ``corpus/ham.txt``
real OPD news titles and leads, news about fighting judi online included. Each spam line is
also tried in the disguises spammers use (separated letters, zero-width characters, digits for
letters, look-alike letters, hidden in an otherwise real news body, only as an off-site link);
each real line also as a rich-text body with ordinary links.
"""

from dataclasses import dataclass
from pathlib import Path

from .lexicon import STRONG

CORPUS_DIR = Path(__file__).resolve().parent / "corpus"
LEET = str.maketrans({"o": "0", "a": "4", "e": "3", "s": "5", "i": "1"})
HOMOGLYPH = str.maketrans({"a": "а", "o": "о", "e": "е", "c": "с", "p": "р"})


@dataclass(frozen=True)
class Sample:
    text: str
    html: bool
    is_spam: bool
    variant: str


def _lines(name):
    return [line.strip() for line in (CORPUS_DIR / name).read_text("utf-8").splitlines() if line.strip()]


def _key_word(line):
    words = line.split()
    strong_words = {w for phrase in STRONG for w in phrase.split() if len(w) > 3}
    for word in words:
        if word.lower().strip(",.!?:") in strong_words:
            return word.strip(",.!?:")
    return max(words, key=len)


def spam_variants(line, index):
    word = _key_word(line)
    yield Sample(line, False, True, "asli")
    yield Sample(line.replace(word, "-".join(word)), False, True, "huruf dipisah")
    yield Sample(line.replace(word, "\u200b".join(word)), False, True, "karakter tak terlihat")
    if index % 2:
        yield Sample(line.replace(word, word.lower().translate(LEET)), False, True, "angka pengganti huruf")
    else:
        yield Sample(line.replace(word, word.lower().translate(HOMOGLYPH)), False, True, "huruf mirip")
    if index % 3 == 0:
        hidden = (
            "<p>Dinas Kesehatan menggelar imunisasi di 42 posyandu.</p>"
            f'<div style="display:none"><a href="https://contohkab.go.id/?s=promo">{line}</a></div>'
        )
        yield Sample(hidden, True, True, "teks tersembunyi")
    if index % 3 == 1:
        slug = "-".join(_key_word(line).lower().split())
        link = f'<p>Informasi lengkap <a href="https://{slug}88-resmi.xyz/daftar">di sini</a>.</p>'
        yield Sample(link, True, True, "tautan luar")


def ham_variants(line, index):
    yield Sample(line, False, False, "asli")
    sites = ["https://contohkab.go.id/layanan/", "https://www.kemkes.go.id/", "https://sscasn.bkn.go.id/"]
    body = f'<p>{line}.</p><p>Informasi lengkap: <a href="{sites[index % 3]}">{sites[index % 3]}</a></p>'
    yield Sample(body, True, False, "badan berita")


def samples():
    for index, line in enumerate(_lines("spam.txt")):
        yield from spam_variants(line, index)
    for index, line in enumerate(_lines("ham.txt")):
        yield from ham_variants(line, index)

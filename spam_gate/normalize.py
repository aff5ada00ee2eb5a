"""Undo the obfuscations spammers use so the lexicon sees the words: zero-width characters,
look-alike letters, digits for letters (``5lot``), separated letters (``s-l-o-t``)."""

import re
import unicodedata

INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff\u00ad\u180e"))
HOMOGLYPHS = str.maketrans(
    {
        "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "х": "x", "у": "y", "к": "k", "м": "m", "т": "t",
        "і": "i", "ј": "j", "ѕ": "s", "ԁ": "d", "ɡ": "g", "ο": "o", "α": "a", "ε": "e", "ι": "i", "ν": "v",
        "τ": "t", "κ": "k", "ρ": "p", "ѵ": "v", "ℓ": "l",
    }
)  # fmt: skip
LEET_I = str.maketrans({"1": "i"})
LEET = str.maketrans(
    {"0": "o", "1": "l", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "@": "a", "$": "s", "€": "e", "!": "i"}
)
WORD = re.compile(r"[^\W_]+|[@$€!]", re.UNICODE)
#: Single letters joined by separators: s-l-o-t, s.l.o.t, s l o t, s_l_o_t, s*l*o*t.
SPACED_LETTERS = re.compile(
    r"(?<![^\W\d_])[^\W\d_](?P<sep>\s{1,2}|[\-._*·•|/+~]{1,2})(?:[^\W\d_](?P=sep)){1,}[^\W\d_](?![^\W\d_])"
)
MIXED_TOKEN = re.compile(r"\b(?=\w*[a-z])(?=\w*[0-9@$€])[\w@$€!]+\b")


def _deleet(match, ones_are_i=False):
    token = match.group(0)
    # Keep real numbers with a unit ("4d" stays, "2024" is untouched because it has no letter).
    if token in {"4d", "x500", "x1000", "slot88", "slot777"}:
        return token
    head = re.match(r"^(.*?[a-z].*?)(\d+)$", token)
    if head and not re.search(r"[0-9@$€!]", head.group(1)):
        return token  # "gacor88", "slot777": the word stays, the number stays
    return (token.translate(LEET_I) if ones_are_i else token).translate(LEET)


def normalize(text, ones_are_i=False):
    """Lower-case text with obfuscations undone; words separated by single spaces.

    A "1" among letters reads as "l" ("s1ot"), or as "i" with ``ones_are_i`` ("m1n1mal").
    """
    text = unicodedata.normalize("NFKC", str(text or "")).translate(INVISIBLE).lower().translate(HOMOGLYPHS)
    text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    text = SPACED_LETTERS.sub(lambda m: re.sub(r"[\s\-._*·•|/+~]", "", m.group(0)), text)
    text = MIXED_TOKEN.sub(lambda m: _deleet(m, ones_are_i), text)
    return " ".join(WORD.findall(text))


def split_glued_numbers(text):
    """ "slot88gacor" → "slot 88 gacor": numbers glued to words split off, for a second look."""
    return re.sub(r"(?<=[a-z])(?=\d)|(?<=\d)(?=[a-z])", " ", text)

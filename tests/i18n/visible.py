"""What a reader sees of a screen, and the vocabularies the language tests look for in it."""

import functools
import html
import re
from pathlib import Path

import wagtail
from django.conf import settings

from tests.i18n import wagtail_gaps
from tests.i18n.po import messages, parse

LOCALE = Path(settings.BASE_DIR) / "locale"
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]")


def visible_text(markup):
    """The text of an HTML page a reader sees (no scripts, styles, comments or tags)."""
    markup = re.sub(r"<(script|style|template|svg)\b.*?</\1>|<!--.*?-->", " ", markup, flags=re.S | re.I)
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", markup)))


@functools.cache
def indonesian_phrases():
    """Our msgids (Indonesian) that English renders differently: none may show on an English screen.

    Only phrases of two words or more and without placeholders, so that data and words shared
    by both languages ("Status", "Admin") do not count.
    """
    phrases = set()
    for entry in messages(LOCALE / "en" / "LC_MESSAGES" / "django.po"):
        text = entry.msgid.strip()
        if entry.msgid_plural or "%" in text or "<" in text or "\n" in text or len(text.split()) < 2:
            continue
        if entry.msgstr[0].strip() != text:
            phrases.add(text)
    return frozenset(phrases)


def indonesian_phrases_in(text):
    normalized = re.sub(r"\s+", " ", text)
    return sorted(phrase for phrase in indonesian_phrases() if phrase in normalized)


@functools.cache
def english_words():
    """Words of Wagtail's admin strings that no Indonesian string uses: English left on a screen.

    Wagtail's English msgids give the vocabulary; every word that also occurs in Indonesian text
    (our msgids, our Indonesian catalogue, Wagtail's Indonesian catalogues) is dropped, which
    removes the words both languages share ("Status", "Editor", "Admin", "Slug").
    """
    english, indonesian = set(), set()
    root = Path(wagtail.__file__).parent
    for app in wagtail_gaps.WAGTAIL_APPS:
        for po in (root / app / "locale" / "en" / "LC_MESSAGES").glob("*.po"):
            for entry in parse(po):
                english |= _words(entry.msgid + " " + (entry.msgid_plural or ""))
        for po in (root / app / "locale" / "id_ID" / "LC_MESSAGES").glob("*.po"):
            for entry in parse(po):
                indonesian |= {word for form in entry.msgstr.values() for word in _words(form)}
    for po in LOCALE.glob("*/LC_MESSAGES/*.po"):
        for entry in messages(po):
            if po.parents[1].name == "id":
                indonesian |= {word for form in entry.msgstr.values() for word in _words(form)}
            if not _is_wagtail_completion(entry):
                indonesian |= _words(entry.msgid)
    return frozenset(word for word in english - indonesian if len(word) > 2)


@functools.cache
def _completion_keys():
    return frozenset(
        (item.get("msgctxt"), item["msgid"], item.get("msgid_plural")) for _, item in wagtail_gaps.completions()
    )


def _is_wagtail_completion(entry):
    return entry.key in _completion_keys()


def _words(text):
    text = re.sub(r"%\([a-z_]+\)[sd]|\{[a-z_]+\}|<[^>]+>", " ", text)
    return {word.lower() for word in WORD.findall(text)}


def english_words_in(text, allowed=()):
    """English words of Wagtail's vocabulary in ``text`` (addresses left out), but ``allowed``."""
    allowed = {word.lower() for word in allowed}
    text = re.sub(r"https?://\S+", " ", text)
    return sorted({word.lower() for word in WORD.findall(text)} & english_words() - allowed)

"""The judi-online gate: is a text (or a whole page) gambling spam?

``check_text(text, html=False)`` and ``check_page(page)`` return a :class:`Verdict` with
``is_spam`` and the reasons in Indonesian, for the editor and for Diskominfo.
"""

import json
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.translation import gettext as _

from . import lexicon
from .normalize import normalize, split_glued_numbers

HIDING_STYLE = re.compile(
    r"display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0(?![.\d]*[1-9])|opacity\s*:\s*0(?![.\d]*[1-9])"
    r"|(?:left|top|text-indent)\s*:\s*-\d{3,}|height\s*:\s*0(?:px)?\s*;?\s*overflow\s*:\s*hidden|clip\s*:\s*rect\(0",
    re.IGNORECASE,
)
URL_IN_TEXT = re.compile(r"https?://[^\s\"'<>]+", re.IGNORECASE)
VOID_ELEMENTS = {"br", "img", "hr", "input", "meta", "link", "source", "wbr", "area", "base", "col", "embed"}


@dataclass
class Verdict:
    is_spam: bool = False
    reasons: list = field(default_factory=list)
    score: int = 0

    def __bool__(self):
        return self.is_spam


class _Extractor(HTMLParser):
    """Visible text, hidden text and link targets of an HTML fragment."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.visible, self.hidden, self.links = [], [], []
        self._stack = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        hides = "hidden" in attrs or bool(HIDING_STYLE.search(attrs.get("style") or "")) or tag in {"noscript"}
        hides = hides or (attrs.get("aria-hidden") == "true" and tag == "a")
        if tag == "a" and attrs.get("href"):
            self.links.append((attrs["href"], self._hidden or hides))
        if tag not in VOID_ELEMENTS:
            self._stack.append(hides)

    def handle_endtag(self, tag):
        if tag not in VOID_ELEMENTS and self._stack:
            self._stack.pop()

    @property
    def _hidden(self):
        return any(self._stack)

    def handle_data(self, data):
        (self.hidden if self._hidden else self.visible).append(data)


def _phrases_in(text, table):
    found = {}
    padded = f" {text} "
    for phrase, weight in table.items():
        if f" {phrase} " in padded:
            found[phrase] = weight
    return found


def _score_text(normalized, alternative=""):
    """(score, terms) of normalised text (and of its alternative reading of digits)."""
    variants = {normalized, split_glued_numbers(normalized)} | ({alternative} if alternative else set())
    strong, weak = {}, {}
    for variant in variants:
        strong.update(_phrases_in(variant, lexicon.STRONG))
        weak.update(_phrases_in(variant, lexicon.WEAK))
    for phrase in list(weak):
        if any(phrase in strong_phrase.split() for strong_phrase in strong):
            del weak[phrase]
    words = set(normalized.split())
    enforcement = len(words & lexicon.ENFORCEMENT)
    strong_score = sum(strong.values())
    weak_score = sum(weak.values())
    if enforcement:
        # News about fighting judi online names the words; it does not sell them.
        weak_score = max(0, weak_score - 2 * enforcement)
        strong_score = strong_score // 2 if enforcement >= 2 else strong_score
    return strong_score + weak_score, sorted(strong) + sorted(weak)


def _own_hosts():
    hosts = {host.lstrip(".").lower() for host in settings.ALLOWED_HOSTS if host not in ("*", "")}
    base = urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname
    if base:
        hosts.add(base.lower())
    return hosts


def spam_link(url):
    """Why ``url`` looks like a gambling-spam link, or ``""``."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return ""
    host = parts.hostname.lower()
    own = _own_hosts()
    offsite = not (host in own or any(host.endswith("." + h) for h in own))
    target = normalize(f"{host} {parts.path} {parts.query}".replace(".", " ").replace("-", " ").replace("/", " "))
    target = split_glued_numbers(target)
    words = set(target.split())
    if words & set(lexicon.SPAM_LINK_WORDS):
        return _("tautan %(host)s berpola situs judi") % {"host": host}
    if offsite and host.endswith(lexicon.SPAM_TLDS):
        return _("tautan ke domain %(host)s yang sering dipakai spam") % {"host": host}
    return ""


def check_text(text, *, html=False):
    """Is ``text`` gambling spam? With ``html=True`` links and hidden text are checked too."""
    verdict = Verdict()
    links = []
    hidden = ""
    if html:
        extractor = _Extractor()
        try:
            extractor.feed(str(text or ""))
            extractor.close()
        except Exception:  # noqa: BLE001 - malformed markup is checked as plain text
            extractor = None
        if extractor is not None:
            visible = " ".join(extractor.visible)
            hidden = " ".join(extractor.hidden)
            links = extractor.links
        else:
            visible = str(text or "")
    else:
        visible = str(text or "")
    links += [(url, False) for url in URL_IN_TEXT.findall(visible)]

    combined = visible + " " + hidden
    score, terms = _score_text(normalize(combined), normalize(combined, ones_are_i=True))
    if terms and score >= lexicon.SPAM_THRESHOLD:
        verdict.reasons.append(
            _("Memuat istilah promosi judi online: %(terms)s.") % {"terms": ", ".join(f"“{t}”" for t in terms[:6])}
        )
    verdict.score = score
    hidden_text = normalize(hidden)
    hidden_links = [url for url, is_hidden in links if is_hidden]
    if hidden_links or (hidden_text and _score_text(hidden_text)[0] >= 1):
        verdict.reasons.append(_("Memuat teks atau tautan tersembunyi dari pembaca (teknik spam SEO)."))
        verdict.score += lexicon.SPAM_THRESHOLD
    for url, _is_hidden in links:
        why = spam_link(url)
        if why:
            verdict.reasons.append(_("Memuat %(why)s.") % {"why": why})
            verdict.score += lexicon.SPAM_THRESHOLD
            break
    verdict.is_spam = bool(verdict.reasons)
    return verdict


def _strings(value):
    """Every string leaf of a StreamField's raw data (or any JSON-like value)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in ("type", "id"):
                yield from _strings(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _strings(item)


def page_texts(page):
    """(text, is_html) pairs of everything a page shows: title, SEO fields, text, rich text, StreamFields."""
    from django.db import models
    from wagtail.fields import RichTextField, StreamField
    from wagtail.models import Page

    page = page.specific
    yield page.title, False
    yield getattr(page, "seo_title", ""), False
    yield getattr(page, "search_description", ""), False
    wagtail_fields = {f.name for f in Page._meta.concrete_fields}
    for model_field in type(page)._meta.concrete_fields:
        if model_field.name in wagtail_fields:
            continue
        value = getattr(page, model_field.attname, None)
        if isinstance(model_field, StreamField):
            raw = value.raw_data if hasattr(value, "raw_data") else value
            if isinstance(raw, str):
                try:
                    raw = json.loads(raw)
                except ValueError:
                    raw = [raw]
            for leaf in _strings(list(raw or [])):
                yield leaf, "<" in leaf
        elif isinstance(model_field, RichTextField):
            yield value or "", True
        elif isinstance(model_field, (models.CharField, models.TextField)):
            yield value or "", False


def check_page(page):
    """One verdict for everything the page would show."""
    plain, markup = [], []
    for text, is_html in page_texts(page):
        if text:
            (markup if is_html else plain).append(str(text))
    verdict = check_text(" \n".join(plain) + " \n" + " \n".join(markup), html=True)
    return verdict


def check_fields(*values):
    """One verdict for a few plain fields of a snippet or setting."""
    return check_text(" \n".join(str(v) for v in values if v), html=False)

"""Highlighted snippets: the passage of a page's text that best shows the query's words."""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

from .text import fold, stem

_WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)
SNIPPET_WORDS = 30


def _matches(word, stems):
    folded = fold(word)
    return folded in stems or stem(folded) in stems


def highlight(text, stems):
    """``text`` escaped, with words whose stem is in ``stems`` wrapped in <mark>."""
    out, last = [], 0
    for match in _WORD_RE.finditer(text):
        if _matches(match.group(), stems):
            out.append(escape(text[last : match.start()]))
            out.append(f"<mark>{escape(match.group())}</mark>")
            last = match.end()
    out.append(escape(text[last:]))
    return mark_safe("".join(out))


def snippet(text, stems, words=SNIPPET_WORDS):
    """About ``words`` words around the densest cluster of matches, highlighted; the start if none match."""
    spans = list(_WORD_RE.finditer(text or ""))
    if not spans:
        return ""
    hits = [i for i, m in enumerate(spans) if _matches(m.group(), stems)] if stems else []
    if hits:
        best = max(hits, key=lambda i: sum(1 for j in hits if i <= j < i + words))
        start = max(0, best - 5)
    else:
        start = 0
    end = min(len(spans), start + words)
    begin_char = spans[start].start()
    end_char = spans[end - 1].end()
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(spans) else ""
    return mark_safe(prefix + highlight(text[begin_char:end_char], stems) + suffix)

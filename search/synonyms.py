"""Query expansion with the Diskominfo synonym list and the OPD acronyms.

A query becomes a list of *groups* that must all match; each group is a list of
*alternatives* (a tuple of words, all required). "ktp hilang" becomes
``[[("ktp",), ("kartu", "tanda", "penduduk")], [("hilang",)]]``. Matching is on stems,
so "perizinan" matches a synonym written as "izin".
"""

import time

from django.core.cache import cache

from .models import SYNONYM_CACHE_VERSION_KEY, Synonym
from .text import content_words, stem

MAX_PHRASE_WORDS = 8
MAX_GROUPS = 12
#: Even without a shared cache (several processes, local-memory cache) a change shows within this time.
RELOAD_SECONDS = 60

_loaded = {"version": None, "table": None, "groups": [], "at": 0.0}


def _phrase(text):
    return tuple(content_words(text))


def synonym_groups():
    """Every synonym group as a list of phrases (tuples of words): the admin list plus OPD acronyms."""
    from opd_pages.models import OpdHomePage

    groups = [[_phrase(s.term), *(_phrase(e) for e in s.equivalent_list)] for s in Synonym.objects.all()]
    for acronym, title in OpdHomePage.objects.live().values_list("acronym", "title"):
        groups.append([_phrase(acronym), _phrase(title)])
    return [[p for p in group if p] for group in groups]


def current_groups():
    """synonym_groups(), reloaded only when the list changes (or after RELOAD_SECONDS)."""
    _table()
    return _loaded["groups"]


def _table():
    """Stem tuple → list of alternative phrases; reloaded when the synonym list changes."""
    version = cache.get(SYNONYM_CACHE_VERSION_KEY, 0)
    now = time.monotonic()
    if _loaded["table"] is None or _loaded["version"] != version or now - _loaded["at"] > RELOAD_SECONDS:
        table = {}
        groups = synonym_groups()
        for group in groups:
            for phrase in group:
                key = tuple(stem(w) for w in phrase)
                alternatives = table.setdefault(key, [])
                for alternative in group:
                    if alternative not in alternatives:
                        alternatives.append(alternative)
        _loaded.update(version=version, table=table, groups=groups, at=now)
    return _loaded["table"]


def expand(words):
    """Groups of alternatives for the content words of a query (see module docstring)."""
    table = _table()
    stems = [stem(w) for w in words]
    groups, position = [], 0
    while position < len(words) and len(groups) < MAX_GROUPS:
        for length in range(min(MAX_PHRASE_WORDS, len(words) - position), 0, -1):
            key = tuple(stems[position : position + length])
            if key in table:
                own = tuple(words[position : position + length])
                alternatives = [own] + [a for a in table[key] if tuple(stem(w) for w in a) != key]
                groups.append(alternatives)
                position += length
                break
        else:
            groups.append([(words[position],)])
            position += 1
    return groups


def forget():
    """Drop this process's copy of the table (tests, and after bulk changes)."""
    _loaded.update(version=None, table=None, groups=[], at=0.0)

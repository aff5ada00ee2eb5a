"""Whole-page cache of public pages for anonymous visitors.

Every cached page is keyed by a *generation* number (:class:`page_cache.models.CacheGeneration`,
one database row read once per anonymous request); anything that can change what a public page
shows bumps it (:func:`invalidate`, called only from :mod:`page_cache.signals`), so all cached
pages go stale at once, in every process. Draft saves do not bump it.

How long an entry may live is asked of what the page shows: the served page's
``page_cache_expires_at(request)`` and each site/generic setting model's
``page_cache_expires_at()`` (e.g. the alert banner's end) may return the next moment their
rendering changes; the entry expires by then, and after ``PORTAL_PAGE_CACHE_SECONDS`` at the latest.

Settings: ``PORTAL_PAGE_CACHE_SECONDS`` (0 disables the cache; tests keep it at 0 unless a
test turns it on) and ``PORTAL_PAGE_CACHE_ALIAS`` (the Django cache holding the pages, default
"default": Redis when REDIS_URL is set, local memory otherwise).
"""

import hashlib

from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError, connection, transaction
from django.db.models import F
from django.utils import timezone

from .models import CacheGeneration

DEFAULT_SECONDS = 300
GENERATION_ROW = 1


def cache_seconds():
    return int(getattr(settings, "PORTAL_PAGE_CACHE_SECONDS", DEFAULT_SECONDS))


def backend():
    return caches[getattr(settings, "PORTAL_PAGE_CACHE_ALIAS", "default")]


def generation():
    """The current generation (one primary-key query); ``None`` if the database cannot say."""
    try:
        return CacheGeneration.objects.filter(pk=GENERATION_ROW).values_list("value", flat=True).first() or 0
    except DatabaseError:
        return None


class _BumpedMarker:
    """An on-commit no-op recording "this transaction has bumped the generation already"."""

    def __init__(self, block, savepoint):
        self.block, self.savepoint = block, savepoint

    def __call__(self):
        pass


def _current_transaction():
    """(block, savepoint id) of the outermost atomic block that is not a TestCase's, or ``None``.

    A decorated function reuses its ``Atomic`` object, so the savepoint id tells two runs apart;
    the outermost block's queue is emptied by its commit. TestCase blocks are skipped so each
    change a test makes counts as its own transaction, as in production.
    """
    for position, block in enumerate(connection.atomic_blocks if connection.in_atomic_block else []):
        if not getattr(block, "_from_testcase", False):
            return block, connection.savepoint_ids[position - 1] if position else None
    return None


def invalidate():
    """Make every cached page stale, once per transaction (the change and the bump commit together)."""
    current = _current_transaction()
    if current is not None:
        block, savepoint = current
        # Django drops a rolled-back block's callbacks (and our UPDATE with them), so a marker still
        # queued for this block means this transaction has bumped already.
        for _savepoints, callback, *_robust in connection.run_on_commit:
            if isinstance(callback, _BumpedMarker) and callback.block is block and callback.savepoint == savepoint:
                return
    updated = CacheGeneration.objects.filter(pk=GENERATION_ROW).update(value=F("value") + 1)
    if not updated:
        CacheGeneration.objects.get_or_create(pk=GENERATION_ROW, defaults={"value": 1})
    if current is not None:
        transaction.on_commit(_BumpedMarker(*current))


def key_for(request, current_generation):
    """The cache key of a request: generation, host, language, path and query string."""
    language = getattr(request, "LANGUAGE_CODE", "")
    raw = f"{request.get_host()}|{language}|{request.get_full_path()}"
    digest = hashlib.sha256(raw.encode()).hexdigest()
    return f"page_cache:{current_generation}:{digest}"


def mark_cacheable(request, page):
    """Called when Wagtail serves ``page`` to the public: its response may be cached."""
    request.page_cache_page = page


def setting_models():
    from wagtail.contrib.settings.registry import registry

    return [model for model in registry if hasattr(model, "page_cache_expires_at")]


def expires_at(request):
    """The earliest moment the served page or a setting it shows says its rendering changes."""
    moments = []
    page = getattr(request, "page_cache_page", None)
    ask_page = getattr(page, "page_cache_expires_at", None)
    if ask_page is not None:
        moments.append(ask_page(request))
    for model in setting_models():
        moments.append(model.for_request(request).page_cache_expires_at())
    now = timezone.now()
    upcoming = [moment for moment in moments if moment is not None and moment > now]
    return min(upcoming, default=None)


def timeout_for(request):
    seconds = cache_seconds()
    moment = expires_at(request)
    if moment is not None:
        seconds = min(seconds, int((moment - timezone.now()).total_seconds()))
    return seconds

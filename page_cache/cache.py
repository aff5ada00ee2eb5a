"""Whole-page cache of public pages for anonymous visitors.

Every cached page is keyed by a *generation* number; anything that can change what a public
page shows (publishing, unpublishing, moving or deleting a page, saving a snippet, a site
setting, an image or a view restriction) bumps the generation, so all cached pages go stale at
once. Cheap and always correct for a site whose pages list each other (home, Semua berita,
OPD homes). Scheduled changes (a Sorotan's end date, an alert's window) are honoured by
capping an entry's lifetime at the next such moment (:func:`expire_no_later_than`).

Settings: ``PORTAL_PAGE_CACHE_SECONDS`` (0 disables the cache; tests keep it at 0 unless a
test turns it on) and ``PORTAL_PAGE_CACHE_ALIAS`` (the Django cache to use, default "default":
Redis when REDIS_URL is set, local memory otherwise).
"""

import hashlib

from django.conf import settings
from django.core.cache import caches
from django.utils import timezone

GENERATION_KEY = "page_cache:generation"
DEFAULT_SECONDS = 300


def cache_seconds():
    return int(getattr(settings, "PORTAL_PAGE_CACHE_SECONDS", DEFAULT_SECONDS))


def backend():
    return caches[getattr(settings, "PORTAL_PAGE_CACHE_ALIAS", "default")]


def generation():
    value = backend().get(GENERATION_KEY)
    if value is None:
        value = int(timezone.now().timestamp() * 1000)
        backend().add(GENERATION_KEY, value, timeout=None)
        value = backend().get(GENERATION_KEY, value)
    return value


def invalidate():
    """Make every cached page stale (called from signals; cheap: one cache write)."""
    cache = backend()
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, int(timezone.now().timestamp() * 1000), timeout=None)


def key_for(request):
    """The cache key of a request: generation, host, language, path and query string."""
    language = getattr(request, "LANGUAGE_CODE", "")
    raw = f"{request.get_host()}|{language}|{request.get_full_path()}"
    digest = hashlib.sha256(raw.encode()).hexdigest()
    return f"page_cache:{generation()}:{digest}"


def expire_no_later_than(request, moment):
    """Let a template or view say "what I render changes at ``moment``": the entry expires by then."""
    if request is None or moment is None:
        return
    current = getattr(request, "page_cache_expires_at", None)
    if current is None or moment < current:
        request.page_cache_expires_at = moment


def mark_cacheable(request):
    request.page_cache_cacheable = True


def timeout_for(request):
    seconds = cache_seconds()
    moment = getattr(request, "page_cache_expires_at", None)
    if moment is not None:
        seconds = min(seconds, int((moment - timezone.now()).total_seconds()))
    return seconds

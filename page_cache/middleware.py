"""Serve anonymous GET requests for Wagtail pages from the page cache."""

import contextlib

from . import cache as page_cache

HIT_HEADER = "X-Page-Cache"


def is_anonymous_read(request):
    user = getattr(request, "user", None)
    return request.method in ("GET", "HEAD") and not (user and user.is_authenticated)


class PageCacheMiddleware:
    """Place after AuthenticationMiddleware, LocaleMiddleware and MessageMiddleware.

    Only responses of Wagtail's page serving (marked by the ``before_serve_page`` hook) are
    stored: previews, the admin, forms and logged-in editors never touch the cache. Each
    anonymous request reads the generation (one primary-key query) so a change made by another
    process shows at once; if the cache fails, the page is rendered as if there were no cache.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if page_cache.cache_seconds() <= 0 or not is_anonymous_read(request):
            return self.get_response(request)
        current = page_cache.generation()
        if current is None:
            return self.get_response(request)
        key = page_cache.key_for(request, current)
        cached = self.read(key)
        if cached is not None:
            cached[HIT_HEADER] = "hit"
            return cached
        response = self.get_response(request)
        if self.should_store(request, response):
            timeout = page_cache.timeout_for(request)
            if timeout > 0:
                response[HIT_HEADER] = "miss"
                self.write(key, response, timeout)
        return response

    @staticmethod
    def read(key):
        try:
            return page_cache.backend().get(key)
        except Exception:  # a failing cache (Redis down) degrades to no cache, never a 500
            return None

    @staticmethod
    def write(key, response, timeout):
        with contextlib.suppress(Exception):
            page_cache.backend().set(key, response, timeout)

    @staticmethod
    def should_store(request, response):
        return (
            request.method == "GET"
            and getattr(request, "page_cache_page", None) is not None
            and response.status_code == 200
            and not response.cookies
            and "private" not in response.get("Cache-Control", "")
        )

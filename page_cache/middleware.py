"""Serve anonymous GET requests for Wagtail pages from the page cache."""

from . import cache as page_cache

HIT_HEADER = "X-Page-Cache"


def is_anonymous_read(request):
    user = getattr(request, "user", None)
    return request.method in ("GET", "HEAD") and not (user and user.is_authenticated)


class PageCacheMiddleware:
    """Place after AuthenticationMiddleware, LocaleMiddleware and MessageMiddleware.

    Only responses of Wagtail's page serving (marked by the ``before_serve_page`` hook) are
    stored: previews, the admin, forms and logged-in editors never touch the cache.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if page_cache.cache_seconds() <= 0 or not is_anonymous_read(request):
            return self.get_response(request)
        key = page_cache.key_for(request)
        cached = page_cache.backend().get(key)
        if cached is not None:
            cached[HIT_HEADER] = "hit"
            return cached
        response = self.get_response(request)
        if self.should_store(request, response):
            timeout = page_cache.timeout_for(request)
            if timeout > 0:
                response[HIT_HEADER] = "miss"
                page_cache.backend().set(key, response, timeout)
        return response

    @staticmethod
    def should_store(request, response):
        return (
            request.method == "GET"
            and getattr(request, "page_cache_cacheable", False)
            and response.status_code == 200
            and not response.cookies
            and "private" not in response.get("Cache-Control", "")
        )

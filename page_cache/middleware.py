"""Serve anonymous GET requests for Wagtail pages from the page cache."""

import contextlib
import gzip
from dataclasses import dataclass

from django.http import HttpResponse
from django.utils.cache import patch_vary_headers

from . import cache as page_cache
from . import compression

HIT_HEADER = "X-Page-Cache"


#: Headers of the stored response that are recomputed for each answer.
RECOMPUTED_HEADERS = {"content-length", "content-encoding", HIT_HEADER.lower()}


@dataclass
class CachedPage:
    """What the cache holds for one page: status, headers and the body, gzipped when it is safe."""

    status: int
    headers: list
    body: bytes
    gzipped: bool

    @classmethod
    def of(cls, request, response):
        headers = [(name, value) for name, value in response.items() if name.lower() not in RECOMPUTED_HEADERS]
        if compression.is_compressible(request, response):
            return cls(response.status_code, headers, compression.compress(response.content), True)
        return cls(response.status_code, headers, response.content, False)

    def response_for(self, request):
        if self.gzipped and compression.accepts_gzip(request):
            response = compression.as_gzip_response(HttpResponse(status=self.status), self.body)
        else:
            response = HttpResponse(gzip.decompress(self.body) if self.gzipped else self.body, status=self.status)
        for name, value in self.headers:
            response[name] = value
        if self.gzipped:
            patch_vary_headers(response, ("Accept-Encoding",))
        return response


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
            response = cached.response_for(request)
            response[HIT_HEADER] = "hit"
            return response
        response = self.get_response(request)
        if self.should_store(request, response):
            timeout = page_cache.timeout_for(request)
            if timeout > 0:
                response[HIT_HEADER] = "miss"
                self.write(key, CachedPage.of(request, response), timeout)
        return response

    @staticmethod
    def read(key):
        try:
            cached = page_cache.backend().get(key)
        except Exception:  # a failing cache (Redis down) degrades to no cache, never a 500
            return None
        return cached if isinstance(cached, CachedPage) else None  # an entry of an older release: a miss

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
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")  # a form's token is the visitor's own
            and "private" not in response.get("Cache-Control", "")
        )

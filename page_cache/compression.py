"""Gzip for anonymous public responses, never for a response that carries a secret (BREACH).

BREACH recovers a secret from the compressed size of a response that also reflects what an
attacker sends (a search query, say). So a response is compressed only when it can carry no
secret: the visitor is anonymous, no CSRF token was put in it (Django marks the request when
a template asks for one), it sets no cookie, it is not marked private or no-store, and it is
one of the public views: a Wagtail page served to the public (marked by ``before_serve_page``),
the search, the sitemaps, the feeds or the public API. Citizens' private pages (complaints,
PPID requests, their tracking links) are never among them.

The page cache stores the compressed body (``page_cache.middleware``), so a hit costs no
compression and a quarter of the cache memory.
"""

import gzip

from django.middleware.gzip import GZipMiddleware
from django.utils.cache import patch_vary_headers
from django.utils.regex_helper import _lazy_re_compile

#: Public views (by URL name) whose anonymous answers may be compressed, besides Wagtail pages.
PUBLIC_URL_NAMES = {"search", "search_autocomplete", "sitemap", "sitemap_section"}
PUBLIC_URL_PREFIXES = ("feed_",)
PUBLIC_NAMESPACES = {"wagtailapi"}
COMPRESSIBLE_TYPES = (
    "text/html",
    "application/xml",
    "text/xml",
    "application/json",
    "application/rss+xml",
    "application/atom+xml",
    "text/plain",
)
MIN_LENGTH = 200
ACCEPTS_GZIP = _lazy_re_compile(r"\bgzip\b")


def is_public_view(request):
    if getattr(request, "page_cache_page", None) is not None:
        return True
    match = getattr(request, "resolver_match", None)
    if match is None:
        return False
    name = match.url_name or ""
    return (
        name in PUBLIC_URL_NAMES
        or name.startswith(PUBLIC_URL_PREFIXES)
        or bool(PUBLIC_NAMESPACES.intersection(match.namespaces))
    )


def carries_no_secret(request, response):
    """True when nothing in this response can be a secret of the visitor or of the site."""
    user = getattr(request, "user", None)
    cache_control = response.get("Cache-Control", "")
    return (
        not (user and user.is_authenticated)
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not response.cookies
        and "private" not in cache_control
        and "no-store" not in cache_control
    )


def is_compressible(request, response):
    return (
        response.status_code == 200
        and not response.streaming
        and not response.has_header("Content-Encoding")
        and response.get("Content-Type", "").split(";")[0].strip() in COMPRESSIBLE_TYPES
        and len(response.content) >= MIN_LENGTH
        and is_public_view(request)
        and carries_no_secret(request, response)
    )


def accepts_gzip(request):
    return bool(ACCEPTS_GZIP.search(request.headers.get("accept-encoding", "")))


def compress(body):
    return gzip.compress(body, compresslevel=6, mtime=0)


def as_gzip_response(response, gzipped_body):
    """Give ``response`` the compressed body and the headers that go with it."""
    response.content = gzipped_body
    response["Content-Length"] = str(len(gzipped_body))
    response["Content-Encoding"] = "gzip"
    if response.has_header("ETag") and response["ETag"].startswith('"'):
        response["ETag"] = "W/" + response["ETag"]
    return response


class PublicGzipMiddleware(GZipMiddleware):
    """Django's gzip middleware, for public anonymous answers only (see the module docstring).

    Place it above the session, CSRF and authentication middleware (so it sees the final
    response) and above the page cache. Responses it does not compress still say
    ``Vary: Accept-Encoding`` when they could have been, so no cache mixes the two.
    """

    def process_response(self, request, response):
        if not is_compressible(request, response):
            return response
        patch_vary_headers(response, ("Accept-Encoding",))
        if not accepts_gzip(request):
            return response
        compressed = compress(response.content)
        if len(compressed) >= len(response.content):
            return response
        return as_gzip_response(response, compressed)

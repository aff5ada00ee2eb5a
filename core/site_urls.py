"""Page URLs when OPD sections are served at their own host names (Wagtail Sites).

A page under an OPD that has its own Site belongs to two Sites: the region's (``/dinkes/…``)
and the OPD's (``dinkes.contohkab.go.id/…``). Wagtail prefers the Site of the current request,
so the main site would link to ``/dinkes/…`` and show the OPD twice. The portal treats the
most specific Site (the deepest root, first in ``Site.get_site_root_paths()``) as the page's
one address: the OPD host. Links from anywhere else are absolute; links on the same host stay
relative (``relative_url``/``get_url`` compare the Site with the current one as usual).
"""

from django.conf import settings
from django.urls import NoReverseMatch, reverse
from wagtail.models import Site


def site_root_paths(request=None):
    """Wagtail's cached site root paths (deepest first), kept on the request like Wagtail does."""
    cached = getattr(request, "_wagtail_cached_site_root_paths", None) if request is not None else None
    if cached is None:
        cached = Site.get_site_root_paths()
        if request is not None:
            request._wagtail_cached_site_root_paths = cached
    return cached


def canonical_url_parts(page, request=None):
    """``(site_id, root_url, path)`` of ``page`` on its most specific Site; ``None`` if not routable."""
    for site_id, root_path, root_url, _language in site_root_paths(request):
        if page.url_path.startswith(root_path):
            try:
                path = reverse("wagtail_serve", args=(page.url_path[len(root_path) :],))
            except NoReverseMatch:
                return (site_id, None, None)
            if not getattr(settings, "WAGTAIL_APPEND_SLASH", True) and path != "/":
                path = path.rstrip("/")
            return (site_id, root_url, path)
    return None


def page_url(page, request=None):
    """The page's address as a link on the request's host: relative on its own host, else absolute."""
    parts = canonical_url_parts(page, request)
    if parts is None or parts[2] is None:
        return None
    site_id, root_url, path = parts
    current = Site.find_for_request(request) if request is not None else None
    if current is not None and current.pk == site_id:
        return path
    if current is None and len(site_root_paths(request)) == 1:
        return path
    return root_url + path

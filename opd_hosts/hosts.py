"""Which part of the region a request's host name serves, from Wagtail's Sites.

The region's Site has the regional home as root; an OPD given its own address
(``dinkes.contohkab.go.id``) has a Site whose root is its ``OpdHomePage``. Everything here
reads Wagtail's cached site root paths (no query when the cache is warm) and the Site Wagtail
already found for the request, and caches its answers on the request.
"""

from wagtail.models import Site

from core.site_urls import site_root_paths


def _own_root(request):
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return None
    return next((entry for entry in site_root_paths(request) if entry.site_id == site.pk), None)


def region_root(request):
    """The site root path entry of the region: the shallowest Site whose root holds the request's Site.

    On the main host that is its own Site; on an OPD host, the region's. ``None`` without a Site.
    """
    if hasattr(request, "_portal_region_root"):
        return request._portal_region_root
    own = _own_root(request)
    result = None
    if own is not None:
        holding = [entry for entry in site_root_paths(request) if own.root_path.startswith(entry.root_path)]
        # Deepest first, the default Site first among equals: min() keeps the first shallowest.
        result = min(holding, key=lambda entry: len(entry.root_path))
    if request is not None:
        request._portal_region_root = result
    return result


def region_site_id(request):
    entry = region_root(request)
    return entry.site_id if entry else None


def host_root_path(request):
    """The url_path of the OPD home this host serves, or ``None`` on the region's own host."""
    own = _own_root(request)
    region = region_root(request)
    if own is None or region is None or own.site_id == region.site_id:
        return None
    return own.root_path


def is_opd_host(request):
    return host_root_path(request) is not None


def host_opd(request):
    """The OPD section served at this host (one query, cached on the request), or ``None``."""
    if hasattr(request, "_portal_host_opd"):
        return request._portal_host_opd
    from opd_pages.models import OpdHomePage

    root_path = host_root_path(request)
    opd = OpdHomePage.objects.filter(url_path=root_path).first() if root_path else None
    request._portal_host_opd = opd
    return opd


def region_home_url(request):
    """The region's home page as a link from this host: ``/`` on the main host, absolute elsewhere."""
    region = region_root(request)
    if region is None or not is_opd_host(request):
        return "/"
    return region.root_url + "/"


def paths_served_elsewhere(request):
    """url_paths of Site roots inside this host's tree that other hosts serve (their pages live there)."""
    own = _own_root(request)
    if own is None:
        return []
    return [
        entry.root_path
        for entry in site_root_paths(request)
        if entry.root_path != own.root_path and entry.root_path.startswith(own.root_path)
    ]

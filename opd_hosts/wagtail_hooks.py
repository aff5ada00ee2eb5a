"""One address per page: the region's host sends visitors of an OPD with its own host there."""

from django.http import HttpResponsePermanentRedirect
from wagtail import hooks
from wagtail.models import Site

from core.site_urls import site_root_paths


def moved_to_own_host(page, request):
    """The OPD host URL of this request if ``page`` lives on a more specific Site than the current one."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    paths = site_root_paths(request)
    own = next((entry for entry in paths if entry.site_id == site.pk), None)
    target = next((entry for entry in paths if page.url_path.startswith(entry.root_path)), None)
    if own is None or target is None or target.site_id == own.site_id:
        return None
    if not target.root_path.startswith(own.root_path):
        return None
    # The request path on this host, as a url_path; the same path below the OPD host's root.
    url_path = own.root_path + request.path.lstrip("/")
    if not url_path.startswith(target.root_path):
        return None
    url = target.root_url + "/" + url_path[len(target.root_path) :]
    query = request.META.get("QUERY_STRING", "")
    return url + ("?" + query if query else "")


@hooks.register("before_serve_page")
def redirect_to_opd_host(page, request, serve_args, serve_kwargs):
    url = moved_to_own_host(page, request)
    if url:
        return HttpResponsePermanentRedirect(url)
    return None

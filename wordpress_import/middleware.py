"""Old WordPress query-string URLs (``/?p=12``, ``/?page_id=7``, ``/?attachment_id=9``) → new pages.

Wagtail's redirects match paths and act only on a 404, but ``/?p=12`` asks for the (existing)
home page with a query. This middleware answers such a request before the page is served,
when the path is the OPD's old root: ``/`` on a site whose root is the OPD home (the OPD's
own host name) or the OPD's section on the region's site (``/dinkes/?p=12``). It costs
nothing for other requests: it looks at the query keys before touching the database.
"""

from django.http import HttpResponsePermanentRedirect
from wagtail.models import Site

from opd_pages.models import OpdHomePage

from .models import ImportedItem

QUERY_KEYS = ("p", "page_id", "attachment_id")


def legacy_target(request):
    """The new URL for a WordPress query-string URL, or ``None``."""
    wp_id = next((request.GET[key] for key in QUERY_KEYS if request.GET.get(key, "").isdigit()), None)
    if wp_id is None or request.method not in {"GET", "HEAD"}:
        return None
    site = Site.find_for_request(request)
    if site is None:
        return None
    path = request.path.strip("/")
    url_path = site.root_page.url_path + (f"{path}/" if path else "")
    opd = OpdHomePage.objects.filter(url_path=url_path).only("pk").first()
    if opd is None:
        return None
    item = (
        ImportedItem.objects.filter(opd=opd, wp_id=int(wp_id))
        .exclude(status=ImportedItem.Status.QUARANTINED)
        .select_related("page", "image", "document")
        .first()
    )
    return item.target_url() if item is not None else None


class LegacyQueryRedirectMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.GET and any(key in request.GET for key in QUERY_KEYS):
            target = legacy_target(request)
            if target:
                return HttpResponsePermanentRedirect(target)
        return self.get_response(request)

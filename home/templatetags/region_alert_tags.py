"""Region-wide messages on every host: the alert banner (base.html) and the pushed pinned announcement."""

from django import template
from wagtail.models import Site

from home.models import PinnedAnnouncement, RegionAlert

register = template.Library()


@register.inclusion_tag("components/region_alert.html", takes_context=True)
def region_alert(context, request):
    """The region's alert if it is switched on, within its schedule and scoped to this page.

    On an OPD's own host name the region's alert is read all the same (one query; an alert for
    chosen OPDs adds one for their paths).
    """
    site = Site.find_for_request(request) if request else None
    if site is None:
        return {"request": request, "alert": None}
    alert = RegionAlert.for_request(request).showing()
    if alert is not None and not alert.applies_to(context.get("page")):
        alert = None
    return {"request": request, "alert": alert}


@register.inclusion_tag("components/region_announcement.html", takes_context=True)
def region_announcement(context):
    """The regional head's pinned announcement on an OPD home page, when it is pushed to the OPDs."""
    request = context.get("request")
    if request is None or Site.find_for_request(request) is None:
        return {"request": request, "announcement": None}
    return {"request": request, "announcement": PinnedAnnouncement.for_request(request).showing_in_opds()}

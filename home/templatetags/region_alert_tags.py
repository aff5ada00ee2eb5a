"""The regional alert banner (serta-merta information), included by base.html on every page."""

from django import template
from wagtail.models import Site

from home.models import RegionAlert

register = template.Library()


@register.inclusion_tag("components/region_alert.html")
def region_alert(request):
    """The alert of the request's site if it is switched on and within its schedule."""
    site = Site.find_for_request(request) if request else None
    if site is None:
        return {"request": request, "alert": None}
    return {"request": request, "alert": RegionAlert.for_request(request).showing()}

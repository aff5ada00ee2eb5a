"""The regional alert banner (serta-merta information), included by base.html on every page."""

from django import template
from django.utils import timezone
from wagtail.models import Site

from home.models import RegionAlert
from page_cache.cache import expire_no_later_than

register = template.Library()


@register.inclusion_tag("components/region_alert.html")
def region_alert(request):
    """The alert of the request's site if it is switched on and within its schedule."""
    site = Site.find_for_request(request) if request else None
    if site is None:
        return {"request": request, "alert": None}
    setting = RegionAlert.for_request(request)
    if setting.is_active:
        now = timezone.now()
        for moment in (setting.starts_at, setting.ends_at):
            if moment and moment > now:
                expire_no_later_than(request, moment)
    return {"request": request, "alert": setting.showing()}

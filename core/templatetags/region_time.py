"""Dates as citizens read them, with the region's time-zone label (WIB/WITA/WIT)."""

from django import template
from django.conf import settings
from django.utils import timezone
from django.utils.formats import date_format

register = template.Library()


def time_zone_label():
    return str(settings.PORTAL_TIME_ZONE_LABELS.get(settings.TIME_ZONE, settings.TIME_ZONE))


@register.simple_tag
def region_time_zone():
    """The region's time-zone label, e.g. ``WIB``."""
    return time_zone_label()


@register.filter
def datetime_wib(value):
    """A datetime in the region's zone: ``Selasa, 19 Maret 2019, 14.30 WIB``."""
    if not value:
        return ""
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    return f"{date_format(local, 'DATETIME_FORMAT')} {time_zone_label()}"

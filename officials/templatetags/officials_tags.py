"""Officials on other pages: the OPD head on the OPD home, the list on the Struktur Organisasi page."""

from django import template

from ..models import Official, sorted_officials

register = template.Library()


@register.simple_tag
def opd_head(opd):
    """The published official marked as the OPD's head (one query), or None."""
    if opd is None:
        return None
    return Official.objects.of_opd(opd).filter(is_head=True).with_photos().order_by("sort_order").first()


@register.inclusion_tag("components/officials/list.html")
def opd_officials(request, opd, heading_level=2):
    """The OPD's published officials (two queries: officials, photos with their renditions)."""
    officials = sorted_officials(Official.objects.of_opd(opd).with_photos()) if opd is not None else []
    return {"request": request, "officials": officials, "heading_level": heading_level}

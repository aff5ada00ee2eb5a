"""Breadcrumbs and other navigation shared by every page template."""

from django import template

register = template.Library()


@register.inclusion_tag("navigation/breadcrumbs.html")
def breadcrumbs(request, page):
    """The trail from the regional home page to ``page`` (one query)."""
    ancestors = page.get_ancestors().filter(depth__gt=1) if page else []
    return {"request": request, "ancestors": ancestors, "page": page}

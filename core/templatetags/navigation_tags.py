"""Breadcrumbs and other navigation shared by every page template."""

from django import template

from core.site_urls import page_url

register = template.Library()


@register.inclusion_tag("navigation/breadcrumbs.html")
def breadcrumbs(request, page):
    """The trail from the regional home page to ``page`` (one query)."""
    ancestors = page.get_ancestors().filter(depth__gt=1) if page else []
    return {"request": request, "ancestors": ancestors, "page": page}


@register.simple_tag(takes_context=True)
def page_href(context, page):
    """Like ``{% pageurl %}`` for any page object (specific or not): an OPD with its own host is linked there."""
    return page_url(page, context.get("request")) or ""

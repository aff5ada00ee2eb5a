"""``<link rel="alternate">`` feed discovery for the head of every page."""

from django import template
from django.urls import reverse
from django.utils.html import format_html_join
from django.utils.translation import gettext as _

register = template.Library()

MIME_TYPES = {"rss": "application/rss+xml", "atom": "application/atom+xml"}


def feed_links_for(page):
    """(title, mime type, url) of the region's feeds, plus the OPD's own when ``page`` is inside one."""
    links = []
    opd = getattr(page, "opd", None) if page is not None else None
    for kind, label in (("berita", _("Berita")), ("pengumuman", _("Pengumuman"))):
        for fmt in ("rss", "atom"):
            links.append((f"{label} ({fmt.upper()})", MIME_TYPES[fmt], reverse(f"feed_{kind}_{fmt}")))
            if opd is not None:
                url = reverse(f"feed_opd_{kind}_{fmt}", kwargs={"opd": opd.slug})
                links.append((f"{label} {opd.acronym} ({fmt.upper()})", MIME_TYPES[fmt], url))
    return links


@register.simple_tag
def feed_links(page=None):
    return format_html_join("\n", '<link rel="alternate" type="{1}" title="{0}" href="{2}">', feed_links_for(page))

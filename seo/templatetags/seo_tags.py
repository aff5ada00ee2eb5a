"""Head metadata: canonical URL, OpenGraph/Twitter cards and JSON-LD structured data."""

import json

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from seo import structured_data

register = template.Library()

# The characters json_script escapes, so data can never close the <script> element.
JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag(takes_context=True)
def canonical_url(context, page):
    """The page's absolute URL on its own site, without query string (pagination and filters excluded)."""
    request = context.get("request")
    if not page or not request:
        return ""
    return request.build_absolute_uri(page.get_url(request))


@register.simple_tag(takes_context=True)
def share_image_url(context, page, region=None):
    """Absolute URL of the image social networks show: the page's own photo, else its OPD's or the region's logo."""
    request = context.get("request")
    image = getattr(page, "main_image", None) or getattr(getattr(page, "opd", None), "logo", None)
    if image is None and region is not None:
        image = region.logo
    if image is None or request is None:
        return ""
    return structured_data.image_url(request, image)


@register.simple_tag(takes_context=True)
def json_ld(context, page, region):
    """A ``<script type="application/ld+json">`` block: data, not code, so a strict CSP allows it."""
    data = structured_data.for_page(page, context.get("request"), region)
    if not data:
        return ""
    payload = json.dumps(data, ensure_ascii=False, default=str).translate(JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))


@register.simple_tag
def meta_description(page=None, region=None):
    """The page's description for search engines: its own, else its lead or intro, else one said for it."""
    region_name = (region and (region.government_name or region.name)) or _("Pemerintah daerah")
    text = ""
    if page:  # views that are no Wagtail page (search) pass "" from the template
        text = page.search_description or getattr(page, "lead", "") or getattr(page, "intro", "") or ""
        if not text:
            opd = getattr(page, "opd", None)
            owner = f"{opd.title} — {region_name}" if opd is not None and opd != page else region_name
            text = _("%(title)s: informasi resmi dari %(owner)s.") % {"title": page.title, "owner": owner}
    if not text:
        text = _("Portal resmi %(region)s: berita, pengumuman, agenda dan layanan seluruh perangkat daerah.") % {
            "region": region_name
        }
    return Truncator(" ".join(text.split())).chars(160)

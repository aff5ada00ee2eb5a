"""robots.txt, /favicon.ico and the sitemap index (one sitemap per OPD section)."""

import math

from django.contrib.sitemaps import views as sitemap_views
from django.contrib.sitemaps.views import SitemapIndexItem
from django.contrib.staticfiles.storage import staticfiles_storage
from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import http_date
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from listing_stats.stats import section_stats

from .sitemaps import sitemaps_for


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /masuk/",
        f"Disallow: {reverse('search')}",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@require_GET
def favicon(request):
    """Browsers ask for /favicon.ico whatever the page says: send them to the static icon."""
    return HttpResponsePermanentRedirect(staticfiles_storage.url("favicon.ico"))


def sitemap_index(request):
    """The index of section sitemaps, in a fixed number of queries however many pages there are.

    Django's own index counts and scans every section (two queries each, and every page loaded
    to find its ``lastmod``); here each section's page count and last publication come from the
    precomputed :class:`listing_stats.models.SectionStat` rows (one query).
    """
    stats = section_stats()
    items, latest = [], None
    for name, sitemap in sitemaps_for(request).items():
        stat = stats.get(getattr(sitemap, "opd", None) and sitemap.opd.pk)
        url = request.build_absolute_uri(reverse("sitemap_section", kwargs={"section": name}))
        lastmod = stat.last_published_at if stat else None
        files = max(1, math.ceil((stat.pages if stat else 0) / sitemap.limit))
        items.append(SitemapIndexItem(url, lastmod))
        items += [SitemapIndexItem(f"{url}?p={number}", lastmod) for number in range(2, files + 1)]
        if lastmod and (latest is None or lastmod > latest):
            latest = lastmod
    headers = {"Last-Modified": http_date(latest.timestamp())} if latest else None
    return TemplateResponse(
        request, "sitemap_index.xml", {"sitemaps": items}, content_type="application/xml", headers=headers
    )


def sitemap_section(request, section):
    sections = sitemaps_for(request)
    if section not in sections:
        raise Http404
    return sitemap_views.sitemap(request, {section: sections[section]})

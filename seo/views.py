"""robots.txt, /favicon.ico and the sitemap index (one sitemap per OPD section)."""

import math

from django.contrib.sitemaps import views as sitemap_views
from django.contrib.staticfiles.storage import staticfiles_storage
from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
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
    entries, latest = [], None
    for name, sitemap in sitemaps_for(request).items():
        stat = stats.get(getattr(sitemap, "opd", None) and sitemap.opd.pk)
        url = escape(request.build_absolute_uri(reverse("sitemap_section", kwargs={"section": name})))
        lastmod = stat.last_published_at if stat else None
        # Written directly rather than through Django's template: an index of 100,000 pages lists
        # some 550 files, and the template costs about a millisecond per entry.
        tail = f"<lastmod>{timezone.localtime(lastmod).isoformat()}</lastmod></sitemap>" if lastmod else "</sitemap>"
        files = max(1, math.ceil((stat.pages if stat else 0) / sitemap.limit))
        entries.append(f"<sitemap><loc>{url}</loc>{tail}")
        entries += [f"<sitemap><loc>{url}?p={number}</loc>{tail}" for number in range(2, files + 1)]
        if lastmod and (latest is None or lastmod > latest):
            latest = lastmod
    body = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        + "\n".join(entries)
        + "\n</sitemapindex>\n"
    )
    response = HttpResponse(body, content_type="application/xml")
    if latest:
        response["Last-Modified"] = http_date(latest.timestamp())
    return response


def sitemap_section(request, section):
    sections = sitemaps_for(request)
    if section not in sections:
        raise Http404
    return sitemap_views.sitemap(request, {section: sections[section]})

"""robots.txt, /favicon.ico and the sitemap index (one sitemap per OPD section)."""

from django.contrib.sitemaps import views as sitemap_views
from django.contrib.staticfiles.storage import staticfiles_storage
from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

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
    return sitemap_views.index(request, sitemaps_for(request), sitemap_url_name="sitemap_section")


def sitemap_section(request, section):
    sections = sitemaps_for(request)
    if section not in sections:
        raise Http404
    return sitemap_views.sitemap(request, {section: sections[section]})

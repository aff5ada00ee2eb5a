"""sitemap.xml as an index: one sitemap for the region's own pages and one per OPD section."""

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap

from opd_pages.models import OpdHomePage


class RegionSitemap(Sitemap):
    """The regional home and regional pages (Semua berita, regional news…), no OPD section."""

    def items(self):
        outside_opds = Q()
        for path in OpdHomePage.objects.values_list("path", flat=True):
            outside_opds &= ~Q(path__startswith=path)
        return super().items().filter(outside_opds)


class OpdSitemap(Sitemap):
    """Every live public page of one OPD section."""

    def __init__(self, request, opd):
        super().__init__(request)
        self.opd = opd

    def items(self):
        return super().items().descendant_of(self.opd, inclusive=True)


def sitemaps_for(request):
    """``{section name: sitemap}``: "daerah" and one entry per live OPD (by its slug)."""
    sections = {"daerah": RegionSitemap(request)}
    for opd in OpdHomePage.objects.live().public().order_by("path"):
        sections[opd.slug] = OpdSitemap(request, opd)
    return sections

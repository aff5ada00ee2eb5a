"""sitemap.xml as an index: one sitemap for the region's own pages and one per OPD section.

Each host lists the pages it serves: the region's host leaves out OPDs served at their own
host name (their pages' one address is there), and an OPD's host lists only that OPD.
"""

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Site

from opd_hosts.hosts import paths_served_elsewhere
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
    """``{section name: sitemap}``: "daerah" and one entry per live OPD (by its slug) this host serves."""
    site = Site.find_for_request(request)
    root = site.root_page if site else None
    opds = OpdHomePage.objects.live().public().order_by("path")
    sections = {}
    if root is not None and root.specific_class is OpdHomePage:
        opds = opds.filter(pk=root.pk)
    else:
        sections["daerah"] = RegionSitemap(request)
        elsewhere = paths_served_elsewhere(request)
        if elsewhere:
            opds = opds.exclude(url_path__in=elsewhere)
    for opd in opds:
        sections[opd.slug] = OpdSitemap(request, opd)
    return sections

"""sitemap.xml as an index: one sitemap for the region's own pages and one per OPD section.

Each host lists the pages it serves: the region's host leaves out OPDs served at their own
host name (their pages' one address is there), and an OPD's host lists only that OPD.
"""

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page, Site

from core.queries import subtree_range
from opd_hosts.hosts import paths_served_elsewhere
from opd_pages.models import OpdHomePage

#: URLs per sitemap file: a section of 2,500 news is many small files (``?p=2``…), so each
#: file costs the same to build however big the OPD grows.
SITEMAP_LIMIT = 200


class PortalSitemap(Sitemap):
    limit = SITEMAP_LIMIT


class RegionSitemap(PortalSitemap):
    """The regional home and regional pages (Semua berita, regional news…), no OPD section."""

    def items(self):
        outside_opds = Q()
        for path in OpdHomePage.objects.order_by("pk").values_list("path", flat=True):
            outside_opds &= ~Q(path__startswith=path)
        # Also as ranges the path index serves: the site root itself and the subtrees of its
        # children that are not OPD sections (without them SQLite scans every page of every OPD).
        root = self.get_wagtail_site().root_page
        opd_ids = OpdHomePage.objects.order_by("pk").values("pk")
        regional = Page.objects.child_of(root).exclude(pk__in=opd_ids).order_by("pk").values_list("path", flat=True)
        in_region = Q(pk=root.pk)
        for path in regional:
            in_region |= subtree_range(path)
        return super().items().filter(outside_opds).filter(in_region)


class OpdSitemap(PortalSitemap):
    """Every live public page of one OPD section."""

    def __init__(self, request, opd):
        super().__init__(request)
        self.opd = opd

    def items(self):
        return super().items().descendant_of(self.opd, inclusive=True).filter(subtree_range(self.opd.path))


def sitemaps_for(request):
    """``{section name: sitemap}``: "daerah" and one entry per live OPD (by its slug) this host serves."""
    site = Site.find_for_request(request)
    root = site.root_page if site else None
    # Ordered by the OPD table's key in SQL, by path here: "ORDER BY path" makes SQLite walk every page.
    opds = OpdHomePage.objects.published().order_by("pk")
    sections = {}
    if root is not None and root.specific_class is OpdHomePage:
        opds = opds.filter(pk=root.pk)
    else:
        sections["daerah"] = RegionSitemap(request)
        elsewhere = paths_served_elsewhere(request)
        if elsewhere:
            opds = opds.exclude(url_path__in=elsewhere)
    for opd in sorted(opds, key=lambda opd: opd.path):
        sections[opd.slug] = OpdSitemap(request, opd)
    return sections

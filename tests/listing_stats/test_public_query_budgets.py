"""Semua berita (every filter, any page), the sitemap index and a sitemap section cost the same
number of queries with 3 OPDs as with 30."""

import datetime

from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from home.models import NewsArchivePage
from listing_stats.stats import refresh
from opd_pages.models import NewsPage
from tests.factories.opd_pages import make_opd_section
from tests.trees import build_region_tree

SEMUA_BERITA_BUDGET = 15
SITEMAP_INDEX_BUDGET = 20


def tag_news(opd, tag):
    for news in NewsPage.objects.descendant_of(opd):
        news.tags.add(tag)
        news.save()


@override_settings(PORTAL_ITEMS_PER_PAGE=2)
class PublicListingQueryBudgetTests(TestCase):
    def setUp(self):
        self.home, self.opds = build_region_tree(opd_count=3, news_per_opd=4)
        self.archive = NewsArchivePage(title="Semua Berita", slug="berita")
        self.home.add_child(instance=self.archive)
        tag_news(self.opds[0], "kesehatan")
        self.month = timezone.localdate().replace(day=1)

    def urls(self):
        base = self.archive.url
        opd = self.opds[0].slug
        return [
            base,
            f"{base}?halaman=2",
            f"{base}?halaman=9999",
            f"{base}?opd={opd}",
            f"{base}?opd={opd}&halaman=2",
            f"{base}?bulan={self.month:%Y-%m}",
            f"{base}?label=kesehatan",
            f"{base}?opd={opd}&bulan={self.month:%Y-%m}&label=kesehatan",
            "/sitemap.xml",
            f"/sitemap-{opd}.xml",
            "/sitemap-daerah.xml",
        ]

    def count(self, url):
        self.client.get(url)  # renditions, settings rows and the precomputed counts exist
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        return len(queries)

    def test_flat_from_3_to_30_opds(self):
        refresh()
        small = {url: self.count(url) for url in self.urls()}
        for url, queries in small.items():
            budget = SITEMAP_INDEX_BUDGET if "sitemap" in url else SEMUA_BERITA_BUDGET
            self.assertLessEqual(queries, budget, url)
        for n in range(3, 30):
            make_opd_section(self.home, acronym=f"Besar{n}", news=4)
        tag_news(self.opds[0], "kesehatan")
        refresh()
        for url, queries in small.items():
            with self.subTest(url):
                self.assertEqual(self.count(url), queries)

    def test_a_deep_page_shows_the_last_page_it_can_and_says_how_to_go_further(self):
        with override_settings(PORTAL_ITEMS_PER_PAGE=1):
            from home.models import archive

            original = archive.MAX_ARCHIVE_PAGES
            archive.MAX_ARCHIVE_PAGES = 3
            self.addCleanup(setattr, archive, "MAX_ARCHIVE_PAGES", original)
            refresh()
            response = self.client.get(f"{self.archive.url}?halaman=50")
            self.assertEqual(response.context["page_obj"].number, 3)
            self.assertEqual(response.context["paginator"].count, 12)  # the exact total, precomputed
            self.assertContains(response, "saring menurut OPD atau bulan")
            combined = self.client.get(f"{self.archive.url}?opd={self.opds[1].slug}&bulan={self.month:%Y-%m}")
            self.assertTrue(combined.context["paginator"].total_is_lower_bound)
            self.assertContains(combined, "Lebih dari 3 berita")

    def test_the_month_filter_uses_a_date_range(self):
        last_year = timezone.localdate().replace(day=1) - datetime.timedelta(days=400)
        NewsPage.objects.filter(pk=NewsPage.objects.descendant_of(self.opds[2]).first().pk).update(date=last_year)
        refresh()
        response = self.client.get(f"{self.archive.url}?bulan={last_year:%Y-%m}")
        self.assertEqual(response.context["paginator"].count, 1)
        self.assertEqual(len(response.context["items"]), 1)

"""``NewsPage.listing_section``: an OPD's news read from their own index, kept right across moves."""

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from home.models import NewsArchivePage
from opd_pages.models import NewsIndexPage, NewsPage
from opd_pages.models.news import resync_sections
from tests.factories.opd_pages import NewsPageFactory
from tests.trees import build_region_tree


class NewsSectionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, (cls.dinkes, cls.dinsos) = build_region_tree(opd_count=2, news_per_opd=3)
        cls.dinkes_news = NewsIndexPage.objects.child_of(cls.dinkes).get()
        cls.dinsos_news = NewsIndexPage.objects.child_of(cls.dinsos).get()

    def listing_titles(self, index):
        return [page.title for page in index.get_listing()]

    def test_every_news_item_knows_the_opd_home_above_it(self):
        for opd, index in ((self.dinkes, self.dinkes_news), (self.dinsos, self.dinsos_news)):
            sections = set(NewsPage.objects.child_of(index).values_list("listing_section", flat=True))
            self.assertEqual(sections, {opd.path})
        fresh = NewsPageFactory(parent=self.dinkes_news, title="Baru")
        self.assertEqual(NewsPage.objects.get(pk=fresh.pk).listing_section, self.dinkes.path)

    def test_a_moved_item_leaves_one_opds_listing_for_the_others(self):
        item = NewsPageFactory(parent=self.dinkes_news, title="Salah kamar")
        self.assertIn("Salah kamar", self.listing_titles(self.dinkes_news))
        Page.objects.get(pk=item.pk).move(self.dinsos_news, pos="last-child")
        self.assertEqual(NewsPage.objects.get(pk=item.pk).listing_section, self.dinsos.path)
        self.assertNotIn("Salah kamar", self.listing_titles(self.dinkes_news))
        self.assertIn("Salah kamar", self.listing_titles(NewsIndexPage.objects.get(pk=self.dinsos_news.pk)))
        self.assertEqual(list(NewsPage.objects.of_opd(self.dinsos).filter(pk=item.pk)), [item])
        self.assertFalse(NewsPage.objects.of_opd(self.dinkes).filter(pk=item.pk).exists())

    def test_publishing_a_revision_keeps_the_section_of_the_items_place(self):
        item = NewsPageFactory(parent=self.dinkes_news, title="Revisi")
        revision = item.save_revision()
        NewsPage.objects.filter(pk=item.pk).update(listing_section="")  # as if stale
        revision.publish()
        self.assertEqual(NewsPage.objects.get(pk=item.pk).listing_section, self.dinkes.path)

    def test_resync_repairs_stale_rows_only(self):
        NewsPage.objects.child_of(self.dinkes_news).update(listing_section="")
        self.assertEqual(resync_sections(self.dinkes.path), 3)
        self.assertEqual(resync_sections(self.dinkes.path), 0)
        self.assertEqual(
            set(NewsPage.objects.child_of(self.dinkes_news).values_list("listing_section", flat=True)),
            {self.dinkes.path},
        )

    def test_regional_news_under_semua_berita_have_their_own_section(self):
        archive = NewsArchivePage(title="Semua berita", slug="berita")
        self.home.add_child(instance=archive)
        item = NewsPageFactory(parent=archive, title="Berita daerah")
        self.assertEqual(NewsPage.objects.get(pk=item.pk).listing_section, archive.path)

    def test_an_opds_listing_is_read_through_the_section_index(self):
        with CaptureQueriesContext(connection) as queries:
            self.listing_titles(self.dinkes_news)
        listing_sql = next(
            q["sql"] for q in queries.captured_queries if "ORDER BY" in q["sql"] and "opd_pages_newspage" in q["sql"]
        )
        self.assertIn('"listing_section" =', listing_sql)
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute("EXPLAIN QUERY PLAN " + listing_sql)
                plan = " ".join(str(row[-1]) for row in cursor.fetchall())
            self.assertIn("news_of_section_newest_first", plan)
        # The regional listing (every OPD) has no section filter.
        with CaptureQueriesContext(connection) as queries:
            list(NewsPage.objects.descendant_of(self.home).for_listing()[:5])
        self.assertNotIn('"listing_section" =', queries.captured_queries[0]["sql"])

    def test_moving_a_whole_berita_moves_its_items_section(self):
        Page.objects.filter(pk=self.dinkes_news.pk).update(slug="berita-dinkes")  # no clash with Dinsos' own
        Page.objects.get(pk=self.dinkes_news.pk).move(self.dinsos, pos="last-child")
        sections = set(
            NewsPage.objects.child_of(Page.objects.get(pk=self.dinkes_news.pk)).values_list(
                "listing_section", flat=True
            )
        )
        self.assertEqual(sections, {self.dinsos.path})
        self.assertEqual(NewsPage.objects.of_opd(self.dinsos).count(), 6)
        self.assertEqual(NewsPage.objects.of_opd(self.dinkes).count(), 0)

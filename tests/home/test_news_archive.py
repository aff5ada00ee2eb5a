"""Semua berita: every news item of every OPD, filterable by OPD, month and tag, paginated."""

import datetime

from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from home.models import NewsArchivePage
from opd_pages.models import NewsIndexPage
from tests.factories.opd_pages import NewsPageFactory, make_opd_section
from tests.trees import build_region_tree


@override_settings(PORTAL_ITEMS_PER_PAGE=3)
class NewsArchiveTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, (cls.dinkes, cls.dinsos) = build_region_tree(opd_count=2, news_per_opd=0)
        cls.archive = NewsArchivePage(title="Semua Berita", slug="berita")
        cls.home.add_child(instance=cls.archive)
        this_month = timezone.localdate().replace(day=1)
        cls.last_month = (this_month - datetime.timedelta(days=1)).replace(day=1)
        dinkes_index = NewsIndexPage.objects.child_of(cls.dinkes).get()
        dinsos_index = NewsIndexPage.objects.child_of(cls.dinsos).get()
        cls.vaccination = NewsPageFactory(parent=dinkes_index, title="Imunisasi campak", date=this_month)
        cls.vaccination.tags.add("imunisasi")
        cls.vaccination.save()
        cls.clinic = NewsPageFactory(parent=dinkes_index, title="Puskesmas keliling", date=cls.last_month)
        cls.aid = NewsPageFactory(parent=dinsos_index, title="Bantuan pangan", date=this_month)
        cls.draft = NewsPageFactory(parent=dinsos_index, title="Draf rahasia", date=this_month, live=False)
        cls.regional = NewsPageFactory(parent=cls.archive, title="Bupati lantik pejabat", date=cls.last_month)

    def titles(self, query=""):
        response = self.client.get(f"{self.archive.url}{query}")
        self.assertEqual(response.status_code, 200)
        return {item.title for item in response.context["paginator"].object_list}

    def test_lists_every_published_news_of_every_opd_and_the_region(self):
        self.assertEqual(
            self.titles(), {"Imunisasi campak", "Puskesmas keliling", "Bantuan pangan", "Bupati lantik pejabat"}
        )

    def test_filters_by_opd_month_and_tag(self):
        cases = [
            (f"?opd={self.dinkes.slug}", {"Imunisasi campak", "Puskesmas keliling"}),
            (f"?bulan={self.last_month:%Y-%m}", {"Puskesmas keliling", "Bupati lantik pejabat"}),
            ("?label=imunisasi", {"Imunisasi campak"}),
            (f"?opd={self.dinkes.slug}&bulan={self.last_month:%Y-%m}", {"Puskesmas keliling"}),
        ]
        for query, expected in cases:
            with self.subTest(query):
                self.assertEqual(self.titles(query), expected)

    def test_nonsense_filters_are_ignored_not_errors(self):
        for query in ("?opd=tidak-ada", "?bulan=2024-13", "?bulan=kemarin", "?halaman=999", "?halaman=abc"):
            with self.subTest(query):
                self.assertEqual(len(self.titles(query)), 4)

    def test_paginates_and_keeps_filters_in_page_links(self):
        response = self.client.get(self.archive.url)
        self.assertEqual(len(response.context["items"]), 3)
        self.assertContains(response, 'href="?halaman=2"')
        response = self.client.get(f"{self.archive.url}?opd={self.dinkes.slug}&halaman=1")
        self.assertEqual(len(response.context["items"]), 2)
        self.assertEqual(response.context["query_prefix"], f"opd={self.dinkes.slug}&")

    def test_cards_name_the_opd_and_the_filters_offer_months_and_tags(self):
        response = self.client.get(self.archive.url)
        self.assertContains(response, f">{self.dinsos.acronym}</a>")
        self.assertContains(response, "Pemerintah daerah")
        self.assertIn(self.last_month, response.context["month_choices"])
        self.assertEqual([tag.slug for tag in response.context["tag_choices"]], ["imunisasi"])


class NewsArchiveQueryBudgetTests(TestCase):
    def test_semua_berita_costs_the_same_queries_with_many_more_opds(self):
        home, _opds = build_region_tree(opd_count=3, news_per_opd=4)
        archive = NewsArchivePage(title="Semua Berita", slug="berita")
        home.add_child(instance=archive)
        self.client.get(archive.url)
        with CaptureQueriesContext(connection) as small:
            self.client.get(archive.url)
        for n in range(3, 15):
            make_opd_section(home, acronym=f"Besar{n}", news=4)
        with self.assertNumQueries(len(small)):
            self.client.get(f"{archive.url}?halaman=2")

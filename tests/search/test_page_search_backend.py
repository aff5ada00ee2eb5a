"""Page searches of the admin and the public API never reach Wagtail's stock database search.

They answer from the portal's own index (search.backends.database); Wagtail's index tables hold
no page rows at all. The tests make every stock database results class raise, so a path that
still went through it fails here.
"""

from contextlib import ExitStack
from unittest import mock

from django.contrib.auth import get_user_model
from django.db import DatabaseError, connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from modelsearch.backends.database import fallback as stock_fallback
from modelsearch.backends.database.postgres import postgres as stock_postgres
from wagtail.models import Page, PageViewRestriction
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from opd_pages.models import NewsIndexPage, NewsPage
from search.backends import database as portal_database
from tests.factories.opd_pages import NewsPageFactory
from tests.trees import build_region_tree


def stock_search_raises():
    """Every result class of Wagtail's stock database backends raises when evaluated."""
    stack = ExitStack()
    stock = (stock_postgres.PostgresSearchResults, stock_fallback.DatabaseSearchResults)
    if connection.vendor == "sqlite":  # its module defines SQLite-only models: importable on SQLite only
        from modelsearch.backends.database.sqlite import sqlite as stock_sqlite

        stock += (stock_sqlite.SQLiteSearchResults,)
    for results in stock:
        for name in ("_do_search", "_do_count"):
            stack.enter_context(mock.patch.object(results, name, side_effect=AssertionError("stock search reached")))
    return stack


class PageSearchBackendTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, (cls.dinkes, cls.dinsos) = build_region_tree(opd_count=2, news_per_opd=0)
        dinkes_news = NewsIndexPage.objects.child_of(cls.dinkes).get()
        dinsos_news = NewsIndexPage.objects.child_of(cls.dinsos).get()
        cls.service = NewsPageFactory(
            parent=dinkes_news, title="Imunisasi campak di puskesmas", lead="Pelayanan imunisasi gratis untuk balita."
        )
        cls.other = NewsPageFactory(parent=dinsos_news, title="Bantuan sosial tahap dua", lead="Pelayanan bansos.")
        cls.draft = NewsPageFactory(parent=dinkes_news, title="Draf pelayanan malam", live=False)
        cls.private = NewsPageFactory(parent=dinsos_news, title="Pelayanan khusus pegawai", lead="Pelayanan internal.")
        PageViewRestriction.objects.create(page=cls.private, restriction_type="login")
        cls.admin = get_user_model().objects.create_superuser("root", "root@example.com", "x" * 12)

    def api_titles(self, **params):
        params = {"fields": "title", "type": "opd_pages.NewsPage", **params}
        response = self.client.get(reverse("wagtailapi:pages:listing"), params)
        self.assertEqual(response.status_code, 200, response.content[:300])
        return [item["title"] for item in response.json()["items"]], response.json()["meta"]["total_count"]

    def test_wagtails_index_holds_no_page_rows(self):
        page_apps = ["opd_pages", "home", "wagtailcore"]
        self.assertFalse(IndexEntry.objects.filter(content_type__app_label__in=page_apps).exists())
        self.assertIsInstance(get_search_backend("default"), portal_database.PortalPagesMixin)

    def test_api_search_answers_from_the_portal_index_only(self):
        with stock_search_raises():
            titles, total = self.api_titles(search="pelayanan")
        # The lead is searched (not only titles), stemmed ("pelayanan" → "layan"); drafts and
        # restricted pages never show.
        with stock_search_raises():
            _titles, all_types = self.api_titles(search="pelayanan", type="wagtailcore.Page")
        self.assertGreater(all_types, 2)  # the OPDs' "Layanan" sections match the stem too
        self.assertCountEqual(titles, [self.service.title, self.other.title])
        self.assertEqual(total, 2)
        with stock_search_raises():
            titles, _total = self.api_titles(search="imunisasi balita")
        self.assertEqual(titles, [self.service.title])
        with stock_search_raises():
            titles, total = self.api_titles(search="tidakadasamasekali")
        self.assertEqual((titles, total), ([], 0))

    def test_api_search_keeps_the_callers_filters_and_order(self):
        with stock_search_raises():
            titles, _total = self.api_titles(search="pelayanan", child_of=str(self.service.get_parent().pk))
            self.assertEqual(titles, [self.service.title])
            titles, _total = self.api_titles(search="pelayanan", order="title")
        self.assertEqual(titles, sorted([self.service.title, self.other.title]))

    def test_title_matches_rank_first(self):
        NewsPageFactory(
            parent=NewsIndexPage.objects.child_of(self.dinsos).get(),
            title="Pelayanan KTP keliling",
            lead="Di kantor kecamatan.",
        )
        with stock_search_raises():
            titles, _total = self.api_titles(search="pelayanan")
        self.assertEqual(titles[0], "Pelayanan KTP keliling")

    def test_admin_page_search_finds_live_pages_by_title_prefix_and_drafts(self):
        self.client.force_login(self.admin)
        with stock_search_raises():
            response = self.client.get(reverse("wagtailadmin_pages:search"), {"q": "imunis"})
            self.assertContains(response, self.service.title)
            self.assertNotContains(response, self.other.title)
            response = self.client.get(reverse("wagtailadmin_pages:search"), {"q": "draf pelay"})
            self.assertContains(response, self.draft.title)
            response = self.client.get(reverse("wagtailadmin_pages:search_results"), {"q": "bantuan"})
            self.assertContains(response, self.other.title)

    def test_explorer_search_and_page_chooser_search_use_the_portal_index(self):
        self.client.force_login(self.admin)
        with stock_search_raises():
            explorer = self.client.get(reverse("wagtailadmin_explore", args=[self.dinkes.pk]), {"q": "imunisasi"})
            self.assertContains(explorer, self.service.title)
            self.assertNotContains(explorer, self.other.title)
            chooser = self.client.get(reverse("wagtailadmin_choose_page_search"), {"q": "bantuan"})
            self.assertContains(chooser, self.other.title)

    def test_a_failing_portal_index_degrades_to_title_matches_never_a_500(self):
        self.client.force_login(self.admin)
        with (
            stock_search_raises(),
            mock.patch.object(portal_database.PortalPageResults, "matching", side_effect=DatabaseError("index gone")),
        ):
            response = self.client.get(reverse("wagtailadmin_pages:search"), {"q": "imunisasi"})
            self.assertContains(response, self.service.title)
            titles, _total = self.api_titles(search="bantuan")
        self.assertEqual(titles, [self.other.title])

    def test_a_publish_indexes_the_page_for_the_api_and_an_unpublish_removes_it(self):
        page = NewsPage.objects.get(pk=self.draft.pk)
        page.save_revision().publish()
        with stock_search_raises():
            titles, _total = self.api_titles(search="malam")
        self.assertEqual(titles, [self.draft.title])
        NewsPage.objects.get(pk=page.pk).unpublish()
        with stock_search_raises():
            titles, _total = self.api_titles(search="malam")
        self.assertEqual(titles, [])

    def test_live_only_reads_the_querysets_own_filters(self):
        self.assertTrue(portal_database.live_only(Page.objects.live().filter(depth__gt=1)))
        self.assertFalse(portal_database.live_only(Page.objects.filter(depth__gt=1)))
        self.assertFalse(portal_database.live_only(Page.objects.exclude(live=True)))
        self.assertFalse(portal_database.live_only(Page.objects.filter(live=False)))


class BoundedApiSearchTests(TestCase):
    """A word in more pages than the count limit: the API reads the newest matches a bounded list
    at a time, and answers exactly as filtering by every match would (count capped, newest first)."""

    @classmethod
    def setUpTestData(cls):
        cls.home, (cls.old, cls.new) = build_region_tree(opd_count=2, news_per_opd=0)
        cls.old_index = NewsIndexPage.objects.child_of(cls.old).get()
        new_index = NewsIndexPage.objects.child_of(cls.new).get()
        cls.old_pages = [NewsPageFactory(parent=cls.old_index, title=f"Kerja bakti warga {n}") for n in range(7)]
        cls.new_pages = [NewsPageFactory(parent=new_index, title=f"Posyandu warga {n}") for n in range(7)]

    def api(self, **params):
        params = {"fields": "title", "search": "warga", **params}
        response = self.client.get(reverse("wagtailapi:pages:listing"), params)
        self.assertEqual(response.status_code, 200, response.content[:300])
        return [item["id"] for item in response.json()["items"]], response.json()["meta"]["total_count"]

    def limits(self, read_max=12):
        return mock.patch.multiple(portal_database, COUNT_LIMIT=3, RANK_WINDOW=2, BOUNDED_READ_MAX=read_max)

    def test_the_count_stops_at_the_limit_and_pages_come_newest_first(self):
        with stock_search_raises(), self.limits():
            ids, total = self.api(limit="4")
            later, _total = self.api(limit="4", offset="4")
        self.assertEqual(total, 3)
        newest = sorted((page.pk for page in self.old_pages + self.new_pages), reverse=True)
        self.assertEqual(ids + later, newest[:8])

    def test_a_filter_that_leaves_out_the_newest_matches_reads_further_back(self):
        with stock_search_raises(), self.limits(), CaptureQueriesContext(connection) as queries:
            ids, total = self.api(child_of=str(self.old_index.pk), limit="5")
        self.assertEqual(total, 3)
        self.assertEqual(ids, sorted((page.pk for page in self.old_pages), reverse=True)[:5])
        column = "page_id" if connection.vendor == "postgresql" else "rowid"
        newest_first = f"ORDER BY {column} DESC LIMIT"
        reads = [query["sql"] for query in queries.captured_queries if newest_first in query["sql"]]
        self.assertGreater(len(reads), 1)  # the first list (the newest 3 or 5) held no page of that OPD

    def test_bounded_answers_equal_the_answers_from_every_match(self):
        cases = [{"limit": "3"}, {"limit": "5", "offset": "6"}, {"child_of": str(self.old_index.pk), "limit": "10"}]
        for read_max in (12, 3):  # 3: the whole set at once, past the bound
            for params in cases:
                with self.subTest(params=params, read_max=read_max), self.limits(read_max):
                    bounded = self.api(**params)
                    with mock.patch.object(portal_database.PortalPageResults, "draft_free", return_value=False):
                        everything = self.api(**params)
                    self.assertEqual(bounded, everything)

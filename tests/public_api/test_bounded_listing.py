"""API listings at a province's size: no ``pk IN (every page)``, a bounded total, deep pages by key."""

from unittest import mock

from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction, Site

from opd_pages.models import NewsIndexPage
from tests.factories.opd_pages import NewsPageFactory
from tests.trees import build_region_tree


class BoundedListingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, (cls.dinkes, cls.dinsos) = build_region_tree(opd_count=2, news_per_opd=0)
        dinkes_news = NewsIndexPage.objects.child_of(cls.dinkes).get()
        cls.dinsos_news = NewsIndexPage.objects.child_of(cls.dinsos).get()
        cls.public = [NewsPageFactory(parent=dinkes_news, title=f"Berita {n}") for n in range(6)]
        cls.draft = NewsPageFactory(parent=dinkes_news, title="Draf", live=False)
        # A restriction on an ancestor hides every page below it.
        cls.hidden = NewsPageFactory(parent=cls.dinsos_news, title="Di bawah halaman terbatas")
        PageViewRestriction.objects.create(page=cls.dinsos_news, restriction_type="login")

    def listing(self, query=""):
        response = self.client.get(f"/api/v2/pages/?type=opd_pages.NewsPage{query}")
        self.assertEqual(response.status_code, 200, response.content[:300])
        return response.json()

    def test_one_page_type_is_listed_without_a_set_of_every_page(self):
        with CaptureQueriesContext(connection) as queries:
            answer = self.listing()
        self.assertEqual({item["title"] for item in answer["items"]}, {page.title for page in self.public})
        self.assertEqual(answer["meta"]["total_count"], 6)
        self.assertNotIn("total_count_capped", answer["meta"])
        listing_sql = [q["sql"] for q in queries.captured_queries if "opd_pages_newspage" in q["sql"]]
        self.assertTrue(listing_sql)
        for sql in listing_sql:
            self.assertNotIn('"page_ptr_id" IN (SELECT', sql)

    def test_restricted_subtrees_drafts_and_other_sites_stay_out(self):
        answer = self.listing("&limit=50")
        titles = {item["title"] for item in answer["items"]}
        self.assertNotIn("Draf", titles)
        self.assertNotIn("Di bawah halaman terbatas", titles)
        # The same pages through another site whose root is Dinsos: everything there is restricted.
        Site.objects.create(hostname="dinsos.contohkab.go.id", port=80, root_page=self.dinsos)
        self.assertEqual(self.listing("&site=dinsos.contohkab.go.id")["items"], [])
        self.assertEqual(self.listing("&site=dinsos.contohkab.go.id")["meta"]["total_count"], 0)

    @override_settings(WAGTAILAPI_LIMIT_MAX=2)
    def test_the_total_stops_after_the_deepest_reachable_page_and_says_so(self):
        with mock.patch("public_api.views.MAX_OFFSET", 3):
            answer = self.listing("&limit=2")
            self.assertEqual(answer["meta"]["total_count"], 5)
            self.assertIs(answer["meta"]["total_count_capped"], True)
            self.assertEqual(self.client.get("/api/v2/pages/?type=opd_pages.NewsPage&offset=4").status_code, 400)
        with mock.patch("public_api.views.MAX_OFFSET", 10):
            answer = self.listing("&limit=2")
            self.assertEqual(answer["meta"]["total_count"], 6)
            self.assertNotIn("total_count_capped", answer["meta"])

    def test_a_deep_page_found_by_key_is_the_same_page_as_the_plain_offset(self):
        for order in ("", "&order=-title", "&order=title"):
            with self.subTest(order=order):
                with mock.patch("public_api.views.DEEP_OFFSET", 10_000):
                    plain = [item["id"] for item in self.listing(f"&offset=2&limit=3{order}")["items"]]
                with mock.patch("public_api.views.DEEP_OFFSET", 1):
                    by_key = [item["id"] for item in self.listing(f"&offset=2&limit=3{order}")["items"]]
                self.assertEqual(len(plain), 3)
                self.assertEqual(by_key, plain)

    def test_search_results_keep_their_own_count(self):
        answer = self.listing("&search=Berita")
        self.assertEqual(answer["meta"]["total_count"], 6)


class PostgresSessionTests(TestCase):
    def test_web_queries_start_no_parallel_workers_on_postgresql(self):
        if connection.vendor != "postgresql":
            self.assertNotIn("options", connection.settings_dict.get("OPTIONS", {}))
            return
        with connection.cursor() as cursor:
            cursor.execute("SHOW max_parallel_workers_per_gather")
            self.assertEqual(cursor.fetchone()[0], "0")


class AmbiguousSiteTests(TestCase):
    def test_a_host_name_of_several_sites_asks_for_the_port(self):
        home, (dinkes,) = build_region_tree(opd_count=1, news_per_opd=1)
        Site.objects.create(hostname="portal.contohkab.go.id", port=80, root_page=home)
        Site.objects.create(hostname="portal.contohkab.go.id", port=8080, root_page=dinkes)
        response = self.client.get("/api/v2/pages/?type=opd_pages.NewsPage&site=portal.contohkab.go.id")
        self.assertEqual(response.status_code, 400)
        self.assertIn("nomor port", response.json()["message"])
        response = self.client.get("/api/v2/pages/?type=opd_pages.NewsPage&site=portal.contohkab.go.id:8080")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json()["meta"]["total_count"], 1)


class PagingParameterTests(TestCase):
    def test_a_bad_offset_or_limit_is_refused_in_indonesian(self):
        build_region_tree(opd_count=1, news_per_opd=1)
        for query in ("offset=abc", "offset=-1", "limit=x", "limit=2.5"):
            with self.subTest(query=query):
                response = self.client.get(f"/api/v2/pages/?type=opd_pages.NewsPage&{query}")
                self.assertEqual(response.status_code, 400)
                self.assertIn("harus berupa bilangan bulat", response.json()["message"])
        self.assertEqual(self.client.get("/api/v2/pages/?type=opd_pages.NewsPage&offset=0&limit=5").status_code, 200)

"""Links follow the host the visitor used, also when a second Wagtail Site exists."""

from django.test import TestCase, override_settings
from wagtail.models import Site

from home.models import QuickLink
from opd_pages.models import NewsIndexPage
from tests.factories.home import RegionalPageFactory
from tests.factories.opd_pages import NewsPageFactory
from tests.trees import build_region_tree

HOST = "contohkab.go.id"


@override_settings(ALLOWED_HOSTS=[HOST, "ppid.contohkab.go.id", "testserver"])
class SecondSiteHostTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, (cls.opd,) = build_region_tree(opd_count=1, news_per_opd=0)
        cls.news = NewsPageFactory(parent=NewsIndexPage.objects.child_of(cls.opd).get(), title="Kabar baru")
        ppid_root = RegionalPageFactory(parent=cls.home, title="PPID", slug="ppid")
        Site.objects.create(hostname="ppid.contohkab.go.id", port=80, root_page=ppid_root, site_name="PPID")
        QuickLink.objects.create(title="Layanan dinas", page=cls.opd, sort_order=0)

    def get(self, url):
        return self.client.get(url, HTTP_HOST=HOST)

    def test_quick_links_stay_on_the_visitors_host(self):
        response = self.get("/")
        self.assertContains(response, f'href="/{self.opd.slug}/"')
        self.assertNotContains(response, "http://localhost")

    def test_search_results_stay_on_the_visitors_host(self):
        response = self.get("/cari/?q=kabar")
        relative = self.news.url_path[len(self.home.url_path) - 1 :]
        self.assertEqual([result.url for result in response.context["results"]], [relative])
        self.assertNotContains(response, "http://localhost")

    def test_api_links_use_the_request_host(self):
        item = self.get(f"/api/v2/pages/{self.news.pk}/").json()
        self.assertEqual(item["meta"]["html_url"], f"http://{HOST}{self.news.url_path[len(self.home.url_path) - 1 :]}")
        self.assertTrue(item["meta"]["detail_url"].startswith(f"http://{HOST}/api/v2/pages/"))
        listing = self.get("/api/v2/pages/?type=opd_pages.NewsPage").json()
        for entry in listing["items"]:
            with self.subTest(entry=entry["id"]):
                self.assertTrue(entry["meta"]["html_url"].startswith(f"http://{HOST}/"))
                self.assertTrue(entry["meta"]["detail_url"].startswith(f"http://{HOST}/"))

    def test_pages_of_the_second_site_keep_its_address(self):
        ppid = Site.objects.get(hostname="ppid.contohkab.go.id").root_page
        item = self.get(f"/api/v2/pages/{ppid.pk}/").json()
        self.assertEqual(item["meta"]["html_url"], "http://ppid.contohkab.go.id/")


class OpdHomeApiTests(TestCase):
    def test_listing_opd_home_pages_by_type_answers(self):
        _home, opds = build_region_tree(opd_count=2, news_per_opd=0)
        response = self.client.get("/api/v2/pages/?type=opd_pages.OpdHomePage&fields=acronym")
        self.assertEqual(response.status_code, 200)
        self.assertEqual({item["acronym"] for item in response.json()["items"]}, {opd.acronym for opd in opds})

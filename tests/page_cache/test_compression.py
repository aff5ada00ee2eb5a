"""Anonymous public pages are sent gzipped; nothing with a secret ever is (BREACH); the page
cache keeps the compressed body."""

import gzip

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.test import TestCase, override_settings
from wagtail.models import Site

from home.models import PinnedAnnouncement, RegionAlert
from opd_pages.models import NewsIndexPage
from page_cache import cache as page_cache
from page_cache.middleware import CachedPage
from tests.factories.opd_pages import NewsPageFactory
from tests.trees import build_region_tree

GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}


class CompressionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, (cls.dinkes,) = build_region_tree(opd_count=1, news_per_opd=0)
        cls.news = NewsPageFactory(parent=NewsIndexPage.objects.child_of(cls.dinkes).get(), title="Imunisasi campak")

    def test_public_pages_feeds_sitemaps_search_and_api_are_gzipped_for_anonymous_visitors(self):
        for url in (
            "/",
            self.dinkes.url,
            self.news.url,
            "/sitemap.xml",
            "/umpan/berita.rss",
            "/cari/?q=imunisasi",
            "/api/v2/pages/",
        ):
            with self.subTest(url):
                response = self.client.get(url, **GZIP)
                self.assertEqual(response.status_code, 200)
                self.assertEqual(response["Content-Encoding"], "gzip")
                self.assertIn("Accept-Encoding", response["Vary"])
                self.assertGreater(len(gzip.decompress(response.content)), len(response.content))

    def test_a_visitor_whose_browser_cannot_gunzip_gets_plain_html(self):
        response = self.client.get("/")
        self.assertFalse(response.has_header("Content-Encoding"))
        self.assertIn("Accept-Encoding", response["Vary"])
        self.assertContains(response, "Imunisasi campak")

    def test_logged_in_editors_get_nothing_compressed(self):
        editor = get_user_model().objects.create_superuser("diskominfo", "d@contohkab.go.id", "rahasia-12345")
        self.client.force_login(editor)
        for url in ("/", self.news.url, "/admin/"):
            with self.subTest(url):
                self.assertFalse(self.client.get(url, **GZIP).has_header("Content-Encoding"))

    def test_pages_with_a_csrf_token_or_a_citizens_secret_are_never_compressed(self):
        for url in ("/pengaduan/", "/admin/login/", "/pengaduan/lacak/ADU-0000/rahasia/"):
            with self.subTest(url):
                response = self.client.get(url, **GZIP)
                self.assertFalse(response.has_header("Content-Encoding"), url)

    def test_a_wagtail_page_that_puts_a_csrf_token_in_its_form_is_not_compressed(self):
        from django.middleware.csrf import get_token
        from wagtail import hooks

        def use_token(page, request, serve_args, serve_kwargs):
            get_token(request)  # what {% csrf_token %} in a page's form does

        with hooks.register_temporarily("before_serve_page", use_token):
            response = self.client.get(self.news.url, **GZIP)
        self.assertEqual(response.status_code, 200)
        self.assertFalse(response.has_header("Content-Encoding"))


@override_settings(PORTAL_PAGE_CACHE_SECONDS=300)
class CompressedPageCacheTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, (cls.dinkes,) = build_region_tree(opd_count=1, news_per_opd=0)
        NewsPageFactory(parent=NewsIndexPage.objects.child_of(cls.dinkes).get(), title="Imunisasi campak")
        site = Site.objects.get(is_default_site=True)
        RegionAlert.for_site(site)  # settings rows exist, as on any site past its first visit
        PinnedAnnouncement.for_site(site)

    def setUp(self):
        cache.clear()
        self.addCleanup(cache.clear)

    def test_the_cache_stores_the_gzipped_body_and_serves_both_kinds_of_visitor(self):
        first = self.client.get("/", **GZIP)
        self.assertEqual(first["X-Page-Cache"], "miss")
        plain = gzip.decompress(first.content)
        entry = page_cache.backend().get(page_cache.key_for(first.wsgi_request, page_cache.generation()))
        self.assertIsInstance(entry, CachedPage)
        self.assertTrue(entry.gzipped)
        self.assertEqual(gzip.decompress(entry.body), plain)
        self.assertLess(len(entry.body), len(plain) / 2)

        with self.assertNumQueries(1):
            hit = self.client.get("/", **GZIP)
        self.assertEqual((hit["X-Page-Cache"], hit["Content-Encoding"]), ("hit", "gzip"))
        self.assertEqual(hit.content, entry.body)
        self.assertEqual(hit["Content-Length"], str(len(entry.body)))

        old_browser = self.client.get("/")
        self.assertEqual(old_browser["X-Page-Cache"], "hit")
        self.assertFalse(old_browser.has_header("Content-Encoding"))
        self.assertEqual(old_browser.content, plain)
        self.assertIn("Accept-Encoding", old_browser["Vary"])
        self.assertEqual(old_browser["Content-Type"], first["Content-Type"])

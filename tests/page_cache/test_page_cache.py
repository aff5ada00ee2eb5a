"""Anonymous visitors get cached pages; anything published, unpublished or featured shows at once."""

import datetime
import time
from unittest import mock

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.test import TestCase, override_settings
from django.utils import timezone
from wagtail.models import Site
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield

from home.models import Highlight, PinnedAnnouncement, RegionAlert
from opd_pages.models import NewsIndexPage, NewsPage
from tests.factories.opd_pages import NewsPageFactory
from tests.trees import build_region_tree


@override_settings(PORTAL_PAGE_CACHE_SECONDS=300)
class PageCacheTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, (cls.dinkes,) = build_region_tree(opd_count=1, news_per_opd=0)
        cls.index = NewsIndexPage.objects.child_of(cls.dinkes).get()
        cls.news = NewsPageFactory(parent=cls.index, title="Imunisasi campak")
        cls.editor = get_user_model().objects.create_superuser("diskominfo", "d@contohkab.go.id", "rahasia-12345")
        site = Site.objects.get(is_default_site=True)
        RegionAlert.for_site(site)  # settings rows exist, as on any site past its first visit
        PinnedAnnouncement.for_site(site)

    def setUp(self):
        cache.clear()
        self.addCleanup(cache.clear)

    def test_second_anonymous_visit_is_served_from_cache_without_queries(self):
        first = self.client.get("/")
        self.assertEqual(first["X-Page-Cache"], "miss")
        with self.assertNumQueries(0):
            second = self.client.get("/")
        self.assertEqual(second["X-Page-Cache"], "hit")
        self.assertEqual(second.content, first.content)

    def test_publishing_shows_on_the_home_page_and_the_opd_section_at_once(self):
        for url in ("/", self.dinkes.url):
            self.client.get(url)
        draft = NewsPageFactory(parent=self.index, title="Pelayanan keliling", live=False)
        self.assertNotContains(self.client.get("/"), "Pelayanan keliling")
        draft.save_revision().publish()
        for url in ("/", self.dinkes.url):
            with self.subTest(url):
                response = self.client.get(url)
                self.assertEqual(response["X-Page-Cache"], "miss")
                self.assertContains(response, "Pelayanan keliling")

    def test_unpublishing_removes_the_item_at_once(self):
        self.assertContains(self.client.get("/"), "Imunisasi campak")
        NewsPage.objects.get(pk=self.news.pk).unpublish()
        self.assertNotContains(self.client.get("/"), "Imunisasi campak")

    def test_featuring_shows_at_once_and_the_end_date_bounds_the_cache(self):
        self.client.get("/")
        ends_at = timezone.now() + datetime.timedelta(seconds=30)
        Highlight.objects.create(page=self.news, ends_at=ends_at)
        response = self.client.get("/")
        self.assertEqual([h.page_id for h in response.context["highlights"]], [self.news.pk])
        self.assertEqual(self.client.get("/")["X-Page-Cache"], "hit")

        later = ends_at + datetime.timedelta(seconds=1)
        real_time = time.time()
        with (
            mock.patch("django.core.cache.backends.locmem.time.time", return_value=real_time + 31),
            mock.patch("django.utils.timezone.now", return_value=later),
        ):
            response = self.client.get("/")
        self.assertEqual(response["X-Page-Cache"], "miss")
        self.assertEqual(list(response.context["highlights"]), [])

    def test_query_strings_are_cached_apart(self):
        self.client.get(self.index.url)
        response = self.client.get(f"{self.index.url}?halaman=2")
        self.assertEqual(response["X-Page-Cache"], "miss")

    def test_editors_never_get_or_fill_the_cache(self):
        self.client.get("/")  # an anonymous copy is cached
        NewsPage.objects.filter(pk=self.news.pk).update(title="Judul diubah tanpa terbit")
        self.client.force_login(self.editor)
        response = self.client.get("/")
        self.assertFalse(response.has_header("X-Page-Cache"))
        self.assertContains(response, "Judul diubah tanpa terbit")

    def test_preview_shows_the_draft_not_a_cached_page(self):
        self.client.get(self.news.url)
        self.client.force_login(self.editor)
        edit_url = f"/admin/pages/{self.news.pk}/edit/"
        data = querydict_from_html(self.client.get(edit_url).content.decode(), form_id="page-edit-form")
        data.update(nested_form_data({"body": streamfield([])}))
        data["title"] = "Draf judul baru"
        self.assertEqual(self.client.post(f"{edit_url}preview/", data).json()["is_valid"], True)
        response = self.client.get(f"{edit_url}preview/?mode=")
        self.assertContains(response, "Draf judul baru")
        self.assertFalse(response.has_header("X-Page-Cache"))

    def test_not_found_and_feeds_are_not_cached(self):
        for url in ("/tidak-ada/", "/umpan/berita.rss"):
            with self.subTest(url):
                self.client.get(url)
                self.assertFalse(self.client.get(url).has_header("X-Page-Cache"))


class PageCacheOffInTestsTests(TestCase):
    def test_test_settings_keep_the_page_cache_off(self):
        build_region_tree(opd_count=1, news_per_opd=0)
        self.assertFalse(self.client.get("/").has_header("X-Page-Cache"))

"""Anonymous visitors get cached pages; anything published, unpublished or featured shows at once."""

import datetime
import time
from io import StringIO
from unittest import mock

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache
from django.core.management import call_command
from django.test import TestCase, override_settings
from django.utils import timezone
from wagtail.models import Site
from wagtail.search import index
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield

from home.models import Highlight, PinnedAnnouncement, RegionAlert
from opd_pages.models import NewsIndexPage, NewsPage
from page_cache import cache as page_cache
from page_cache.middleware import PageCacheMiddleware
from search import signal_handlers as search_signal_handlers
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

    def test_second_anonymous_visit_is_served_from_cache_with_one_query(self):
        first = self.client.get("/")
        self.assertEqual(first["X-Page-Cache"], "miss")
        with self.assertNumQueries(1):  # the generation: a change made by another process shows at once
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

    def test_saving_a_draft_of_a_live_page_keeps_the_cache(self):
        self.client.get("/")
        before = page_cache.generation()
        news = NewsPage.objects.get(pk=self.news.pk)
        news.title = "Judul draf"
        news.save_revision()
        self.assertEqual(page_cache.generation(), before)
        response = self.client.get("/")
        self.assertEqual(response["X-Page-Cache"], "hit")
        self.assertNotContains(response, "Judul draf")

    def test_creating_a_draft_page_keeps_the_cache(self):
        before = page_cache.generation()
        NewsPageFactory(parent=self.index, title="Belum terbit", live=False).save_revision()
        self.assertEqual(page_cache.generation(), before)

    def test_one_publish_clears_the_cache_once_and_indexes_the_page_once(self):
        news = NewsPage.objects.get(pk=self.news.pk)
        news.title = "Imunisasi campak diperluas"
        revision = news.save_revision()
        before = page_cache.generation()
        with mock.patch.object(
            search_signal_handlers.index, "insert_or_update_object", wraps=index.insert_or_update_object
        ) as indexed:
            revision.publish()
        self.assertEqual(page_cache.generation(), before + 1)
        self.assertEqual([call.args[0].pk for call in indexed.call_args_list], [news.pk])
        self.assertContains(self.client.get("/"), "Imunisasi campak diperluas")

    def test_unpublish_move_and_delete_each_clear_the_cache_once(self):
        other = NewsIndexPage.objects.get(pk=self.index.pk)
        cases = [
            ("unpublish", lambda: NewsPage.objects.get(pk=self.news.pk).unpublish()),
            ("move", lambda: NewsPage.objects.get(pk=self.news.pk).move(other.get_parent(), pos="last-child")),
            ("delete", lambda: NewsPage.objects.get(pk=self.news.pk).delete()),
        ]
        for name, change in cases:
            with self.subTest(name):
                if name != "unpublish":
                    NewsPage.objects.get(pk=self.news.pk).save_revision().publish()
                before = page_cache.generation()
                change()
                self.assertEqual(page_cache.generation(), before + 1)

    def test_saving_a_snippet_or_a_setting_pages_show_clears_the_cache(self):
        site = Site.objects.get(is_default_site=True)
        for name, change in [
            ("highlight", lambda: Highlight.objects.create(page=self.news)),
            ("alert", lambda: RegionAlert.for_site(site).save()),
        ]:
            with self.subTest(name):
                before = page_cache.generation()
                change()
                self.assertEqual(page_cache.generation(), before + 1)

    def test_a_scheduled_unpublish_by_the_cron_command_shows_at_once(self):
        """publish_scheduled runs in another process: its memory cache is not the server's."""
        self.assertContains(self.client.get(self.news.url), "Imunisasi campak")
        self.assertEqual(self.client.get(self.news.url)["X-Page-Cache"], "hit")
        NewsPage.objects.filter(pk=self.news.pk).update(expire_at=timezone.now() - datetime.timedelta(minutes=1))
        cron_memory = LocMemCache("cron-process", {})
        with mock.patch.object(page_cache, "backend", return_value=cron_memory):
            call_command("publish_scheduled", stdout=StringIO())
        self.assertEqual(self.client.get(self.news.url).status_code, 404)
        self.assertNotContains(self.client.get("/"), "Imunisasi campak")

    def test_the_alert_banner_window_bounds_every_cached_page(self):
        site = Site.objects.get(is_default_site=True)
        alert = RegionAlert.for_site(site)
        alert.is_active, alert.message = True, "Siaga banjir"
        alert.ends_at = timezone.now() + datetime.timedelta(seconds=40)
        alert.save()
        with mock.patch.object(PageCacheMiddleware, "write") as write:
            self.client.get(self.dinkes.url)
        timeout = write.call_args.args[2]
        self.assertLessEqual(timeout, 40)
        self.assertGreater(timeout, 30)

    def test_a_failing_cache_serves_the_page(self):
        broken = mock.Mock(get=mock.Mock(side_effect=ConnectionError), set=mock.Mock(side_effect=ConnectionError))
        with mock.patch.object(page_cache, "backend", return_value=broken):
            response = self.client.get("/")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Imunisasi campak")


class PageCacheOffInTestsTests(TestCase):
    def test_test_settings_keep_the_page_cache_off(self):
        build_region_tree(opd_count=1, news_per_opd=0)
        self.assertFalse(self.client.get("/").has_header("X-Page-Cache"))

"""RSS 2.0 and Atom feeds of the region and of each OPD parse cleanly in feedparser."""

import datetime

import feedparser
from django.test import TestCase
from django.utils import timezone
from wagtail.images.tests.utils import get_test_image_file
from wagtail_factories import ImageFactory

from opd_pages.models import AnnouncementIndexPage, NewsIndexPage
from tests.factories.opd_pages import AnnouncementPageFactory, NewsPageFactory
from tests.trees import build_region_tree


class FeedTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, (cls.dinkes, cls.dinsos) = build_region_tree(opd_count=2, news_per_opd=0)
        image = ImageFactory(file=get_test_image_file(filename="foto.png", size=(1200, 800)))
        cls.date = timezone.localdate() - datetime.timedelta(days=2)
        cls.news = NewsPageFactory(
            parent=NewsIndexPage.objects.child_of(cls.dinkes).get(),
            title="Imunisasi campak di Puskesmas",
            lead="Ratusan anak mendapat imunisasi.",
            date=cls.date,
            main_image=image,
        )
        cls.news.tags.add("imunisasi")
        cls.news.save()
        cls.other = NewsPageFactory(parent=NewsIndexPage.objects.child_of(cls.dinsos).get(), title="Bantuan pangan")
        cls.draft = NewsPageFactory(
            parent=NewsIndexPage.objects.child_of(cls.dinsos).get(), title="Draf berita", live=False
        )
        cls.announcement = AnnouncementPageFactory(
            parent=AnnouncementIndexPage.objects.child_of(cls.dinkes).get(), title="Jadwal vaksinasi"
        )
        cls.expired = AnnouncementPageFactory(
            parent=AnnouncementIndexPage.objects.child_of(cls.dinkes).get(),
            title="Pengumuman lama",
            valid_until=timezone.localdate() - datetime.timedelta(days=1),
        )

    def parse(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        feed = feedparser.parse(response.content)
        self.assertFalse(feed.bozo, feed.get("bozo_exception"))
        return feed

    def test_region_news_feeds_parse_cleanly_in_both_formats(self):
        for fmt, version in (("rss", "rss20"), ("atom", "atom10")):
            with self.subTest(fmt):
                feed = self.parse(f"/umpan/berita.{fmt}")
                self.assertEqual(feed.version, version)
                self.assertIn("Pemerintah Kabupaten Contoh", feed.feed.title)
                self.assertEqual(
                    [entry.title for entry in feed.entries], ["Bantuan pangan", "Imunisasi campak di Puskesmas"]
                )

    def test_entries_carry_link_date_in_region_time_zone_summary_enclosure_and_tags(self):
        for fmt in ("rss", "atom"):
            with self.subTest(fmt):
                entry = self.parse(f"/umpan/berita.{fmt}").entries[1]
                self.assertEqual(entry.link, f"http://testserver{self.news.url}")
                self.assertEqual(entry.summary, "Ratusan anak mendapat imunisasi.")
                published = entry.published
                # The news date as citizens see it, with the region's UTC offset (WIB = +07:00).
                if fmt == "atom":
                    self.assertRegex(published, rf"^{self.date.isoformat()}T\d\d:\d\d:\d\d\+07:00$")
                else:
                    self.assertIn(f"{self.date:%d} {self.date:%b} {self.date:%Y} ", published)
                    self.assertTrue(published.endswith("+0700"))
                enclosure = next(link for link in entry.links if link.rel == "enclosure")
                self.assertEqual(enclosure.type, "image/webp")
                self.assertTrue(enclosure.href.startswith("http://testserver/"))
                self.assertGreater(int(enclosure.length), 0)
                self.assertEqual([tag.term for tag in entry.tags], ["imunisasi"])

    def test_opd_feed_holds_only_that_opds_news(self):
        feed = self.parse(f"/umpan/{self.dinkes.slug}/berita.rss")
        self.assertIn(self.dinkes.acronym, feed.feed.title)
        self.assertEqual([entry.title for entry in feed.entries], ["Imunisasi campak di Puskesmas"])

    def test_announcement_feeds_hold_current_announcements_only(self):
        for url in ("/umpan/pengumuman.atom", f"/umpan/{self.dinkes.slug}/pengumuman.rss"):
            with self.subTest(url):
                self.assertEqual([entry.title for entry in self.parse(url).entries], ["Jadwal vaksinasi"])

    def test_unknown_opd_feed_is_not_found(self):
        self.assertEqual(self.client.get("/umpan/tidak-ada/berita.rss").status_code, 404)

    def test_pages_announce_region_feeds_and_their_opds_feeds(self):
        html = self.client.get(self.news.url).content.decode()
        for href in ("/umpan/berita.rss", "/umpan/berita.atom", f"/umpan/{self.dinkes.slug}/berita.rss"):
            with self.subTest(href):
                self.assertIn(f'href="{href}"', html)
        self.assertIn('<link rel="alternate" type="application/atom+xml"', html)
        self.assertNotIn(f"/umpan/{self.dinkes.slug}/", self.client.get("/").content.decode())

    def test_every_atom_feed_has_its_own_id(self):
        urls = [
            "/umpan/berita.atom",
            "/umpan/pengumuman.atom",
            f"/umpan/{self.dinkes.slug}/berita.atom",
            f"/umpan/{self.dinkes.slug}/pengumuman.atom",
            f"/umpan/{self.dinsos.slug}/berita.atom",
        ]
        ids = [self.parse(url).feed.id for url in urls]
        self.assertEqual(len(set(ids)), len(urls), ids)
        self.assertEqual(ids[2], f"http://testserver/umpan/{self.dinkes.slug}/berita.atom")

    def test_feed_objects_keep_no_request_state_between_requests(self):
        from django.urls import resolve

        view = resolve(f"/umpan/{self.dinkes.slug}/berita.rss").func
        self.parse(f"/umpan/{self.dinkes.slug}/berita.rss")
        # The URL's callback is a plain function: nothing of the served request stays on it or a shared feed.
        self.assertFalse(hasattr(view, "source"))
        self.assertFalse(hasattr(view.feed_class, "source"))
        feed = self.parse("/umpan/berita.rss")
        self.assertIn("Bantuan pangan", [entry.title for entry in feed.entries])

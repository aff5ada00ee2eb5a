"""OPD listings: pagination, expiry of announcements, upcoming events, and "which OPD"."""

import datetime

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from opd_pages.models import AnnouncementIndexPage, EventIndexPage, NewsIndexPage, NewsPage, attach_opds
from tests.factories.opd_pages import AnnouncementPageFactory, EventPageFactory, NewsPageFactory
from tests.trees import build_region_tree


class NewsListingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.opds = build_region_tree(opd_count=2, news_per_opd=0)
        cls.index = NewsIndexPage.objects.child_of(cls.opds[0]).get()
        today = timezone.localdate()
        cls.news = [
            NewsPageFactory(parent=cls.index, title=f"Berita hari ke-{day}", date=today - datetime.timedelta(days=day))
            for day in range(12)
        ]

    def test_news_index_lists_newest_first_ten_per_page(self):
        response = self.client.get(self.index.url)
        titles = [item.title for item in response.context["items"]]
        self.assertEqual(titles, [f"Berita hari ke-{day}" for day in range(10)])
        self.assertContains(response, "Halaman 1 dari 2")
        self.assertContains(response, 'href="?halaman=2"')

    def test_second_page_and_out_of_range_page_numbers_show_a_normal_page(self):
        second = self.client.get(self.index.url, {"halaman": 2})
        self.assertEqual([item.title for item in second.context["items"]], ["Berita hari ke-10", "Berita hari ke-11"])
        for bad in ["999", "-1", "abc", "1e9", "%00"]:
            with self.subTest(halaman=bad):
                response = self.client.get(self.index.url, {"halaman": bad})
                self.assertEqual(response.status_code, 200)

    def test_news_of_this_opd_only(self):
        other_index = NewsIndexPage.objects.child_of(self.opds[1]).get()
        NewsPageFactory(parent=other_index, title="Berita OPD lain")
        self.assertNotIn("Berita OPD lain", [n.title for n in NewsPage.objects.of_opd(self.opds[0])])
        self.assertIn("Berita OPD lain", [n.title for n in NewsPage.objects.latest_across_opds()])

    def test_unpublished_and_restricted_news_leave_every_listing(self):
        self.news[0].unpublish()
        PageViewRestriction.objects.create(page=self.news[1], restriction_type=PageViewRestriction.LOGIN)
        listed = {n.title for n in NewsPage.objects.latest_across_opds()}
        self.assertNotIn(self.news[0].title, listed)
        self.assertNotIn(self.news[1].title, listed)
        self.assertIn(self.news[2].title, listed)

    def test_restriction_on_a_whole_opd_hides_its_news(self):
        PageViewRestriction.objects.create(page=self.opds[0], restriction_type=PageViewRestriction.LOGIN)
        self.assertFalse(NewsPage.objects.latest_across_opds().exists())

    def test_which_opd_costs_one_query_for_a_whole_list(self):
        other_index = NewsIndexPage.objects.child_of(self.opds[1]).get()
        NewsPageFactory(parent=other_index)
        pages = list(NewsPage.objects.latest_across_opds())
        with CaptureQueriesContext(connection) as queries:
            attach_opds(pages)
            acronyms = {page.opd.acronym for page in pages}
        self.assertEqual(len(queries), 1)
        self.assertEqual(acronyms, {"Opd0", "Opd1"})

    def test_a_single_page_knows_its_opd(self):
        self.assertEqual(self.news[0].opd, self.opds[0])
        self.assertEqual(self.index.opd, self.opds[0])


class AnnouncementAndEventListingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, (cls.opd,) = build_region_tree(opd_count=1, news_per_opd=0)
        today = timezone.localdate()
        index = AnnouncementIndexPage.objects.get()
        cls.current = AnnouncementPageFactory(parent=index, title="Masih berlaku", valid_until=today)
        cls.forever = AnnouncementPageFactory(parent=index, title="Berlaku terus", valid_until=None)
        cls.expired = AnnouncementPageFactory(
            parent=index, title="Sudah lewat", valid_until=today - datetime.timedelta(days=1)
        )
        events = EventIndexPage.objects.get()
        now = timezone.now()
        cls.upcoming = EventPageFactory(
            parent=events, title="Acara minggu depan", start=now + datetime.timedelta(days=7)
        )
        cls.running = EventPageFactory(
            parent=events,
            title="Acara sedang berjalan",
            start=now - datetime.timedelta(hours=1),
            end=now + datetime.timedelta(hours=2),
        )
        cls.past = EventPageFactory(
            parent=events,
            title="Acara bulan lalu",
            start=now - datetime.timedelta(days=30),
            end=now - datetime.timedelta(days=30) + datetime.timedelta(hours=2),
        )

    def test_expired_announcements_leave_the_listings_but_stay_readable(self):
        response = self.client.get(AnnouncementIndexPage.objects.get().url)
        self.assertContains(response, "Masih berlaku")
        self.assertContains(response, "Berlaku terus")
        self.assertNotContains(response, "Sudah lewat")
        self.assertNotContains(self.client.get(self.opd.url), "Sudah lewat")
        expired_page = self.client.get(self.expired.url)
        self.assertContains(expired_page, "Pengumuman ini sudah tidak berlaku.")

    def test_agenda_lists_upcoming_and_running_events_before_past_ones(self):
        response = self.client.get(EventIndexPage.objects.get().url)
        self.assertEqual([e.title for e in response.context["items"]], ["Acara sedang berjalan", "Acara minggu depan"])
        self.assertEqual([e.title for e in response.context["past_events"]], ["Acara bulan lalu"])

    def test_event_page_shows_times_with_the_region_time_zone(self):
        response = self.client.get(self.upcoming.url)
        self.assertContains(response, " WIB")

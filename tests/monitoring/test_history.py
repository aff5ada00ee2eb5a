"""What counts as a publication, and that past figures stay the same (reproducibility)."""

from django.test import TestCase
from wagtail.models import Page

from monitoring.history import publication_stats
from monitoring.report import Period, build_report, export_csv
from opd_pages.models import AnnouncementIndexPage, EventIndexPage, NewsPage, OpdHomePage
from tests.factories.opd_pages import AnnouncementPageFactory, EventPageFactory, ProfilePageFactory, make_opd_section
from tests.trees import build_region_tree

from .helpers import NOW, days_ago, publish, publish_news


class PublicationDefinitionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, (cls.opd, cls.other) = build_region_tree(opd_count=2, news_per_opd=0)
        cls.news = publish_news(cls.opd, days_ago(10))
        publish(
            AnnouncementPageFactory(parent=AnnouncementIndexPage.objects.child_of(cls.opd).get(), live=False),
            days_ago(20),
        )
        publish(EventPageFactory(parent=EventIndexPage.objects.child_of(cls.opd).get(), live=False), days_ago(40))
        publish(ProfilePageFactory(parent=cls.opd, live=False), days_ago(5))
        publish_news(cls.other, days_ago(100))

    def stats(self):
        buckets = [(days_ago(7), NOW), (days_ago(30), NOW), (days_ago(90), NOW), (days_ago(400), NOW)]
        return publication_stats([self.opd, self.other], buckets)

    def test_news_announcements_and_events_count_profile_pages_do_not(self):
        stats = self.stats()[self.opd.pk]
        self.assertEqual(stats.counts, [0, 2, 3, 3])
        self.assertEqual(stats.last_published_at, days_ago(10))

    def test_each_opd_gets_only_its_own_publications(self):
        other = self.stats()[self.other.pk]
        self.assertEqual(other.counts, [0, 0, 0, 1])
        self.assertEqual(other.last_published_at, days_ago(100))

    def test_republishing_an_edited_page_is_not_a_new_publication(self):
        publish(self.news, days_ago(1))
        stats = self.stats()[self.opd.pk]
        self.assertEqual(stats.counts, [0, 2, 3, 3])
        self.assertEqual(stats.last_published_at, days_ago(10))

    def test_unpublishing_does_not_erase_a_publication(self):
        self.news.unpublish()
        self.assertEqual(self.stats()[self.opd.pk].counts, [0, 2, 3, 3])

    def test_stored_first_published_at_is_not_used(self):
        Page.objects.filter(pk=self.news.pk).update(first_published_at=days_ago(1))
        self.assertEqual(self.stats()[self.opd.pk].counts[0], 0)

    def test_deleted_page_no_longer_counts(self):
        self.news.delete()
        self.assertEqual(self.stats()[self.opd.pk].counts, [0, 1, 2, 2])


class ReproducibilityTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.opds = build_region_tree(opd_count=3, news_per_opd=0)
        OpdHomePage.objects.update(first_published_at=days_ago(500))
        for number, opd in enumerate(cls.opds):
            for day in range(number * 3 + 1):
                publish_news(opd, days_ago(100 + day * 7))
        cls.period = Period(days_ago(200).date(), days_ago(60).date(), "uji")

    def test_same_period_gives_the_same_figures_after_later_activity(self):
        before = export_csv(self.period, build_report(self.period))
        first_news = publish_news(self.opds[0], days_ago(30))
        publish(first_news, days_ago(2))
        for opd in self.opds:
            publish_news(opd, days_ago(5))
        old_page = NewsPage.objects.order_by("pk").first()
        publish(old_page, days_ago(1))
        old_page.unpublish()
        after = export_csv(self.period, build_report(self.period))
        self.assertIn("Opd2,7,0,0,7", before.decode("utf-8-sig"))
        self.assertEqual(before, after)

    def test_an_opd_created_after_the_period_does_not_enter_its_report(self):
        make_opd_section(self.home, acronym="Baru")
        self.assertNotIn("Baru", [row.opd.acronym for row in build_report(self.period)])

    def test_report_counts_and_ranking_follow_the_history(self):
        rows = build_report(self.period)
        self.assertEqual(
            [(row.opd.acronym, row.total, row.rank) for row in rows], [("Opd2", 7, 1), ("Opd1", 4, 2), ("Opd0", 1, 3)]
        )

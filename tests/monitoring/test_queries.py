"""Query budget: the scorecard costs the same number of queries for 3 and for 30 OPDs (and at most MAX_QUERIES)."""

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from wagtail.models import Workflow

from link_care.models import LinkResult
from monitoring.models import Reminder
from opd_pages.models import AnnouncementIndexPage, NewsIndexPage
from page_feedback.models import PageFeedback
from tests.factories.opd_pages import AnnouncementPageFactory, NewsPageFactory, ProfilePageFactory, make_opd_section
from tests.trees import build_region_tree

from .helpers import days_ago, make_diskominfo_user, make_team, publish_news

# 20 before the Standar pelayanan, Pengaduan, PPID, link and feedback columns, each a fixed number of queries.
MAX_QUERIES = 32


def furnish(opd):
    """Give an OPD everything the scorecard shows: news, team, profile, expired pengumuman, moderation, reminder."""
    publish_news(opd, days_ago(3))
    _team, members = make_team(opd, admins=2, operators=1)
    ProfilePageFactory(parent=opd, slug="sejarah", body=[("paragraph", "<p>Isi</p>")])
    AnnouncementPageFactory(parent=AnnouncementIndexPage.objects.child_of(opd).get(), valid_until=days_ago(500).date())
    draft = NewsPageFactory(parent=NewsIndexPage.objects.child_of(opd).get(), live=False)
    draft.save_revision(user=members["operators"][0])
    Workflow.objects.get(name="Moderators approval").start(draft, members["operators"][0])
    Reminder.objects.create(opd=opd, status=Reminder.Status.SENT)
    # Link care and "membantu?" figures (one query each for all OPDs).
    LinkResult.objects.create(opd=opd, page=draft, url="https://contoh.invalid/hilang", ok=False, status_code=404)
    PageFeedback.objects.create(page=draft, opd=opd, helpful=False, comment="Kurang jelas")


class ScorecardQueryBudgetTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, opds = build_region_tree(opd_count=3, news_per_opd=0)
        for opd in opds:
            furnish(opd)
        cls.user = make_diskominfo_user()

    def count_queries(self, url):
        self.client.get(url)  # warm caches (content types, site settings) outside the count
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        return len(queries), response

    def test_scorecard_and_home_panel_queries_do_not_grow_with_opds(self):
        self.client.force_login(self.user)
        for url in ("/admin/pemantauan/", "/admin/", "/admin/pemantauan/laporan/"):
            with self.subTest(url):
                small, _response = self.count_queries(url)
                if url == "/admin/pemantauan/":
                    self.assertLessEqual(small, MAX_QUERIES)
        small_scorecard, _response = self.count_queries("/admin/pemantauan/")
        small_home, _response = self.count_queries("/admin/")
        small_report, _response = self.count_queries("/admin/pemantauan/laporan/")
        for number in range(3, 30):
            furnish(make_opd_section(self.home, acronym=f"Tambah{number}"))
        large_scorecard, response = self.count_queries("/admin/pemantauan/")
        self.assertEqual(len(response.context["cards"]), 30)
        self.assertEqual(large_scorecard, small_scorecard)
        self.assertEqual(self.count_queries("/admin/")[0], small_home)
        self.assertEqual(self.count_queries("/admin/pemantauan/laporan/")[0], small_report)

"""Complaint figures on the Diskominfo scorecard and in the quarterly report."""

import datetime

from django.test import TestCase
from django.utils import timezone

from casework.workflow import transition
from complaints.models import Complaint
from monitoring.report import Period, build_report, export_csv
from monitoring.scorecard import build_scorecards
from opd_pages.models import OpdHomePage
from tests.factories.complaints import ComplaintFactory

from .helpers import build_complaints_region


class MonitoringFigureTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.region = build_complaints_region(opd_count=2)
        cls.a, cls.b = cls.region["offices"]
        now = timezone.now()
        OpdHomePage.objects.update(first_published_at=now - datetime.timedelta(days=400))
        in_time = ComplaintFactory(opd=cls.a.opd, received_at=now - datetime.timedelta(hours=30))
        transition(in_time, "dijawab", public_text="ok", now=now - datetime.timedelta(hours=28))
        late = ComplaintFactory(opd=cls.a.opd, received_at=now - datetime.timedelta(hours=60))
        transition(late, "dijawab", public_text="ok", now=now - datetime.timedelta(hours=6))
        cls.overdue = ComplaintFactory(opd=cls.a.opd, received_at=now - datetime.timedelta(hours=48))
        ComplaintFactory(opd=cls.b.opd)

    def test_scorecard_cards_carry_count_share_median_and_overdue(self):
        cards = {card.opd.pk: card for card in build_scorecards()}
        figures = cards[self.a.opd.pk].complaints
        self.assertEqual(
            (figures["received"], figures["share_in_time"], figures["overdue"]),
            (3, 50, 1),
        )
        self.assertEqual(figures["median_hours"], 28.0)  # median of 2 h and 54 h
        self.assertEqual(cards[self.b.opd.pk].complaints["overdue"], 0)

    def test_scorecard_page_shows_the_column(self):
        self.client.force_login(self.region["coordinator"])
        response = self.client.get("/admin/pemantauan/")
        self.assertContains(response, "3 diterima")
        self.assertContains(response, "50% tepat waktu")
        self.assertContains(response, "1 terlambat")

    def test_quarterly_report_counts_reports_received_in_the_period(self):
        today = timezone.localdate()
        period = Period(today - datetime.timedelta(days=10), today)
        rows = {row.opd.pk: row for row in build_report(period)}
        self.assertEqual(rows[self.a.opd.pk].complaints["received"], 3)
        earlier = Period(today - datetime.timedelta(days=100), today - datetime.timedelta(days=50))
        self.assertEqual({row.opd.pk: row.complaints for row in build_report(earlier)}.get(self.a.opd.pk, {}), {})
        csv_text = export_csv(period, list(rows.values())).decode("utf-8-sig")
        self.assertIn("Pengaduan dijawab tepat waktu (%)", csv_text)
        line = next(
            line for line in csv_text.splitlines() if line.startswith(("1,", "2,")) and self.a.opd.title in line
        )
        self.assertIn(",3,50,28.0,1,", line)  # the complaint columns (PPID columns follow)
        self.assertEqual(Complaint.objects.count(), 4)

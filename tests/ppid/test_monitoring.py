"""PPID figures on Diskominfo's scorecard and in the quarterly report (additive to monitoring)."""

import datetime

from django.test import TestCase
from django.utils import timezone
from wagtail.models import Page

from monitoring.report import build_report, header, quarter, quarter_of, row_values
from monitoring.scorecard import build_scorecards
from ppid import handling
from ppid.models import AnswerKind
from tests.factories.ppid import PublicDocumentPageFactory, file_request

from .helpers import build_ppid_region, ppid_page_of


class MonitoringFiguresTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.sections = build_ppid_region(2)
        cls.section = cls.sections[0]
        opd = cls.section.opd
        Page.objects.filter(pk=opd.pk).update(first_published_at=timezone.now() - datetime.timedelta(days=400))
        answered = file_request(opd)
        handling.answer(answered, cls.section.admin, AnswerKind.GRANTED, "Ya")
        file_request(opd, received_at=timezone.now() - datetime.timedelta(days=40))  # open, overdue
        page = ppid_page_of(opd)
        PublicDocumentPageFactory(parent=page, refreshed_on=timezone.localdate() - datetime.timedelta(days=300))
        PublicDocumentPageFactory(parent=page)

    def test_scorecard_carries_this_years_requests_and_berkala_freshness(self):
        card = next(card for card in build_scorecards() if card.opd.pk == self.section.opd.pk)
        now = timezone.localtime()
        expected_requests = 2 if (now - datetime.timedelta(days=40)).year == now.year else 1
        self.assertEqual(card.ppid.requests, expected_requests)
        self.assertEqual(card.ppid.answered, 1)
        self.assertEqual(card.ppid.in_time, 1)
        self.assertEqual((card.ppid.berkala, card.ppid.berkala_stale), (2, 1))

    def test_quarterly_report_rows_and_export_have_the_ppid_columns(self):
        period = quarter(*quarter_of(timezone.localdate()))
        rows = build_report(period)
        row = next(row for row in rows if row.opd.pk == self.section.opd.pk)
        self.assertEqual(row.ppid.answered, 1)
        values = dict(zip(header(), row_values(row), strict=True))
        self.assertEqual(values["Permohonan dijawab"], 1)
        self.assertEqual(values["Informasi berkala > 6 bulan"], "1/2")

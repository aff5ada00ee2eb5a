"""Diskominfo sees every OPD's Standar Pelayanan score and zone on the scorecard and in the quarterly report."""

import csv
import datetime
import io

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from opd_pages.models import OpdHomePage
from services.models import MaklumatPage, ServicePage
from tests.monitoring.helpers import WIB, make_diskominfo_user

from .helpers import add_opd_with_services, build_service_region


class ServiceScoreOnMonitoringTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.opds, *_ = build_service_region(opd_count=3, services_per_opd=2)
        green, yellow, red = cls.opds
        ServicePage.objects.descendant_of(yellow).update(legal_basis="", competence="", staff_count=None, product="")
        MaklumatPage.objects.descendant_of(red).get().unpublish()
        OpdHomePage.objects.update(first_published_at=datetime.datetime(2025, 1, 1, tzinfo=WIB))
        cls.user = make_diskominfo_user()

    def setUp(self):
        self.client.force_login(self.user)

    def test_scorecard_has_a_standar_pelayanan_column_with_score_and_zone_as_text(self):
        response = self.client.get("/admin/pemantauan/")
        self.assertContains(response, "Standar pelayanan")
        cards = {card.opd.pk: card for card in response.context["cards"]}
        self.assertEqual(cards[self.opds[0].pk].service_score.score, 100.0)
        self.assertEqual(cards[self.opds[1].pk].service_score.score, 75.0)
        self.assertEqual(cards[self.opds[2].pk].service_score.score, 50.0)
        for zone in ("Zona hijau", "Zona kuning", "Zona merah"):
            self.assertContains(response, zone)
        self.assertContains(response, "tanpa Maklumat")
        self.assertContains(response, "css/services-admin.css")

    def test_scorecard_sorts_by_service_score(self):
        response = self.client.get("/admin/pemantauan/", {"urutan": "layanan"})
        self.assertEqual([card.opd.pk for card in response.context["cards"]], [o.pk for o in reversed(self.opds)])

    def test_xlsx_and_csv_reports_carry_score_and_zone(self):
        response = self.client.get("/admin/pemantauan/laporan/xlsx/", {"triwulan": "2026-2"})
        sheet = load_workbook(io.BytesIO(response.content))["Laporan"]
        header = [cell.value for cell in sheet[5]]
        score_column = header.index("Skor standar pelayanan (saat laporan dibuat)")
        rows = {row[1].value: row for row in sheet.iter_rows(min_row=6)}
        first = rows[self.opds[0].title]
        self.assertEqual((first[score_column].value, first[score_column + 1].value), (100, "Zona hijau"))
        self.assertEqual(rows[self.opds[2].title][score_column + 1].value, "Zona merah")
        response = self.client.get("/admin/pemantauan/laporan/csv/", {"triwulan": "2026-2"})
        table = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))[3:]
        self.assertIn("Zona standar pelayanan", table[0])
        self.assertIn("Zona kuning", [cell for row in table[1:] for cell in row])

    def test_scorecard_and_report_queries_stay_flat_from_3_to_30_opds(self):
        def count(url, params=None):
            self.client.get(url, params)
            with CaptureQueriesContext(connection) as queries:
                self.client.get(url, params)
            return len(queries)

        urls = [("/admin/pemantauan/", None), ("/admin/pemantauan/laporan/xlsx/", {"triwulan": "2026-2"})]
        small = [count(*args) for args in urls]
        for number in range(3, 30):
            add_opd_with_services(self.home, number, 2, 0, [], [])
        self.assertEqual([count(*args) for args in urls], small)

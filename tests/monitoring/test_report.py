"""The quarterly report: periods, form errors, the page, XLSX and CSV exports (formula-safe)."""

import csv
import datetime
import io

from django.test import TestCase
from openpyxl import load_workbook

from monitoring.report import neutralise, previous_quarter, quarter
from opd_pages.models import OpdHomePage
from tests.trees import build_region_tree

from .helpers import WIB, make_diskominfo_user, publish_news


class PeriodTests(TestCase):
    def test_quarters(self):
        cases = [
            ((2026, 1), datetime.date(2026, 1, 1), datetime.date(2026, 3, 31), "Triwulan I 2026"),
            ((2026, 4), datetime.date(2026, 10, 1), datetime.date(2026, 12, 31), "Triwulan IV 2026"),
        ]
        for args, start, end, label in cases:
            with self.subTest(args):
                period = quarter(*args)
                self.assertEqual((period.start, period.end, period.label), (start, end, label))
        self.assertEqual(previous_quarter(datetime.date(2026, 2, 10)).label, "Triwulan IV 2025")

    def test_cells_a_spreadsheet_would_run_are_neutralised(self):
        for value in ('=HYPERLINK("http://x")', "+1", "-2+3", "@SUM(A1)", "\tx"):
            with self.subTest(value):
                self.assertEqual(neutralise(value), "'" + value)
        self.assertEqual(neutralise("Dinas Kesehatan"), "Dinas Kesehatan")
        self.assertEqual(neutralise(5), 5)


class ReportViewTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, (cls.first, cls.second) = build_region_tree(opd_count=2, news_per_opd=0)
        cls.second.title = '=HYPERLINK("http://jahat.example")'
        cls.second.save_revision().publish()
        OpdHomePage.objects.update(first_published_at=datetime.datetime(2025, 1, 1, tzinfo=WIB))
        for day in (5, 20, 40):
            publish_news(cls.first, datetime.datetime(2026, 4, day % 30 + 1, 9, tzinfo=WIB))
        publish_news(cls.second, datetime.datetime(2026, 5, 2, 9, tzinfo=WIB))
        publish_news(cls.second, datetime.datetime(2026, 7, 2, 9, tzinfo=WIB))
        cls.user = make_diskominfo_user()

    def setUp(self):
        self.client.force_login(self.user)

    def test_report_page_shows_table_chart_and_ranking(self):
        response = self.client.get("/admin/pemantauan/laporan/", {"triwulan": "2026-2"})
        self.assertContains(response, "Triwulan II 2026")
        self.assertContains(response, 'class="mon-bars"')
        self.assertEqual(
            [(row.opd.pk, row.total, row.rank) for row in response.context["rows"]],
            [(self.first.pk, 3, 1), (self.second.pk, 1, 2)],
        )
        self.assertNotContains(response, "style=")
        html = response.content.decode()
        self.assertNotRegex(html, r'(width|height|x|y)="[0-9.]*,[0-9]', "SVG numbers are not localised")

    def test_invalid_range_gets_a_clear_message(self):
        cases = [
            ({"mulai": "2026-05-01"}, "Isi tanggal mulai dan tanggal sampai"),
            ({"mulai": "2026-05-01", "sampai": "2026-04-01"}, "Tanggal mulai harus sebelum"),
            ({"mulai": "2020-01-01", "sampai": "2026-01-01"}, "paling panjang tiga tahun"),
            ({"mulai": "bukan-tanggal", "sampai": "2026-01-01"}, "Masukkan tanggal yang valid"),
        ]
        for query, message in cases:
            with self.subTest(query):
                response = self.client.get("/admin/pemantauan/laporan/", query)
                self.assertContains(response, message)
                self.assertNotIn("rows", response.context)

    def test_csv_export_has_the_figures_and_neutralised_cells(self):
        response = self.client.get("/admin/pemantauan/laporan/csv/", {"mulai": "2026-04-01", "sampai": "2026-06-30"})
        self.assertEqual(response["Content-Type"], "text/csv; charset=utf-8")
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
        table = rows[4:]
        self.assertEqual(table[0][:4], ["1", "Dinas Nomor 0", "Opd0", "3"])
        self.assertEqual(table[1][1], '\'=HYPERLINK("http://jahat.example")')
        self.assertEqual(table[1][6], "1")

    def test_xlsx_export_has_the_table_the_chart_and_its_figures(self):
        response = self.client.get("/admin/pemantauan/laporan/xlsx/", {"triwulan": "2026-2"})
        workbook = load_workbook(io.BytesIO(response.content))
        sheet, chart_sheet = workbook["Laporan"], workbook["Grafik"]
        self.assertEqual(sheet["B6"].value, "Dinas Nomor 0")
        self.assertEqual(sheet["G6"].value, 3)
        self.assertEqual(sheet["B7"].value, '\'=HYPERLINK("http://jahat.example")')
        self.assertEqual(sheet["B7"].data_type, "s")
        self.assertEqual([[cell.value for cell in row] for row in chart_sheet["A2:B3"]], [["Opd0", 3], ["Opd1", 1]])
        self.assertEqual(len(chart_sheet._charts), 1)

    def test_bad_export_period_returns_to_the_report_with_a_message(self):
        response = self.client.get("/admin/pemantauan/laporan/xlsx/", {"mulai": "2026-05-01"}, follow=True)
        self.assertContains(response, "Periode laporan tidak sah")

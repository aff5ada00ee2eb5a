"""The DIP (four categories, exempt items without files, XLSX, printable) and the yearly PPID
report (figures match the requests; XLSX; flat query count)."""

import datetime
import io

from django.contrib.auth.models import Group
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.models import Site

from home.models import RegionAlert
from opd_teams.models import DISKOMINFO_GROUP
from opd_teams.roles import ensure_platform_groups
from ppid import handling, report
from ppid.models import AnswerKind, Classification, ObjectionOutcome, ObjectionReason
from tests.factories.opd_teams import UserFactory
from tests.factories.ppid import PublicDocumentPageFactory, file_request

from .helpers import build_ppid_region, ppid_page_of


def at(year, month, day, hour=9):
    return timezone.make_aware(datetime.datetime(year, month, day, hour, 0))


class DipTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.sections = build_ppid_region(2)
        cls.opd = cls.sections[0].opd
        page = ppid_page_of(cls.opd)
        today = timezone.localdate()
        cls.fresh = PublicDocumentPageFactory(parent=page, title="Renja segar")
        cls.stale = PublicDocumentPageFactory(
            parent=page, title="LKjIP lama", refreshed_on=today - datetime.timedelta(days=200)
        )
        cls.urgent = PublicDocumentPageFactory(
            parent=page, title="Evakuasi banjir", classification=Classification.SERTA_MERTA
        )
        cls.anytime = PublicDocumentPageFactory(
            parent=page, title="SOP layanan", classification=Classification.SETIAP_SAAT
        )
        cls.exempt = PublicDocumentPageFactory(
            parent=page,
            title="Data pribadi penduduk",
            classification=Classification.DIKECUALIKAN,
            consequence_test="Uji konsekuensi: pasal 17 huruf h.",
        )
        cls.other = PublicDocumentPageFactory(parent=ppid_page_of(cls.sections[1].opd), title="Dokumen OPD lain")

    def test_dip_lists_four_categories_flags_stale_berkala_and_never_links_exempt_items(self):
        response = self.client.get(reverse("ppid:dip_opd", args=[self.opd.slug]))
        content = response.content.decode()
        for label in ("Informasi Berkala", "Informasi Serta merta", "Informasi Setiap saat", "Informasi Dikecualikan"):
            self.assertIn(label, content)
        self.assertIn("perlu diperbarui", content)
        self.assertIn("1 informasi berkala belum diperbarui", content)
        self.assertIn(self.fresh.url, content)
        self.assertIn("Uji konsekuensi: pasal 17 huruf h.", content)
        self.assertNotIn(self.exempt.url, content)
        self.assertNotIn("Dokumen OPD lain", content)
        self.assertIn("Dokumen OPD lain", self.client.get(reverse("ppid:dip")).content.decode())

    def test_serta_merta_shows_the_alert_banner(self):
        site = Site.objects.get(is_default_site=True)
        RegionAlert.objects.update_or_create(
            site=site, defaults={"is_active": True, "message": "Banjir di Kec. Contoh"}
        )
        response = self.client.get(reverse("ppid:dip_opd", args=[self.opd.slug]))
        self.assertContains(response, "Peringatan yang sedang berlaku")
        self.assertContains(response, "Banjir di Kec. Contoh", count=2)  # the banner and the DIP

    def test_dip_xlsx_has_every_item_and_exempt_rows_carry_the_consequence_test(self):
        response = self.client.get(reverse("ppid:dip_opd_xlsx", args=[self.opd.slug]))
        self.assertEqual(response["Content-Type"], "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        sheet = load_workbook(io.BytesIO(response.content)).active
        rows = {row[2]: row for row in sheet.iter_rows(min_row=5, values_only=True)}
        self.assertEqual(
            set(rows), {"Renja segar", "LKjIP lama", "Evakuasi banjir", "SOP layanan", "Data pribadi penduduk"}
        )
        self.assertEqual(rows["Data pribadi penduduk"][10], "Uji konsekuensi: pasal 17 huruf h.")
        self.assertIn("Perlu diperbarui", rows["LKjIP lama"][9])
        self.assertTrue(rows["Renja segar"][10].endswith(self.fresh.url))

    def test_dip_pdf_lists_every_item_and_exempt_rows_carry_the_consequence_test(self):
        from pypdf import PdfReader

        self.fresh.title = "Renja “segar” – 2026 — Bidang Kesehatan"  # outside Latin-1: the font carries it
        self.fresh.save_revision().publish()
        response = self.client.get(reverse("ppid:dip_opd_pdf", args=[self.opd.slug]))
        self.assertEqual(response["Content-Type"], "application/pdf")
        self.assertIn("attachment;", response["Content-Disposition"])
        text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
        text = " ".join(text.split())
        for title in ("Renja “segar” – 2026 — Bidang Kesehatan", "LKjIP lama", "Evakuasi banjir", "SOP layanan"):
            self.assertIn(title, text)
        self.assertIn("Data pribadi penduduk", text)
        self.assertIn("Uji konsekuensi: pasal 17 huruf h.", text)
        self.assertIn("Perlu diperbarui", text)
        self.assertNotIn("Dokumen OPD lain", text)  # another OPD's document is not in this OPD's DIP
        regional = self.client.get(reverse("ppid:dip_pdf"))
        regional_text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(regional.content)).pages)
        self.assertIn("Dokumen OPD lain", " ".join(regional_text.split()))

    def test_exports_link_each_item_once_when_an_opd_has_its_own_host(self):
        from pypdf import PdfReader

        Site.objects.create(hostname="lain.contohkab.go.id", port=80, root_page=self.sections[1].opd)
        response = self.client.get(reverse("ppid:dip_opd_xlsx", args=[self.opd.slug]))
        rows = {
            row[2]: row
            for row in load_workbook(io.BytesIO(response.content)).active.iter_rows(min_row=5, values_only=True)
        }
        link = rows["Renja segar"][10]
        self.assertTrue(link.startswith("http://"), link)
        self.assertEqual(link.count("http://"), 1, link)  # not the request's host glued to an absolute URL
        self.assertTrue(link.endswith(self.fresh.url_path.split("/", 2)[2]), link)
        pdf = self.client.get(reverse("ppid:dip_opd_pdf", args=[self.opd.slug]))
        text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
        self.assertNotIn("testserverhttp", "".join(text.split()))

    def test_printable_dip_has_no_site_chrome(self):
        response = self.client.get(reverse("ppid:dip_opd_print", args=[self.opd.slug]))
        self.assertContains(response, "Daftar Informasi Publik")
        self.assertContains(response, "ppid-print.css")
        self.assertNotContains(response, "site-header")

    def test_unknown_opd_answers_404(self):
        for name in ("ppid:dip_opd", "ppid:dip_opd_xlsx", "ppid:dip_opd_pdf"):
            self.assertEqual(self.client.get(reverse(name, args=["tidak-ada"])).status_code, 404, name)


class YearlyReportTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.sections = build_ppid_region(2)
        ensure_platform_groups()
        cls.utama = UserFactory(username="utama")
        cls.utama.groups.add(Group.objects.get(name=DISKOMINFO_GROUP))
        a, b = cls.sections[0], cls.sections[1]
        cls.a, cls.b = a, b
        # OPD A: three requests filed Monday 3 August 2026, due Monday 17 August + 1 (a holiday) = 18 August.
        granted = file_request(a.opd, received_at=at(2026, 8, 3))
        handling.answer(granted, a.admin, AnswerKind.GRANTED, "Ya", now=at(2026, 8, 7))  # 4 working days
        refused = file_request(a.opd, received_at=at(2026, 8, 3))
        handling.answer(refused, a.admin, AnswerKind.REFUSED, "Tidak", "Pasal 17 huruf h", now=at(2026, 8, 10))  # 5
        objection = handling.file_objection(refused, ObjectionReason.REFUSED, "Keberatan", now=at(2026, 8, 11))
        handling.decide_objection(objection, cls.utama, ObjectionOutcome.UPHELD, "Diterima", now=at(2026, 8, 20))
        late = file_request(a.opd, received_at=at(2026, 8, 3))
        handling.answer(late, a.admin, AnswerKind.PARTLY, "Sebagian", "Pasal 17 huruf b", now=at(2026, 8, 31))
        file_request(a.opd, received_at=at(2026, 9, 1))  # still open
        file_request(a.opd, received_at=at(2025, 12, 1))  # another year
        # OPD B
        not_held = file_request(b.opd, received_at=at(2026, 3, 2))
        handling.answer(not_held, b.admin, AnswerKind.NOT_HELD, "Tidak dikuasai", now=at(2026, 3, 5))  # 3

    def row_of(self, rows, opd):
        return next(row for row in rows if row.opd.pk == opd.pk)

    def test_figures_match_the_requests(self):
        rows, total = report.build_report(2026, today=datetime.date(2026, 12, 1))
        a = self.row_of(rows, self.a.opd)
        self.assertEqual((a.requests, a.granted, a.refused, a.partly, a.not_held, a.open), (4, 1, 1, 1, 0, 1))
        self.assertEqual(a.late, 2)  # the partly granted one (answered after its due day) and the open one
        self.assertEqual(a.in_time, 2)
        self.assertEqual(sorted(a.durations), [4, 5, 18])
        self.assertEqual(a.median_days, 5)
        self.assertEqual((a.objections, a.objections_upheld, a.objections_rejected, a.objections_open), (1, 1, 0, 0))
        self.assertEqual(sorted(a.exemption_lines), ["Pasal 17 huruf b (1)", "Pasal 17 huruf h (1)"])
        b = self.row_of(rows, self.b.opd)
        self.assertEqual((b.requests, b.not_held, b.median_days), (1, 1, 3))
        self.assertEqual(total.requests, 5)
        self.assertEqual(total.median_days, 4.5)

    def test_ppid_utama_downloads_the_xlsx_and_its_figures_match(self):
        self.client.force_login(self.utama)
        response = self.client.get(reverse("ppid_admin:report_xlsx"), {"tahun": 2026})
        self.assertEqual(response.status_code, 200)
        sheet = load_workbook(io.BytesIO(response.content)).active
        rows = {row[0]: row for row in sheet.iter_rows(min_row=5, values_only=True)}
        self.assertEqual(rows[self.a.opd.title][1:7], (4, 1, 1, 1, 0, 1))
        self.assertEqual(rows["Seluruh daerah"][1], 5)
        html = self.client.get(reverse("ppid_admin:report"), {"tahun": 2026})
        self.assertContains(html, "Seluruh daerah")
        printable = self.client.get(reverse("ppid_admin:report_print"), {"tahun": 2026})
        self.assertContains(printable, "Laporan layanan informasi publik tahun 2026")

    def test_ppid_pelaksana_sees_only_its_own_opd_in_the_report(self):
        self.client.force_login(self.b.admin)
        response = self.client.get(reverse("ppid_admin:report"), {"tahun": 2026})
        self.assertContains(response, self.b.opd.acronym)
        self.assertNotContains(response, f'<th scope="row">{self.a.opd.acronym}</th>')

    def test_report_query_count_does_not_grow_with_opds(self):
        def queries():
            with CaptureQueriesContext(connection) as captured:
                report.build_report(2026)
            return len(captured)

        few = queries()
        from tests.factories.opd_pages import make_opd_section

        for number in range(10):
            opd = make_opd_section(self.home, acronym=f"Tambahan{number}")
            file_request(opd, received_at=at(2026, 5, 4))
        self.assertEqual(queries(), few)

"""PPID in the browser: a citizen on a 360 px phone without JavaScript files a request, gets the
receipt and working-day deadline, and later reads the answer; the PPID Pelaksana answers in the
admin; the new pages pass axe."""

from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth import get_user_model
from django.utils import timezone
from playwright.sync_api import expect

from demo import ppid as demo
from opd_pages.models import OpdHomePage
from opd_teams.onboarding import adopt_opd
from opd_teams.roles import ensure_platform_groups
from ppid.models import Classification, InformationRequest, PublicDocumentPage

from .base import DESKTOP, PASSWORD, PHONE, BrowserTestCase

BLOCKING_IMPACTS = {"serious", "critical"}


class PpidJourneyTests(BrowserTestCase):
    def setUp(self):
        super().setUp()
        user = get_user_model().objects.get(username="admin")
        self.opd = OpdHomePage.objects.get(acronym="Dinkes")
        self.ppid_page = demo.ensure_ppid_page(self.opd, user)
        for spec in demo.DOCUMENTS[:3] + demo.OPD_SPECIFIC["Dinkes"]:
            demo.ensure_document(self.ppid_page, self.opd, spec, user, timezone.localdate())

    def file_request(self):
        return InformationRequest.file(
            opd=self.opd,
            contact_name="Warga Uji",
            identity_number="1234",
            address="Jl. Uji",
            contact_email="w@example.com",
            information="Renja",
            purpose="Kajian",
            receive_method="softcopy",
            delivery_method="surel",
        )

    def fill_request(self, page):
        page.get_by_label("Nama lengkap").fill("Rahmat Hidayat")
        page.get_by_label("Nomor identitas (NIK KTP, atau nomor akta/SK badan hukum)").fill("3205010101900001")
        page.get_by_label("Alamat").fill("Jl. Cempaka 7, Kel. Sukamaju")
        page.get_by_role("textbox", name="Surel").fill("rahmat@example.com")
        page.get_by_label("Rincian informasi yang dibutuhkan").fill("Salinan DPA Dinas Kesehatan tahun ini.")
        page.get_by_label("Tujuan penggunaan informasi").fill("Pengawasan anggaran oleh warga.")
        page.get_by_label("Salinan elektronik (softcopy)").check()
        page.locator("input[name=delivery_method][value=surel]").check()

    def test_citizen_on_a_phone_without_javascript_files_a_request_and_reads_the_answer(self):
        page = self.new_page(PHONE, javascript=False)
        page.goto(self.url(self.ppid_page.url))
        page.get_by_role("link", name="Ajukan permohonan informasi").first.click()
        self.assertEqual(page.locator("select[name=opd]").input_value(), str(self.opd.pk))
        self.fill_request(page)
        self.screenshot(page, "ppid-permohonan-ponsel")
        page.get_by_role("button", name="Kirim permohonan").click()
        info_request = InformationRequest.objects.get()
        heading = page.get_by_role("heading", level=1)
        self.assertIn(info_request.number, heading.inner_text())
        self.assertIn("10 hari kerja", page.content())
        self.assertIn(info_request.due_date.strftime("%Y"), page.content())
        self.screenshot(page, "ppid-tanda-terima-ponsel")
        self.assertTrue(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
        status_url = page.url
        page.get_by_role("link", name="Cetak tanda bukti").click()
        expect(page.get_by_text("Tanda bukti penerimaan").first).to_be_visible()

        from ppid import handling
        from ppid.models import AnswerKind

        handling.answer(info_request, None, AnswerKind.GRANTED, "DPA terlampir; silakan unduh dari surel.")
        page.goto(status_url)
        self.assertIn("DPA terlampir", page.content())
        self.assertIn("Dikabulkan seluruhnya", page.content())

    def test_ppid_pelaksana_answers_in_the_admin(self):
        ensure_platform_groups()
        result = adopt_opd(self.opd, ["ppid.dinkes@contohkab.go.id", "ppid2.dinkes@contohkab.go.id"])
        admin = result.team.admins().first()
        admin.set_password(PASSWORD)
        admin.save()
        info_request, _token = self.file_request()
        page = self.new_page(DESKTOP)
        page.goto(self.url("/admin/login/"))
        page.fill("input[name=username]", admin.username)
        page.fill("input[name=password]", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url("**/admin/**")
        page.goto(self.url("/admin/ppid/"))
        page.get_by_role("link", name=info_request.number).click()
        expect(page.get_by_text("Jl. Uji")).to_be_visible()  # waits for the request page
        page.get_by_label("Dikabulkan seluruhnya").check()
        page.get_by_label("Jawaban kepada pemohon").fill("Renja terlampir.")
        page.get_by_role("button", name="Simpan jawaban").click()
        expect(page.get_by_text("Jawaban tersimpan")).to_be_visible()  # waits for the answer page
        self.screenshot(page, "ppid-admin-jawab")
        info_request.refresh_from_db()
        self.assertEqual(info_request.answer, "Renja terlampir.")

    def test_axe_finds_no_serious_or_critical_violations_on_ppid_pages(self):
        info_request, token = self.file_request()
        document = PublicDocumentPage.objects.filter(classification=Classification.BERKALA).first()
        exempt = PublicDocumentPage.objects.filter(classification=Classification.DIKECUALIKAN).first()
        paths = [
            ("ppid", "/ppid/"),
            ("perpustakaan", "/ppid/dokumen/?tahun=2026"),
            ("ppid opd", self.ppid_page.url),
            ("dokumen", document.url),
            ("dikecualikan", exempt.url),
            ("dip", f"/ppid/dip/{self.opd.slug}/"),
            ("dip cetak", f"/ppid/dip/{self.opd.slug}/cetak/"),
            ("formulir", "/ppid/permohonan/"),
            ("formulir salah", None),
            ("status", f"/ppid/permohonan/lacak/{info_request.number}/{token}/"),
            ("lacak", "/ppid/permohonan/lacak/"),
        ]
        axe = Axe()
        for viewport in (PHONE, DESKTOP):
            page = self.new_page(viewport)
            for name, path in paths:
                with self.subTest(page=name, width=viewport["width"]):
                    if path is None:
                        page.goto(self.url("/ppid/permohonan/"))
                        page.get_by_role("button", name="Kirim permohonan").click()
                    else:
                        page.goto(self.url(path))
                    results = axe.run(page).response
                    self.assertGreater(len(results["passes"]), 10)
                    blocking = [
                        f"{v['id']} ({v['impact']}): {[node['target'] for node in v['nodes']]}"
                        for v in results["violations"]
                        if v["impact"] in BLOCKING_IMPACTS
                    ]
                    self.assertEqual(blocking, [])
                    if viewport is PHONE and name in ("formulir", "dip", "ppid opd"):
                        self.screenshot(page, f"ppid-{name.replace(' ', '-')}-ponsel")

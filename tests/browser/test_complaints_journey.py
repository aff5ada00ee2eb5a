"""A citizen reports a problem with a photo on a 360 px phone without JavaScript; axe on the pages."""

import io
import re

from axe_playwright_python.sync_playwright import Axe
from django.core import mail
from PIL import Image
from playwright.sync_api import expect

from casework.workflow import transition
from complaints.models import Complaint
from opd_pages.models import OpdHomePage
from tests.factories.complaints import ComplaintCategoryFactory

from .base import PHONE, SCREENSHOTS, BrowserTestCase
from .test_quality import BLOCKING_IMPACTS


def photo_file():
    path = SCREENSHOTS.parent / "lubang-jalan.jpg"
    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    Image.new("RGB", (640, 480), "gray").save(buffer, format="JPEG")
    path.write_bytes(buffer.getvalue())
    return str(path)


class ComplaintJourneyTests(BrowserTestCase):
    def setUp(self):
        super().setUp()
        self.dinkes = OpdHomePage.objects.get(acronym="Dinkes")
        self.category = ComplaintCategoryFactory(name="Layanan kesehatan", opd=self.dinkes)

    def blocking_violations(self, path):
        """axe and the page width on a script-enabled page (axe itself is a script)."""
        page = self.checker
        page.goto(self.url(path))
        self.assertLessEqual(page.evaluate("document.documentElement.scrollWidth"), PHONE["width"])
        results = Axe().run(page).response
        self.assertGreater(len(results["passes"]), 10)
        return [
            f"{v['id']} ({v['impact']}): {[node['target'] for node in v['nodes']]}"
            for v in results["violations"]
            if v["impact"] in BLOCKING_IMPACTS
        ]

    def test_citizen_reports_with_a_photo_on_a_phone_without_javascript_and_sees_the_answer(self):
        page = self.new_page(PHONE, javascript=False)
        self.checker = self.new_page(PHONE)
        page.goto(self.url(self.dinkes.url))
        page.get_by_role("link", name="Laporkan masalah ke Dinkes").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Sampaikan pengaduan")
        self.assertEqual(page.locator("#id_opd").input_value(), str(self.dinkes.pk))
        self.assertEqual(self.blocking_violations(page.url.replace(self.live_server_url, "")), [])
        self.screenshot(page, "pengaduan-1-formulir")

        page.get_by_label("Judul singkat").fill("Antrean puskesmas sangat panjang")
        page.get_by_label("Apa yang terjadi?").fill(
            "Loket Puskesmas Sukamaju baru buka pukul 09.00, warga antre sejak subuh."
        )
        page.get_by_label("Kategori").select_option(str(self.category.pk))
        page.get_by_label("Kelurahan/desa").fill("Sukamaju")
        page.get_by_label("E-mail").fill("siti@contoh.id")
        page.get_by_label("Foto atau dokumen (opsional)").set_input_files(photo_file())
        page.get_by_role("button", name="Kirim laporan").click()

        expect(page.get_by_role("heading", level=1)).to_have_text("Laporan Anda tersimpan")
        case = Complaint.objects.get()
        expect(page.locator(".tracking-number")).to_have_text(case.tracking_number)
        self.assertEqual(case.attachments.count(), 1)
        self.assertEqual(case.opd, self.dinkes)
        self.screenshot(page, "pengaduan-2-nomor")

        reporter_mail = next(m for m in mail.outbox if m.to == ["siti@contoh.id"])
        link = re.search(r"http://testserver(/pengaduan/lacak/\S+/)", reporter_mail.body).group(1)
        transition(case, "diterima")
        transition(case, "dijawab", public_text="Mulai Senin loket dibuka pukul 07.30.")
        page.goto(self.url(link))
        expect(page.locator(".complaint-answer")).to_contain_text("Mulai Senin loket dibuka pukul 07.30.")
        self.screenshot(page, "pengaduan-3-jawaban")

        for path in (link, "/pengaduan/terjawab/", "/pengaduan/statistik/"):
            with self.subTest(path=path):
                self.assertEqual(self.blocking_violations(path), [])
        page.goto(self.url("/pengaduan/statistik/"))
        expect(page.locator("main")).to_contain_text("Dinas Kesehatan")
        self.screenshot(page, "pengaduan-4-statistik")

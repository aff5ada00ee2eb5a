"""Diskominfo moves an OPD's old WordPress site in: upload, dry-run report, import, quarantine."""

import tempfile
from pathlib import Path

from django.contrib.auth.models import Group
from django.test import override_settings
from playwright.sync_api import expect

from benchmarks.wordpress_export import SPAM_TITLE, write_export, write_uploads
from opd_pages.models import NewsPage, OpdHomePage
from opd_teams.models import DISKOMINFO_GROUP
from opd_teams.onboarding import adopt_opd
from opd_teams.roles import ensure_platform_groups
from tests.factories.opd_teams import UserFactory

from .base import DESKTOP, PASSWORD, BrowserTestCase


class WordpressImportJourneyTests(BrowserTestCase):
    def setUp(self):
        super().setUp()
        ensure_platform_groups()
        self.opd = OpdHomePage.objects.get(acronym="Dinkes")
        adopt_opd(self.opd, ["admin.satu@contohkab.go.id", "admin.dua@contohkab.go.id"])
        self.user = UserFactory(username="kominfo.peramban", password=PASSWORD)
        self.user.groups.add(Group.objects.get(name=DISKOMINFO_GROUP))
        folder = tempfile.TemporaryDirectory()
        self.addCleanup(folder.cleanup)
        self.folder = Path(folder.name)
        storage = override_settings(PORTAL_WORDPRESS_IMPORT_ROOT=self.folder / "storage")
        storage.enable()
        self.addCleanup(storage.disable)
        self.export = self.folder / "ekspor.xml"
        self.ids = write_export(self.export, posts=10, pages=8, images=2)  # page 4 is a sub-page of page 1
        write_uploads(self.folder / "uploads", self.ids)

    def test_diskominfo_checks_imports_and_finds_the_spam_in_quarantine(self):
        page = self.new_page(DESKTOP)
        page.goto(self.url("/masuk/"))
        page.fill("#id_username", self.user.username)
        page.fill("#id_password", PASSWORD)
        page.locator("form button[type=submit]").first.click()
        page.goto(self.url("/admin/impor-wordpress/"))
        page.select_option("#id_opd", str(self.opd.pk))
        page.set_input_files("#id_export_file", str(self.export))
        page.get_by_role("button", name="Unggah dan periksa").click()
        expect(page.get_by_role("heading", name="Laporan uji coba (belum ada yang diubah)")).to_be_visible()
        expect(page.locator("main")).to_contain_text(SPAM_TITLE)
        self.assertFalse(NewsPage.objects.descendant_of(self.opd).filter(title__startswith="Berita").exists())
        self.screenshot(page, "wordpress-import-dry-run")
        page.get_by_role("button", name="Impor sekarang").click()
        expect(page.get_by_role("heading", name="Laporan impor")).to_be_visible(timeout=120_000)
        expect(page.locator("[data-status]")).to_have_text("Selesai")
        self.screenshot(page, "wordpress-import-report")
        page.goto(self.url("/admin/impor-wordpress/karantina/"))
        expect(page.locator("main")).to_contain_text(SPAM_TITLE)
        self.screenshot(page, "wordpress-import-quarantine")
        wp_id = self.ids["posts"][0]
        page.goto(self.url(f"/dinkes/?p={wp_id}"))
        self.assertTrue(page.url.endswith(f"/dinkes/berita/berita-{wp_id}/"), page.url)
        expect(page.get_by_role("heading", level=1)).to_contain_text("Berita 0")
        # The old site's page tree is kept: the parent lists its sub-page, which lives under it.
        page.goto(self.url(f"/dinkes/?page_id={self.ids['pages'][1]}"))
        expect(page.get_by_role("heading", level=1)).to_contain_text("Halaman 1")
        subpages = page.get_by_role("navigation", name="Subhalaman")
        subpages.get_by_role("link", name="Halaman 4: Layanan & Informasi").click()
        expect(page.get_by_role("heading", level=1)).to_contain_text("Halaman 4")
        self.assertTrue(page.url.endswith("/dinkes/halaman-1/halaman-4/"), page.url)
        self.screenshot(page, "wordpress-import-sub-page")

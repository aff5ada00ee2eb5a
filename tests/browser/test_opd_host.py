"""Dinkes at its own host name on loopback: the region's header, footer and alert, every link works, axe."""

from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect
from wagtail.models import Site

from home.models import RegionAlert, RegionSettings
from opd_hosts.sites import assign_hostname
from opd_pages.models import OpdHomePage

from .base import CHROMIUM, CHROMIUM_ARGS, PHONE, BrowserTestCase

OPD_HOST = "dinkes.localhost"
ALERT = "Siaga banjir di Kecamatan Sukamaju"
BLOCKING_IMPACTS = {"serious", "critical"}


@pytest.mark.browser
class OpdHostBrowserTests(BrowserTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The second host name resolves to the live server's loopback address.
        cls.browser.close()
        args = [*CHROMIUM_ARGS, f"--host-resolver-rules=MAP {OPD_HOST} 127.0.0.1"]
        cls.browser = cls.playwright.chromium.launch(executable_path=CHROMIUM, args=args)

    def setUp(self):
        super().setUp()
        port = urlsplit(self.live_server_url).port
        site = Site.objects.get(root_page=self.home)
        site.hostname, site.port = "localhost", port
        site.save()
        self.region = RegionSettings.for_site(site)
        RegionAlert.objects.update_or_create(site=site, defaults={"is_active": True, "message": ALERT})
        self.dinkes = OpdHomePage.objects.get(acronym="Dinkes")
        assign_hostname(self.dinkes, OPD_HOST, port=port)
        self.opd_url = f"http://{OPD_HOST}:{port}/"
        self.main_root = f"http://localhost:{port}"

    def test_region_identity_and_every_link_on_the_opd_host(self):
        page = self.new_page(PHONE)
        page.goto(self.opd_url)
        expect(page.locator("h1")).to_contain_text(self.dinkes.title)
        expect(page.locator(".site-brand__name")).to_have_text(self.region.government_name or self.region.name)
        expect(page.locator(".site-footer")).to_contain_text(self.region.government_name or self.region.name)
        expect(page.locator(".region-alert")).to_contain_text(ALERT)
        expect(page.locator(".site-brand")).to_have_attribute("href", self.main_root + "/")
        hrefs = page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
        internal = sorted({h.split("#")[0] for h in hrefs if urlsplit(h).hostname in (OPD_HOST, "localhost")})
        self.assertGreater(len(internal), 10)
        # Links to the region itself leave for the main host; Dinkes' own stay on its host.
        self.assertIn(self.main_root + "/", internal)
        self.assertFalse([h for h in internal if h.startswith(f"{self.main_root}/{self.dinkes.slug}/")])
        checker = self.new_page(PHONE)
        for href in internal:
            with self.subTest(href=href):
                response = checker.goto(href)
                self.assertEqual(response.status, 200, href)

    def test_header_search_stays_in_the_opd_and_offers_the_whole_region(self):
        page = self.new_page(PHONE)
        page.goto(self.opd_url)
        form = page.locator("header .search-form")
        form.locator("input[type=search]").fill("layanan")
        form.locator("button").click()
        expect(page.locator(".search-scope")).to_contain_text(self.dinkes.title)
        self.assertEqual(urlsplit(page.url).hostname, OPD_HOST)
        page.get_by_role("link", name="Cari di seluruh portal").first.click()
        expect(page.locator(".search-scope")).to_have_count(0)

    def test_axe_on_the_opd_host_home(self):
        page = self.new_page(PHONE)
        page.goto(self.opd_url)
        expect(page.locator(".region-alert")).to_be_visible()
        results = Axe().run(page).response
        self.assertGreater(len(results["passes"]), 10)
        blocking = [
            f"{v['id']} ({v['impact']}): {[node['target'] for node in v['nodes']]}"
            for v in results["violations"]
            if v["impact"] in BLOCKING_IMPACTS
        ]
        self.assertEqual(blocking, [])

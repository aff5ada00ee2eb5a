import gzip
from urllib.parse import urlsplit

from axe_playwright_python.sync_playwright import Axe

from opd_pages.models import NewsPage, OpdHomePage

from .base import DESKTOP, PHONE, ReadOnlyBrowserTestCase

#: Regional home: HTML + CSS + JS, gzip-compressed, at most this many bytes.
HOME_WEIGHT_BUDGET = 30 * 1024
BLOCKING_IMPACTS = {"serious", "critical"}


class AccessibilityTests(ReadOnlyBrowserTestCase):
    def pages_to_check(self):
        opd = OpdHomePage.objects.get(acronym="Disdukcapil")
        news = NewsPage.objects.descendant_of(opd).newest_first().first()
        return [
            ("beranda", "/"),
            ("beranda OPD", opd.url),
            ("berita", news.url),
            ("hasil pencarian", "/cari/?q=ktp"),
            ("masuk admin", "/admin/login/"),
        ]

    def test_axe_finds_no_serious_or_critical_violations(self):
        axe = Axe()
        for viewport in (PHONE, DESKTOP):
            page = self.new_page(viewport)
            for name, path in self.pages_to_check():
                with self.subTest(page=name, width=viewport["width"]):
                    page.goto(self.url(path))
                    results = axe.run(page).response
                    self.assertGreater(len(results["passes"]), 10)  # axe really ran its rules
                    violations = results["violations"]
                    blocking = [
                        f"{v['id']} ({v['impact']}): {[node['target'] for node in v['nodes']]}"
                        for v in violations
                        if v["impact"] in BLOCKING_IMPACTS
                    ]
                    self.assertEqual(blocking, [])


class PageWeightTests(ReadOnlyBrowserTestCase):
    def test_regional_home_is_light_self_hosted_and_downloads_no_web_font(self):
        page = self.new_page(PHONE)
        responses = []
        page.on("response", lambda response: responses.append(response))
        page.goto(self.url("/"), wait_until="networkidle")

        own_host = urlsplit(self.live_server_url).netloc
        other_hosts = sorted({urlsplit(r.url).netloc for r in responses if urlsplit(r.url).netloc != own_host})
        self.assertEqual(other_hosts, [])
        fonts = [r.url for r in responses if r.request.resource_type == "font"]
        self.assertEqual(fonts, [])

        text_types = {"document", "stylesheet", "script"}
        weighed = [r for r in responses if r.request.resource_type in text_types]
        self.assertTrue(any(r.request.resource_type == "stylesheet" for r in weighed))
        compressed = sum(len(gzip.compress(r.body(), compresslevel=9)) for r in weighed)
        self.assertLessEqual(compressed, HOME_WEIGHT_BUDGET)

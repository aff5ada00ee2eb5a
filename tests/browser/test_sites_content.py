"""Menus, officials, gallery and FAQ in the browser: a citizen on a 360 px phone, axe and HTML validity."""

import re
from urllib.parse import urlsplit

from axe_playwright_python.sync_playwright import Axe

from demo import services as demo_services
from demo import sites_content
from gallery.models import AlbumPage
from services.models import ServicePage

from .base import DESKTOP, PHONE, ReadOnlyBrowserTestCase
from .test_services import nu_html_errors

BLOCKING_IMPACTS = {"serious", "critical"}
MENU = ["Profil Daerah", "Layanan", "OPD", "Galeri", "Pejabat", "Informasi Publik", "Pengaduan"]


class CitizenSitesJourneyTests(ReadOnlyBrowserTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        demo_services.step()
        sites_content.step()

    def assert_fits_the_phone(self, page):
        page.wait_for_load_state("load")  # after a click: the stylesheet must be there before layout is measured
        self.assertLessEqual(page.evaluate("document.documentElement.scrollWidth"), PHONE["width"])

    def test_phone_menu_without_javascript_reaches_every_part_of_the_site(self):
        page = self.new_page(PHONE, javascript=False)
        page.goto(self.url("/"))
        menu = page.locator("details.main-menu__phone")
        links = menu.get_by_role("link")
        self.assertFalse(links.first.is_visible())  # compact: closed until tapped
        self.assertFalse(page.locator(".main-menu__bar").is_visible())
        menu.locator("summary").click()
        labels = [label.strip() for label in links.all_inner_texts()]
        for label in MENU:
            self.assertIn(label, labels)
        self.assertTrue(all(link.is_visible() for link in links.all()))
        self.screenshot(page, "menu-utama-ponsel")
        hrefs = [link.get_attribute("href") for link in links.all()]
        for label, href in zip(labels, hrefs, strict=True):
            with self.subTest(menu=label):
                response = page.goto(self.url(href))
                self.assertEqual(response.status, 200)
                self.assertTrue(page.locator("h1, h2#opd-directory").first.is_visible())
                self.assert_fits_the_phone(page)

    def test_keyboard_opens_the_opd_menu_and_reaches_the_officials_with_the_heads_photo(self):
        page = self.new_page(PHONE, javascript=False)
        page.goto(self.url("/dinkes/"))
        summary = page.locator("details.opd-nav-phone summary")
        summary.focus()
        page.keyboard.press("Enter")
        pejabat = page.locator("details.opd-nav-phone").get_by_role("link", name="Pejabat", exact=True)
        pejabat.focus()
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(r"/dinkes/pejabat/$"))
        head = page.locator(".official--head")
        self.assertIn("dr. Siti Rahmawati, M.Kes.", head.inner_text())
        photo = head.locator("img.official__photo")
        self.assertEqual(photo.get_attribute("alt"), "dr. Siti Rahmawati, M.Kes.")
        self.assertGreater(photo.evaluate("img => img.naturalWidth"), 0)
        self.assertIn(".webp", photo.evaluate("img => img.currentSrc"))
        self.assert_fits_the_phone(page)
        self.screenshot(page, "pejabat-dinkes-ponsel")

    def test_officials_directory_finds_dinkes_head_with_a_photo(self):
        page = self.new_page(PHONE, javascript=False)
        page.goto(self.url("/pejabat/"))
        page.get_by_label("Nama, jabatan atau unit kerja").fill("Rahmawati")
        page.get_by_role("button", name="Cari").last.click()
        page.wait_for_url(re.compile(r"q=Rahmawati"))
        card = page.locator(".official").first
        self.assertIn("Kepala Dinas Kesehatan", card.inner_text())
        self.assertIn("Dinas Kesehatan", card.locator(".official__opd").inner_text())
        self.assertGreater(card.locator("img").evaluate("img => img.naturalWidth"), 0)
        card.locator("summary").click()
        self.assertTrue(card.locator(".official__career li").first.is_visible())
        self.screenshot(page, "direktori-pejabat-ponsel")

    def test_a_gallery_opens_and_its_video_loads_nothing_from_youtube_until_asked(self):
        page = self.new_page(PHONE, javascript=False)
        own_host = urlsplit(self.live_server_url).netloc
        requested = []
        page.on("request", lambda request: requested.append(request.url))
        # Tests touch no outside service: the provider answers locally.
        page.route(
            "https://www.youtube-nocookie.com/**",
            lambda route: route.fulfill(status=200, content_type="text/html", body="<title>video</title>"),
        )
        page.goto(self.url("/dinkes/"))
        page.locator("details.opd-nav-phone summary").click()
        page.locator("details.opd-nav-phone").get_by_role("link", name="Galeri", exact=True).click()
        page.get_by_role("link", name="Bulan Imunisasi Anak Nasional").click()
        page.wait_for_url(re.compile(r"/bulan-imunisasi-anak/$"))
        page.get_by_role("link", name="Buka foto 2").click()
        figure = page.locator("figure#foto")
        self.assertIn("Foto 2 dari 3", figure.inner_text())
        self.assertGreater(figure.locator("img").evaluate("img => img.naturalWidth"), 0)
        page.get_by_role("link", name="Foto berikutnya »").click()
        self.assertIn("Foto 3 dari 3", page.locator("figure#foto").inner_text())
        self.assert_fits_the_phone(page)
        self.screenshot(page, "galeri-foto-ponsel")

        self.assertEqual(page.locator("iframe").count(), 0)
        self.assertEqual(sorted({urlsplit(url).netloc for url in requested} - {own_host}), [])
        page.get_by_role("link", name=re.compile(r"^Putar video")).click()
        frame = page.locator(".video__frame iframe")
        frame.wait_for()
        self.assertTrue(frame.get_attribute("src").startswith("https://www.youtube-nocookie.com/embed/"))
        page.wait_for_load_state("networkidle")
        self.assertEqual(sorted({urlsplit(url).netloc for url in requested} - {own_host}), ["www.youtube-nocookie.com"])
        self.screenshot(page, "galeri-video-ponsel")

    def test_a_faq_answers_on_the_service_page(self):
        page = self.new_page(PHONE, javascript=False)
        page.goto(self.url(ServicePage.objects.get(slug="ktp-el").url))
        question = page.get_by_text("Apakah membuat KTP-el dipungut biaya?")
        answer = page.locator(".faq__item", has=question).locator(".faq__answer")
        self.assertFalse(answer.is_visible())
        question.click()
        self.assertTrue(answer.is_visible())
        self.assertIn("gratis", answer.inner_text())
        self.screenshot(page, "tanya-jawab-ponsel")

    def pages_to_check(self):
        album = AlbumPage.objects.get(slug="bulan-imunisasi-anak")
        return [
            ("beranda", "/"),
            ("profil daerah", "/profil-daerah/"),
            ("direktori pejabat", "/pejabat/?q=kepala"),
            ("pejabat OPD", "/dinkes/pejabat/"),
            ("beranda OPD", "/dinkes/"),
            ("galeri daerah", "/galeri/"),
            ("galeri OPD", "/dinkes/galeri/"),
            ("album", album.url),
            ("album, foto terbuka", f"{album.url}?foto=1"),
            ("album, video diputar", f"{album.url}?video=1"),
            ("tanya jawab", "/dinkes/tanya-jawab/"),
            ("layanan dengan tanya jawab", ServicePage.objects.get(slug="ktp-el").url),
        ]

    def test_axe_finds_no_serious_or_critical_violations_on_the_new_pages(self):
        axe = Axe()
        for viewport in (PHONE, DESKTOP):
            page = self.new_page(viewport)
            page.route(
                "https://www.youtube-nocookie.com/**",
                lambda route: route.fulfill(status=200, content_type="text/html", body="<title>video</title>"),
            )
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

    def test_new_pages_are_valid_html(self):
        page = self.new_page(PHONE)
        page.route("https://www.youtube-nocookie.com/**", lambda route: route.abort())
        documents = {}
        for name, path in self.pages_to_check():
            documents[name] = page.goto(self.url(path)).text()
        self.assertEqual(nu_html_errors(documents), [])

import re

from playwright.sync_api import expect

from opd_pages.models import NewsPage, OpdHomePage

from .base import DESKTOP, PHONE, ReadOnlyBrowserTestCase


class CitizenJourneyTests(ReadOnlyBrowserTestCase):
    def walk_home_to_news(self, page, shots):
        """Regional home → the Disdukcapil section → its newest news item, by clicking links."""
        page.goto(self.url("/"))
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        self.screenshot(page, f"{shots}-1-beranda")
        opd = OpdHomePage.objects.get(acronym="Disdukcapil")
        page.locator(f'a[href="{opd.url}"]').first.click()
        expect(page).to_have_url(self.url(opd.url))
        expect(page.get_by_role("heading", level=1)).to_contain_text(opd.title)
        self.screenshot(page, f"{shots}-2-opd")
        news = NewsPage.objects.descendant_of(opd).newest_first().first()
        page.locator(f'a[href="{news.url}"]').first.click()
        expect(page).to_have_url(self.url(news.url))
        expect(page.get_by_role("heading", level=1)).to_have_text(news.title)
        self.screenshot(page, f"{shots}-3-berita")

    def test_citizen_on_a_phone_walks_from_the_regional_home_to_an_opd_news_item(self):
        page = self.new_page(PHONE)
        self.walk_home_to_news(page, "ponsel")
        width = page.evaluate("document.documentElement.scrollWidth")
        self.assertLessEqual(width, PHONE["width"], "halaman tidak boleh menggulung ke samping di ponsel")

    def test_citizen_on_a_desktop_walks_the_same_journey(self):
        self.walk_home_to_news(self.new_page(DESKTOP), "desktop")

    def test_search_for_ktp_reaches_the_disdukcapil_section(self):
        page = self.new_page(PHONE)
        page.goto(self.url("/"))
        page.locator("form[role=search] input[name=q]").first.fill("ktp")
        page.locator("form[role=search] input[name=q]").first.press("Enter")
        expect(page).to_have_url(self.url("/cari/?q=ktp"))
        self.screenshot(page, "ponsel-4-cari-ktp")
        results = page.locator("main a[href^='/disdukcapil/']")
        expect(results.first).to_be_visible()
        results.first.click()
        expect(page).to_have_url(re.compile(re.escape(self.url("/disdukcapil/")) + ".*"))
        expect(page.locator("body")).to_contain_text("Disdukcapil")

    def test_the_citizen_journey_works_with_javascript_disabled(self):
        page = self.new_page(PHONE, javascript=False)
        self.walk_home_to_news(page, "tanpa-js")
        page.locator("form[role=search] input[name=q]").first.fill("ktp")
        page.get_by_role("button", name="Cari").first.click()
        expect(page).to_have_url(self.url("/cari/?q=ktp"))
        expect(page.locator("main a[href^='/disdukcapil/']").first).to_be_visible()

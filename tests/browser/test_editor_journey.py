from django.contrib.auth import get_user_model
from django.utils.text import slugify
from playwright.sync_api import expect

from opd_pages.models import NewsIndexPage, NewsPage, OpdHomePage
from opd_teams.onboarding import adopt_opd

from .base import DESKTOP, PASSWORD, BrowserTestCase

TITLE = "Pelayanan Perekaman KTP Elektronik Dibuka Hari Sabtu"


class EditorJourneyTests(BrowserTestCase):
    def setUp(self):
        super().setUp()
        self.opd = OpdHomePage.objects.get(acronym="Disdukcapil")
        team = adopt_opd(self.opd, ["admin.satu@contohkab.go.id", "admin.dua@contohkab.go.id"]).team
        self.admin = team.admins().get(email="admin.satu@contohkab.go.id")
        self.admin.set_password(PASSWORD)
        self.admin.save()
        self.operator = get_user_model().objects.create_user("operator.disdukcapil", password=PASSWORD)
        self.operator.groups.add(team.operator_group)
        self.news_index = NewsIndexPage.objects.child_of(self.opd).get()

    def log_in(self, page, user):
        page.goto(self.url("/masuk/"))
        page.fill("#id_username", user.username)
        page.fill("#id_password", PASSWORD)
        page.locator("form button[type=submit]").first.click()
        expect(page.locator("#id_username")).to_have_count(0)

    def test_operator_submits_a_news_item_and_the_opd_admin_approves_it_onto_the_public_pages(self):
        page = self.new_page(DESKTOP)
        self.log_in(page, self.operator)
        page.goto(self.url(f"/admin/pages/{self.news_index.pk}/add_subpage/"))
        page.fill("#id_title", TITLE)
        page.fill("#id_lead", "Warga dapat merekam KTP elektronik setiap Sabtu pagi di kantor Disdukcapil.")
        page.locator("footer [data-w-dropdown-target=toggle]").first.click()
        page.locator("button[name=action-submit]").click()
        expect(page.locator(".messages")).to_contain_text(TITLE)
        news = NewsPage.objects.get(title=TITLE)
        self.assertFalse(news.live)
        self.assertEqual(news.current_workflow_state.status, "in_progress")
        self.assertEqual(news.slug, slugify(TITLE))

        page.context.clear_cookies()
        self.log_in(page, self.admin)
        page.goto(self.url(f"/admin/pages/{news.pk}/edit/"))
        page.locator("footer [data-w-dropdown-target=toggle]").first.click()
        page.locator("button[data-workflow-action-name=approve]").first.click()
        expect(page.locator(".messages")).to_contain_text(TITLE)
        news.refresh_from_db()
        self.assertTrue(news.live)

        for path in (self.opd.url, "/"):
            with self.subTest(path=path):
                page.goto(self.url(path))
                expect(page.get_by_role("link", name=TITLE).first).to_be_visible()

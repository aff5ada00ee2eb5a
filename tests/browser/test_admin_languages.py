"""The admin in the account's language, read in the browser as its users see it.

Indonesian (the default): an OPD operator writes and submits a news item, the OPD admin approves
it with a comment; every label and button on those screens (page editor, action menu, status,
checks and schedule panels, the dashboard's moderation panel, the approval dialog) and the
moderation mails hold no English word. English (the account setting): a Diskominfo editor's
screens of ours (OPD teams, an OPD's monitoring card, the complaints and PPID inboxes) hold no
Indonesian phrase of our catalogues.
"""

from django.contrib.auth import get_user_model
from django.core import mail
from playwright.sync_api import expect
from wagtail.users.models import UserProfile

from opd_pages.models import NewsIndexPage, NewsPage, OpdHomePage
from opd_teams.onboarding import adopt_opd
from tests.i18n.visible import english_words_in, indonesian_phrases_in

from .base import DESKTOP, PASSWORD, BrowserTestCase

TITLE = "Posyandu Keliling Hadir di Lima Desa"
#: Words the same in both languages, or names, that appear on these screens.
SAME_IN_BOTH = ("wagtail", "admin", "editor", "slug", "email", "online", "seo")


class AdminLanguageJourneyTests(BrowserTestCase):
    def setUp(self):
        super().setUp()
        self.opd = OpdHomePage.objects.get(acronym="Dinkes")
        team = adopt_opd(self.opd, ["admin.satu@contohkab.go.id", "admin.dua@contohkab.go.id"]).team
        self.admin = team.admins().get(email="admin.satu@contohkab.go.id")
        self.admin.set_password(PASSWORD)
        self.admin.save()
        self.operator = get_user_model().objects.create_user(
            "operator.dinkes", email="operator@contohkab.go.id", password=PASSWORD, first_name="Rina"
        )
        self.operator.groups.add(team.operator_group)
        self.news_index = NewsIndexPage.objects.child_of(self.opd).get()

    def log_in(self, page, user):
        page.goto(self.url("/masuk/"))
        page.fill("#id_username", user.username)
        page.fill("#id_password", PASSWORD)
        page.locator("form button[type=submit]").first.click()
        expect(page.locator("#id_username")).to_have_count(0)

    def assert_no_english(self, screen, text):
        with self.subTest(screen=screen):
            words = english_words_in(text, SAME_IN_BOTH)
            lines = [line.strip() for line in text.splitlines() if english_words_in(line, SAME_IN_BOTH)]
            self.assertEqual(words, [], f"English words on {screen}: {lines}")

    def action_menu(self, page):
        """The open action menu: its items live in a dropdown attached outside the footer."""
        return page.locator("[data-tippy-root]").filter(has=page.locator("button[name^=action-]")).first

    def action_menu_text(self, page):
        return page.locator("footer").inner_text() + "\n" + self.action_menu(page).inner_text()

    def open_side_panel(self, page, name):
        page.locator(f"[data-side-panel-toggle='{name}']").first.click()
        panel = page.locator(f"[data-side-panel='{name}']")
        expect(panel).to_be_visible()
        return panel

    def test_an_indonesian_operator_and_admin_write_submit_and_approve_without_english(self):
        page = self.new_page(DESKTOP)
        self.log_in(page, self.operator)
        page.goto(self.url(f"/admin/pages/{self.news_index.pk}/add_subpage/"))
        expect(page.locator("#id_title")).to_be_visible()
        self.assert_no_english("page editor", page.locator("body").inner_text())
        status = self.open_side_panel(page, "status")
        expect(status).to_contain_text("Atur jadwal")
        self.assert_no_english("status panel", status.inner_text())
        page.locator("[data-side-panel='status'] [data-a11y-dialog-show='schedule-publishing-dialog']").first.click()
        schedule = page.locator("#schedule-publishing-dialog")
        expect(schedule).to_be_visible()
        self.assert_no_english("schedule dialog", schedule.inner_text())
        page.keyboard.press("Escape")
        expect(schedule).to_be_hidden()
        checks = self.open_side_panel(page, "checks")
        expect(checks).to_contain_text("Pemeriksaan")
        page.wait_for_load_state("networkidle")  # the checks run on a preview the panel requests
        self.assert_no_english("checks panel", checks.inner_text())
        # Closed again: an open checks panel refreshes its preview on every keystroke, and those
        # requests would race the submission on the test server's single SQLite connection.
        page.locator("[data-side-panel-toggle='checks']").first.click()
        expect(checks).to_be_hidden()  # the preview's requests finished above (networkidle); none follow

        page.fill("#id_title", TITLE)
        page.fill("#id_lead", "Petugas Dinkes mendatangi lima desa setiap Kamis untuk menimbang balita.")
        page.locator("footer [data-w-dropdown-target=toggle]").first.click()
        menu = page.locator("footer .w-dropdown__content").first
        expect(menu.locator("button[name=action-submit]")).to_be_visible()
        expect(self.action_menu(page)).to_contain_text("Pengajuan ke Moderasi Dinkes")
        self.assert_no_english("action menu (operator)", self.action_menu_text(page))
        page.locator("button[name=action-submit]").click()
        expect(page.locator(".messages")).to_contain_text(TITLE)
        self.assert_no_english("message after submitting", page.locator(".messages").inner_text())
        news = NewsPage.objects.get(title=TITLE)
        submitted_mails = [message for message in mail.outbox if TITLE in message.subject + message.body]
        self.assertTrue(submitted_mails, "the OPD admins are told of the submission")
        for message in submitted_mails:
            self.assert_no_english(f"mail “{message.subject}”", f"{message.subject}\n{message.body}")

        page.context.clear_cookies()
        self.log_in(page, self.admin)
        page.goto(self.url("/admin/"))
        moderation = page.locator("section", has_text=TITLE).first
        expect(moderation).to_be_visible()
        self.screenshot(page, "admin-id-dashboard")
        self.assert_no_english("dashboard", page.locator("main").inner_text())
        page.goto(self.url(f"/admin/pages/{news.pk}/edit/"))
        expect(page.locator("#id_title")).to_have_value(TITLE)
        self.assert_no_english("page editor in moderation", page.locator("body").inner_text())
        self.assert_no_english("status panel in moderation", self.open_side_panel(page, "status").inner_text())
        page.locator("footer [data-w-dropdown-target=toggle]").first.click()
        approve_with_comment = page.locator("button[data-workflow-action-name=approve][data-workflow-action-modal-url]")
        expect(approve_with_comment.first).to_be_visible()
        expect(self.action_menu(page)).to_contain_text("Minta perubahan")
        expect(self.action_menu(page)).to_contain_text("Setujui dengan komentar")
        self.screenshot(page, "admin-id-approve-menu")
        self.assert_no_english("action menu (admin)", self.action_menu_text(page))
        approve_with_comment.first.click()
        dialog = page.get_by_role("dialog").filter(has=page.locator("textarea"))
        expect(dialog).to_be_visible()
        self.assert_no_english("approval dialog", dialog.inner_text())
        mail.outbox.clear()
        dialog.locator("textarea").fill("Sudah sesuai, terima kasih.")
        dialog.locator("[type=submit]").first.click()
        expect(page.locator(".messages")).to_contain_text(TITLE)
        self.assert_no_english("message after approving", page.locator(".messages").inner_text())
        news.refresh_from_db()
        self.assertTrue(news.live)
        for message in mail.outbox:
            self.assert_no_english(f"mail “{message.subject}”", f"{message.subject}\n{message.body}")

    def test_an_english_account_sees_our_admin_screens_in_english(self):
        user = get_user_model().objects.create_user(
            "diskominfo.en", email="en@contohkab.go.id", password=PASSWORD, is_staff=True, is_superuser=True
        )
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = "en"
        profile.save()
        page = self.new_page(DESKTOP)
        self.log_in(page, user)
        screens = (
            ("/admin/opd-teams/opd/", "OPD list"),
            (f"/admin/pemantauan/opd/{self.opd.pk}/", f"Monitoring of {self.opd.title}"),
            ("/admin/pemantauan/", "OPD monitoring"),
            ("/admin/pengaduan/", "Complaints"),
            ("/admin/ppid/", "Information requests"),
        )
        for path, heading in screens:
            with self.subTest(path=path):
                page.goto(self.url(path))
                expect(page.get_by_role("heading", name=heading).first).to_be_visible()
                self.assertEqual(page.locator("html").get_attribute("lang"), "en")
                self.assertEqual(indonesian_phrases_in(page.locator("body").inner_text()), [])
        self.screenshot(page, "admin-en-ppid-inbox")
        page.goto(self.url("/admin/"))
        sidebar = page.locator("[data-wagtail-sidebar], #wagtail-sidebar, aside").first
        expect(sidebar).to_contain_text("OPD teams")
        self.assertEqual(indonesian_phrases_in(sidebar.inner_text()), [])

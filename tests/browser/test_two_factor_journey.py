"""2FA in the browser: a humas account enrols after its password, logs in again with the app's
code, then with a recovery code (lost phone)."""

import re
import time
from base64 import b32decode

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import override_settings
from django_otp.oath import TOTP
from playwright.sync_api import expect

from opd_teams.models import HUMAS_GROUP
from opd_teams.roles import ensure_platform_groups

from .base import DESKTOP, PASSWORD, BrowserTestCase


def app_code(secret, offset=0):
    """What an authenticator app shows for ``secret`` (``offset`` 30-second steps from now)."""
    totp = TOTP(b32decode(secret))
    totp.time = time.time() + offset * 30
    return f"{totp.token():06d}"


@override_settings(PORTAL_2FA_ENFORCED=True)
class TwoFactorJourneyTests(BrowserTestCase):
    def setUp(self):
        super().setUp()
        ensure_platform_groups()
        self.user = get_user_model().objects.create_user(
            "humas.uji", email="humas.uji@contohkab.go.id", password=PASSWORD, first_name="Humas"
        )
        self.user.groups.add(Group.objects.get(name=HUMAS_GROUP))

    def log_in_with_password(self, page):
        page.goto(self.url("/masuk/"))
        page.fill("#id_username", self.user.username)
        page.fill("#id_password", PASSWORD)
        page.locator("form button[type=submit]").first.click()

    def test_enrol_then_log_in_with_the_app_code_then_with_a_recovery_code(self):
        page = self.new_page(DESKTOP)
        self.log_in_with_password(page)
        expect(page).to_have_title(re.compile("Aktifkan verifikasi dua langkah"))
        expect(page.locator("svg.segno")).to_be_visible()
        self.screenshot(page, "2fa-aktifkan")
        secret = page.locator("#totp-secret").get_attribute("data-secret")
        page.fill("#id_code", "000000")
        page.get_by_role("button", name="Aktifkan").click()
        expect(page.locator(".error-message")).to_contain_text("Kode tidak cocok")
        time.sleep(1.1)  # django-otp throttles: the next try waits a second
        page.fill("#id_code", app_code(secret))
        page.get_by_role("button", name="Aktifkan").click()
        expect(page.locator("#recovery-codes code")).to_have_count(10)  # waits for the codes page
        codes = page.locator("#recovery-codes code").all_inner_texts()
        self.assertEqual(len(codes), 10)
        self.screenshot(page, "2fa-kode-pemulihan")
        page.get_by_role("link", name="Saya sudah menyimpannya, lanjutkan").click()
        page.wait_for_url(self.url("/admin/"))
        expect(page.locator("#id_code")).to_have_count(0)

        # A new browser: password, then the app's (next) code.
        page = self.new_page(DESKTOP)
        self.log_in_with_password(page)
        expect(page.locator("h1")).to_have_text("Verifikasi dua langkah")
        self.screenshot(page, "2fa-verifikasi")
        page.fill("#id_code", app_code(secret, offset=1))
        page.get_by_role("button", name="Verifikasi").click()
        page.wait_for_url(self.url("/admin/"))
        expect(page.locator("#id_code")).to_have_count(0)

        # Phone lost: password, then a recovery code; the same code never works twice.
        page = self.new_page(DESKTOP)
        self.log_in_with_password(page)
        page.fill("#id_code", codes[0])
        page.get_by_role("button", name="Verifikasi").click()
        page.wait_for_url(self.url("/admin/"))
        expect(page.locator(".messages")).to_contain_text("kode pemulihan")
        self.screenshot(page, "2fa-masuk-kode-pemulihan")
        page = self.new_page(DESKTOP)
        self.log_in_with_password(page)
        page.fill("#id_code", codes[0])
        page.get_by_role("button", name="Verifikasi").click()
        expect(page.locator(".error-message")).to_contain_text("sudah dipakai")

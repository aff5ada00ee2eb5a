"""Passkeys in the browser: a humas account enrols a passkey after its password (Chromium's
virtual authenticator stands in for the fingerprint reader), logs out, logs in again with the
password and the passkey, and reaches the admin; all under the strict CSP."""

import re

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import override_settings
from django_otp_webauthn.models import WebAuthnCredential
from playwright.sync_api import expect

from audit.models import AuditEvent
from opd_teams.models import HUMAS_GROUP
from opd_teams.roles import ensure_platform_groups

from .base import DESKTOP, PASSWORD, BrowserTestCase


@override_settings(PORTAL_2FA_ENFORCED=True, OTP_WEBAUTHN_RP_ID="localhost")
class PasskeyJourneyTests(BrowserTestCase):
    def setUp(self):
        super().setUp()
        ensure_platform_groups()
        self.user = get_user_model().objects.create_user(
            "humas.kunci", email="humas.kunci@contohkab.go.id", password=PASSWORD, first_name="Humas"
        )
        self.user.groups.add(Group.objects.get(name=HUMAS_GROUP))
        # WebAuthn needs a secure context: the live server answers as http://localhost:<port>.
        self.assertTrue(self.live_server_url.startswith("http://localhost:"))
        self.enterContext(override_settings(OTP_WEBAUTHN_ALLOWED_ORIGINS=[self.live_server_url]))

    def new_page_with_authenticator(self):
        page = self.new_page(DESKTOP)
        self.csp_errors = []
        page.on(
            "console",
            lambda message: self.csp_errors.append(message.text) if "Content Security" in message.text else None,
        )
        cdp = page.context.new_cdp_session(page)
        cdp.send("WebAuthn.enable")
        authenticator = cdp.send(
            "WebAuthn.addVirtualAuthenticator",
            {
                "options": {
                    "protocol": "ctap2",
                    "transport": "internal",
                    "hasResidentKey": True,
                    "hasUserVerification": True,
                    "isUserVerified": True,
                }
            },
        )
        return page, cdp, authenticator["authenticatorId"]

    def log_in_with_password(self, page):
        page.goto(self.url("/masuk/"))
        page.fill("#id_username", self.user.username)
        page.fill("#id_password", PASSWORD)
        page.locator("form button[type=submit]").first.click()

    def test_enrol_a_passkey_log_out_then_log_in_with_password_and_passkey(self):
        page, cdp, authenticator_id = self.new_page_with_authenticator()
        self.log_in_with_password(page)
        expect(page).to_have_title(re.compile("Aktifkan verifikasi dua langkah"))
        page.get_by_role("link", name="Tambahkan kunci sandi (passkey)").click()
        expect(page).to_have_title(re.compile("Verifikasi dua langkah"))
        page.get_by_role("button", name="Tambah kunci sandi").click()
        # The page reloads with the new passkey and the recovery codes, shown once.
        expect(page.locator("#passkeys li")).to_have_count(1)
        expect(page.locator("#recovery-codes code")).to_have_count(10)
        self.screenshot(page, "2fa-kunci-sandi-ditambahkan")
        self.assertEqual(
            len(cdp.send("WebAuthn.getCredentials", {"authenticatorId": authenticator_id})["credentials"]), 1
        )
        credential = WebAuthnCredential.objects.get(user=self.user)
        self.assertTrue(credential.confirmed)
        page.goto(self.url("/admin/"))
        expect(page.locator("#id_code")).to_have_count(0)
        expect(page.locator("main")).to_be_visible()
        self.assertEqual(page.url, self.url("/admin/"))

        # Log out from the account menu, then the password and the passkey.
        page.locator(".sidebar-footer__account").click()
        page.locator(".sidebar-footer").get_by_role("button", name=re.compile("Keluar|Log ?out", re.I)).click()
        expect(page.locator("#id_username")).to_be_visible()
        self.log_in_with_password(page)
        expect(page.locator("h1")).to_have_text("Verifikasi dua langkah")
        self.screenshot(page, "2fa-verifikasi-kunci-sandi")
        page.get_by_role("button", name="Verifikasi dengan kunci sandi").click()
        page.wait_for_url(self.url("/admin/"))
        expect(page.locator("#id_code")).to_have_count(0)
        expect(page.locator("main")).to_be_visible()
        self.assertEqual(
            list(AuditEvent.objects.filter(action="login.2fa").values_list("username", "details")),
            [("humas.kunci", {"method": "passkey"})],
        )
        self.assertTrue(AuditEvent.objects.filter(action="2fa.passkey.add", outcome="ok").exists())
        self.assertEqual(self.csp_errors, [])

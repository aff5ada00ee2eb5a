"""Passkeys (WebAuthn) as a second factor beside the app: enrolment from the 2FA page, the second
step with a passkey, recovery codes, removal, Diskominfo's reset, the audit log, the CSP.

The passkeys are software authenticators (tests/accounts/authenticator.py) whose answers the
server verifies for real; the browser journey with Chromium's virtual authenticator is in
tests/browser/test_passkey_journey.py."""

import json
import re
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.staticfiles import finders
from django.test import RequestFactory, TestCase, override_settings
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

from accounts.two_factor import has_two_factor, verification_devices
from audit.models import AuditEvent
from portal.settings.base import passkey_relying_party
from security_headers.observatory import parse_csp

from .authenticator import SoftwareAuthenticator
from .helpers import PASSWORD, build_accounts_region, totp_code
from .test_two_factor import enrol

LOGIN = "/admin/login/"
HOME = "/admin/"
ORIGIN = "http://localhost:8000"
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"(?:application/json|text/template)\")[^>]*>", re.I)


def post_json(client, url, data=None):
    return client.post(url, json.dumps(data or {}), content_type="application/json")


def add_passkey(client, authenticator, origin=None):
    """The registration ceremony the 2FA page's script runs; returns the completing response."""
    options = post_json(client, reverse("otp_webauthn:credential-registration-begin"))
    assert options.status_code == 200, options.content
    return post_json(
        client,
        reverse("otp_webauthn:credential-registration-complete"),
        authenticator.register(options.json(), origin=origin),
    )


def verify_with_passkey(client, authenticator, next_url=HOME):
    """The authentication ceremony the verification page's script runs."""
    options = post_json(client, reverse("otp_webauthn:credential-authentication-begin"))
    if options.status_code != 200:
        return options
    return post_json(
        client,
        reverse("otp_webauthn:credential-authentication-complete") + f"?next={next_url}",
        authenticator.authenticate(options.json()),
    )


@override_settings(PORTAL_2FA_ENFORCED=True, OTP_WEBAUTHN_RP_ID="localhost", OTP_WEBAUTHN_ALLOWED_ORIGINS=[ORIGIN])
class PasskeyTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.opds, cls.users = build_accounts_region()

    def login(self, username):
        self.client.logout()
        response = self.client.post(LOGIN, {"username": username, "password": PASSWORD, "next": HOME})
        self.assertEqual(response.status_code, 302)

    def enrol_passkey(self, username):
        """``username`` enrols a passkey as first factor; returns (authenticator, recovery codes)."""
        authenticator = SoftwareAuthenticator()
        self.login(username)
        self.assertEqual(add_passkey(self.client, authenticator).status_code, 200)
        codes = self.client.get(reverse("accounts:two_factor")).context["fresh_codes"]
        self.client.logout()
        return authenticator, codes

    def test_a_required_role_enrols_a_passkey_gets_recovery_codes_once_and_reaches_the_admin(self):
        user = self.users["humas"]
        self.login("humas")
        self.assertTrue(self.client.get(HOME)["Location"].startswith(reverse("accounts:setup")))
        response = self.client.get(reverse("accounts:setup"))
        self.assertContains(response, reverse("accounts:two_factor"))  # the way to a passkey instead
        response = self.client.get(reverse("accounts:two_factor"))
        self.assertContains(response, 'id="passkey-register-button"')
        self.assertContains(response, "/static/django_otp_webauthn/otp_webauthn_register.js")

        response = add_passkey(self.client, SoftwareAuthenticator())
        self.assertEqual(response.status_code, 200, response.content)
        credential = WebAuthnCredential.objects.get(user=user)
        self.assertTrue(credential.confirmed)
        self.assertEqual(credential.name, "Kunci sandi 1")
        self.assertTrue(has_two_factor(user))
        # The ceremony itself counts as the second step of this session.
        self.assertEqual(self.client.get(HOME).status_code, 200)

        response = self.client.get(reverse("accounts:two_factor"))
        codes = set(StaticToken.objects.filter(device__user=user).values_list("token", flat=True))
        self.assertEqual(len(codes), 10)
        for code in codes:
            self.assertContains(response, code)
        self.assertContains(response, "Kunci sandi 1")
        response = self.client.get(reverse("accounts:two_factor"))
        self.assertNotContains(response, 'id="recovery-codes"')  # shown once
        event = AuditEvent.objects.get(action="2fa.passkey.add")
        self.assertEqual((event.username, event.outcome, event.details), ("humas", "ok", {"passkey": credential.pk}))

    def test_password_then_passkey_reaches_the_admin_and_is_logged(self):
        authenticator, _codes = self.enrol_passkey("dinkes.admin")
        self.login("dinkes.admin")
        response = self.client.get(HOME)
        self.assertEqual(response["Location"], reverse("accounts:verify") + "?next=%2Fadmin%2F")
        response = self.client.get(response["Location"])
        self.assertContains(response, 'id="passkey-verification-button"')
        self.assertContains(response, "/static/django_otp_webauthn/otp_webauthn_auth.js")
        self.assertEqual(self.client.get(HOME).status_code, 302)
        response = verify_with_passkey(self.client, authenticator, next_url="/admin/pages/")
        self.assertEqual(response.status_code, 200, response.content)
        self.assertEqual(response.json()["redirect_url"], "/admin/pages/")
        self.assertEqual(self.client.get(HOME).status_code, 200)
        event = AuditEvent.objects.filter(action="login.2fa").last()
        self.assertEqual((event.username, event.outcome, event.details), ("dinkes.admin", "ok", {"method": "passkey"}))
        self.assertEqual(event.opd.acronym, "Dinkes")
        self.assertIsNotNone(WebAuthnCredential.objects.get(user=self.users["dinkes.admin"]).last_used_at)

    def test_the_next_address_of_a_passkey_cannot_leave_the_site(self):
        authenticator, _codes = self.enrol_passkey("humas")
        self.login("humas")
        response = verify_with_passkey(self.client, authenticator, next_url="https://jahat.example/")
        self.assertEqual(response.status_code, 200)
        self.assertNotIn("jahat", response.json()["redirect_url"])

    def test_another_users_passkey_is_refused_at_the_second_step(self):
        _mine, _codes = self.enrol_passkey("humas")
        theirs, _codes = self.enrol_passkey("dinkes.admin")
        self.login("humas")
        response = verify_with_passkey(self.client, theirs)
        self.assertEqual(response.status_code, 403)
        self.assertEqual(response.json()["code"], "credential_user_mismatch")
        self.assertTrue(self.client.get(HOME)["Location"].startswith(reverse("accounts:verify")))
        event = AuditEvent.objects.filter(action="login.2fa").last()
        self.assertEqual((event.username, event.outcome), ("humas", "denied"))
        self.assertEqual(event.details["reason"], "credential_user_mismatch")

    def test_a_passkey_never_replaces_the_password(self):
        authenticator, _codes = self.enrol_passkey("humas")
        response = verify_with_passkey(self.client, authenticator)  # nobody logged in
        self.assertEqual(response.status_code, 302)
        self.assertTrue(response["Location"].startswith(LOGIN))
        # Even past the admin's own login check, the ceremony wants a logged-in user.
        from accounts.passkeys import BeginAuthenticationView

        request = RequestFactory().post("/", content_type="application/json")
        request.user, request.session = AnonymousUser(), SessionStore()
        response = BeginAuthenticationView.as_view()(request)
        self.assertEqual((response.status_code, json.loads(response.content)["code"]), (403, "not_authenticated"))
        self.assertNotIn("_auth_user_id", self.client.session)
        self.assertEqual(self.client.get(HOME).status_code, 302)

    def test_an_unconfirmed_passkey_does_not_satisfy_the_second_step(self):
        authenticator, _codes = self.enrol_passkey("disdukcapil.admin")
        user = self.users["disdukcapil.admin"]
        WebAuthnCredential.objects.filter(user=user).update(confirmed=False)
        self.assertFalse(has_two_factor(user))
        self.login("disdukcapil.admin")
        # Not a second factor: the required role is sent to enrol one, not to verify.
        self.assertTrue(self.client.get(HOME)["Location"].startswith(reverse("accounts:setup")))
        response = verify_with_passkey(self.client, authenticator)
        self.assertEqual(response.status_code, 403)
        self.assertEqual(response.json()["code"], "credential_disabled")
        self.assertTrue(self.client.get(HOME)["Location"].startswith(reverse("accounts:setup")))

    def test_a_passkey_unconfirmed_after_the_login_ends_the_verified_session(self):
        authenticator, _codes = self.enrol_passkey("humas")
        self.login("humas")
        verify_with_passkey(self.client, authenticator)
        self.assertEqual(self.client.get(HOME).status_code, 200)
        WebAuthnCredential.objects.filter(user=self.users["humas"]).update(confirmed=False)
        self.assertEqual(self.client.get(HOME).status_code, 302)

    def test_a_passkey_from_another_site_is_refused(self):
        self.login("humas")
        response = add_passkey(self.client, SoftwareAuthenticator(), origin="https://jahat.example")
        self.assertEqual(response.status_code, 422)
        phishing = SoftwareAuthenticator(rp_id="jahat.example")
        self.assertEqual(add_passkey(self.client, phishing).status_code, 422)
        self.assertFalse(WebAuthnCredential.objects.exists())
        self.assertEqual(
            list(AuditEvent.objects.filter(action="2fa.passkey.add").values_list("outcome", flat=True)),
            ["failed", "failed"],
        )

    def test_a_passkey_answer_relayed_from_another_site_does_not_verify(self):
        authenticator, _codes = self.enrol_passkey("humas")
        self.login("humas")
        options = post_json(self.client, reverse("otp_webauthn:credential-authentication-begin")).json()
        answer = authenticator.authenticate(options, origin="https://jahat.example")
        response = post_json(self.client, reverse("otp_webauthn:credential-authentication-complete"), answer)
        self.assertEqual(response.status_code, 422)
        # The challenge was used up by that attempt: the same answer never works twice.
        response = post_json(self.client, reverse("otp_webauthn:credential-authentication-complete"), answer)
        self.assertEqual(response.status_code, 400)
        self.assertTrue(self.client.get(HOME)["Location"].startswith(reverse("accounts:verify")))
        self.assertEqual(
            list(AuditEvent.objects.filter(action="login.2fa").values_list("outcome", flat=True)), ["failed", "failed"]
        )

    def test_a_recovery_code_works_for_a_passkey_only_user(self):
        _authenticator, codes = self.enrol_passkey("diskominfo")
        self.login("diskominfo")
        response = self.client.get(reverse("accounts:verify"))
        self.assertContains(response, "Kunci sandi hilang?")
        response = self.client.post(reverse("accounts:verify"), {"code": codes[0], "next": HOME})
        self.assertEqual(response["Location"], HOME)
        self.assertEqual(self.client.get(HOME).status_code, 200)
        self.assertEqual(AuditEvent.objects.filter(action="login.2fa").last().details, {"method": "recovery_code"})

    def test_typed_codes_are_never_checked_against_passkeys(self):
        self.enrol_passkey("humas")
        user = self.users["humas"]
        for code in ["123456", "abcd1234"]:
            with self.subTest(code):
                self.assertFalse(
                    any(isinstance(device, WebAuthnCredential) for device in verification_devices(user, code))
                )

    def test_a_second_passkey_beside_the_app_needs_the_second_step_first(self):
        device, _codes = enrol(self.users["humas"])
        self.login("humas")
        # A stolen password alone: no passkey, no new app, no new recovery codes, nothing removed.
        response = post_json(self.client, reverse("otp_webauthn:credential-registration-begin"))
        self.assertTrue(response["Location"].startswith(reverse("accounts:verify")))
        for url in [reverse("accounts:two_factor"), reverse("accounts:setup")]:
            self.assertTrue(self.client.get(url)["Location"].startswith(reverse("accounts:verify")), url)
        old_codes = set(StaticToken.objects.filter(device__user=self.users["humas"]).values_list("token", flat=True))
        for url in [reverse("accounts:recovery_codes"), reverse("accounts:disable"), reverse("accounts:setup")]:
            self.assertTrue(
                self.client.post(url, {"code": "000000"})["Location"].startswith(reverse("accounts:verify"))
            )
        self.assertEqual(
            set(StaticToken.objects.filter(device__user=self.users["humas"]).values_list("token", flat=True)), old_codes
        )
        self.assertEqual(TOTPDevice.objects.filter(user=self.users["humas"]).count(), 1)
        # After the app's code, a passkey may be added; the recovery codes stay as they were.
        self.client.post(reverse("accounts:verify"), {"code": totp_code(device), "next": HOME})
        self.assertEqual(add_passkey(self.client, SoftwareAuthenticator()).status_code, 200)
        self.assertIsNone(self.client.get(reverse("accounts:two_factor")).context["fresh_codes"])
        self.assertEqual(
            set(StaticToken.objects.filter(device__user=self.users["humas"]).values_list("token", flat=True)), old_codes
        )

    def test_no_role_can_remove_a_platform_accounts_or_another_opds_passkey(self):
        self.enrol_passkey("diskominfo")
        self.enrol_passkey("disdukcapil.admin")
        targets = list(WebAuthnCredential.objects.filter(user__username__in=["diskominfo", "disdukcapil.admin"]))
        for attacker in ("dinkes.operator", "dinkes.admin", "humas"):
            own, _codes = self.enrol_passkey(attacker)
            self.login(attacker)
            verify_with_passkey(self.client, own)
            for credential in targets:
                url = reverse("accounts:passkey_remove", args=[credential.pk])
                with self.subTest(attacker=attacker, target=credential.user.username):
                    self.assertEqual(self.client.get(url).status_code, 405)  # removal is POST only
                    self.assertEqual(self.client.post(url).status_code, 404)  # and finds only one's own
        self.assertEqual(WebAuthnCredential.objects.filter(pk__in=[c.pk for c in targets]).count(), len(targets))

    def test_users_remove_their_own_passkeys_only(self):
        first, _codes = self.enrol_passkey("dinkes.admin")
        theirs, _codes = self.enrol_passkey("disdukcapil.admin")
        other = WebAuthnCredential.objects.get(user=self.users["disdukcapil.admin"])
        self.login("dinkes.admin")
        verify_with_passkey(self.client, first)
        self.assertEqual(add_passkey(self.client, SoftwareAuthenticator()).status_code, 200)
        mine = list(WebAuthnCredential.objects.filter(user=self.users["dinkes.admin"]).order_by("pk"))
        self.assertEqual([credential.name for credential in mine], ["Kunci sandi 1", "Kunci sandi 2"])
        # Another user's passkey: not found, untouched.
        response = self.client.post(reverse("accounts:passkey_remove", args=[other.pk]))
        self.assertEqual(response.status_code, 404)
        self.assertTrue(WebAuthnCredential.objects.filter(pk=other.pk).exists())
        # Own passkeys: one goes; the last one of a required role stays.
        self.client.post(reverse("accounts:passkey_remove", args=[mine[1].pk]))
        response = self.client.post(reverse("accounts:passkey_remove", args=[mine[0].pk]), follow=True)
        self.assertContains(response, "faktor kedua terakhir")
        self.assertEqual(list(WebAuthnCredential.objects.filter(user=self.users["dinkes.admin"])), [mine[0]])
        self.assertEqual(
            list(
                AuditEvent.objects.filter(action="2fa.passkey.remove")
                .order_by("pk")
                .values_list("username", "outcome", "details")
            ),
            [("dinkes.admin", "ok", {"passkey": "Kunci sandi 2"}), ("dinkes.admin", "denied", {})],
        )

    def test_an_operator_removes_the_last_passkey_and_its_recovery_codes(self):
        authenticator, _codes = self.enrol_passkey("dinkes.operator")
        user = self.users["dinkes.operator"]
        self.login("dinkes.operator")
        verify_with_passkey(self.client, authenticator)
        self.client.post(reverse("accounts:passkey_remove", args=[WebAuthnCredential.objects.get(user=user).pk]))
        self.assertFalse(WebAuthnCredential.objects.filter(user=user).exists())
        self.assertFalse(StaticToken.objects.filter(device__user=user).exists())
        self.assertFalse(has_two_factor(user))

    def test_diskominfo_reset_removes_passkeys_too(self):
        self.enrol_passkey("dinkes.admin")
        target = self.users["dinkes.admin"]
        device, _codes = enrol(self.users["diskominfo"])
        self.login("diskominfo")
        self.client.post(reverse("accounts:verify"), {"code": totp_code(device), "next": HOME})
        self.assertEqual(self.client.post(reverse("accounts:reset", args=[target.pk])).status_code, 302)
        self.assertFalse(WebAuthnCredential.objects.filter(user=target).exists())
        self.assertFalse(StaticToken.objects.filter(device__user=target).exists())
        self.assertEqual(AuditEvent.objects.get(action="2fa.reset").details["passkeys"], 1)
        self.login("dinkes.admin")
        self.assertTrue(self.client.get(HOME)["Location"].startswith(reverse("accounts:setup")))


@override_settings(OTP_WEBAUTHN_RP_ID="localhost", OTP_WEBAUTHN_ALLOWED_ORIGINS=[ORIGIN])
class PasskeyNotEnforcedTests(TestCase):
    """Where the admin does not enforce the step (tests, a development copy) the views still do."""

    @classmethod
    def setUpTestData(cls):
        cls.home, cls.opds, cls.users = build_accounts_region()

    def test_a_password_alone_cannot_add_a_passkey_to_an_enrolled_account(self):
        enrol(self.users["humas"])
        self.client.post(LOGIN, {"username": "humas", "password": PASSWORD})
        response = post_json(self.client, reverse("otp_webauthn:credential-registration-begin"))
        self.assertEqual(response.status_code, 403)
        self.assertEqual(response.json()["code"], "user_not_verified")
        self.assertTrue(self.client.post(reverse("accounts:recovery_codes"))["Location"].startswith("/admin/akun/"))
        self.assertFalse(WebAuthnCredential.objects.exists())


class PasskeyScreensTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.opds, cls.users = build_accounts_region()

    def test_the_passkey_screens_run_under_the_strict_policy(self):
        authenticator = SoftwareAuthenticator(rp_id="testserver", origin="http://testserver")
        self.client.force_login(self.users["humas"])
        with override_settings(OTP_WEBAUTHN_RP_ID="testserver", OTP_WEBAUTHN_ALLOWED_ORIGINS=["http://testserver"]):
            self.assertEqual(add_passkey(self.client, authenticator).status_code, 200)
        pages = [(reverse("accounts:two_factor"), "passkey-register-button"), (reverse("accounts:setup"), "svg")]
        for url, marker in [*pages, (reverse("accounts:verify"), "passkey-verification-button")]:
            if url == reverse("accounts:verify"):
                self.client.logout()
                self.client.force_login(self.users["humas"])  # password only: the second step is due
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertContains(response, marker)
                self.assertEqual(INLINE_SCRIPT.findall(response.content.decode()), [])
                self.assertEqual(parse_csp(response["Content-Security-Policy"])["script-src"], ["'self'"])

    def test_the_library_scripts_are_our_static_files_without_eval(self):
        for name in ["otp_webauthn_register.js", "otp_webauthn_auth.js"]:
            path = finders.find(f"django_otp_webauthn/{name}")
            self.assertIsNotNone(path, name)
            source = Path(path).read_text()
            self.assertNotRegex(source, r"\beval\(|new Function\(|import\(", name)
        self.assertIsNotNone(finders.find("accounts/passkeys.js"))

    def test_the_library_speaks_indonesian(self):
        self.client.force_login(self.users["dinkes.operator"])
        response = self.client.get(reverse("otp_webauthn:js-i18n-catalog"))
        self.assertContains(response, "Pendaftaran berhasil.")
        self.assertContains(response, "Verifikasi dibatalkan.")
        from django_otp_webauthn.exceptions import CredentialUserMismatch

        self.assertIn("bukan milik akun", str(CredentialUserMismatch()))

    def test_the_relying_party_is_the_admins_host(self):
        self.assertEqual(
            passkey_relying_party("https://portal.contohkab.go.id"),
            ("portal.contohkab.go.id", "https://portal.contohkab.go.id"),
        )
        self.assertEqual(passkey_relying_party("http://127.0.0.1:8000"), ("localhost", "http://localhost:8000"))
        self.assertTrue(settings.OTP_WEBAUTHN_ALLOWED_ORIGINS)
        self.assertFalse(settings.OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN)

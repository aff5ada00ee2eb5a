"""The second factor: required for Diskominfo, humas and OPD admins, offered to operators;
enrolment, the second login step, recovery codes and Diskominfo's reset."""

from django.test import TestCase, override_settings
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.two_factor import confirm_totp_device, pending_totp_device, requires_two_factor
from audit.models import AuditEvent
from tests.opd_teams.helpers import assert_denied

from .helpers import PASSWORD, build_accounts_region, totp_code

LOGIN = "/admin/login/"
HOME = "/admin/"
REQUIRED = ["diskominfo", "humas", "dinkes.admin", "disdukcapil.admin"]


def enrol(user):
    """A confirmed authenticator app and recovery codes for ``user``; returns (device, codes)."""
    device = pending_totp_device(user)
    return device, confirm_totp_device(device)


class RolesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.opds, cls.users = build_accounts_region()

    def test_required_for_diskominfo_humas_and_opd_admins_not_operators(self):
        from django.contrib.auth import get_user_model

        superuser = get_user_model().objects.create_superuser("root", "root@contohkab.go.id", PASSWORD)
        for username in REQUIRED:
            with self.subTest(username):
                self.assertTrue(requires_two_factor(self.users[username]))
        self.assertTrue(requires_two_factor(superuser))
        self.assertFalse(requires_two_factor(self.users["dinkes.operator"]))


@override_settings(PORTAL_2FA_ENFORCED=True)
class EnforcedTwoFactorTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.opds, cls.users = build_accounts_region()

    def login(self, username, password=PASSWORD):
        return self.client.post(LOGIN, {"username": username, "password": password, "next": HOME})

    def test_required_roles_must_enrol_before_reaching_anything_in_the_admin(self):
        for username in REQUIRED:
            with self.subTest(username):
                self.client.logout()
                self.assertEqual(self.login(username).status_code, 302)
                for path in [HOME, "/admin/pages/", "/admin/images/", reverse("wagtailadmin_account")]:
                    response = self.client.get(path)
                    self.assertEqual(response.status_code, 302, path)
                    self.assertTrue(response["Location"].startswith(reverse("accounts:setup")), path)
                # The icon sprite and translations the 2FA screens themselves load stay reachable.
                for path in [reverse("wagtailadmin_sprite"), reverse("wagtailadmin_javascript_catalog")]:
                    self.assertEqual(self.client.get(path).status_code, 200, path)

    def test_operator_is_offered_but_not_forced(self):
        self.login("dinkes.operator")
        self.assertEqual(self.client.get(HOME).status_code, 200)
        response = self.client.get(reverse("accounts:two_factor"))
        self.assertContains(response, "Aktifkan verifikasi dua langkah")

    @override_settings(OTP_TOTP_THROTTLE_FACTOR=0)
    def test_enrolment_with_the_app_code_then_recovery_codes_then_the_admin(self):
        user = self.users["dinkes.admin"]
        self.login("dinkes.admin")
        response = self.client.get(reverse("accounts:setup") + "?next=/admin/pages/")
        self.assertContains(response, "<svg")
        device = TOTPDevice.objects.get(user=user, confirmed=False)
        response = self.client.post(reverse("accounts:setup"), {"code": "000000", "next": "/admin/pages/"})
        self.assertContains(response, "Kode tidak cocok")
        self.assertFalse(TOTPDevice.objects.filter(user=user, confirmed=True).exists())
        response = self.client.post(reverse("accounts:setup"), {"code": totp_code(device), "next": "/admin/pages/"})
        codes = list(StaticToken.objects.filter(device__user=user).values_list("token", flat=True))
        self.assertEqual(len(codes), 10)
        for code in codes:
            self.assertContains(response, code)
        self.assertEqual(self.client.get(HOME).status_code, 200)
        self.assertEqual(
            list(AuditEvent.objects.filter(action="2fa.enrol").values_list("outcome", flat=True).order_by("pk")),
            ["failed", "ok"],
        )

    @override_settings(OTP_TOTP_THROTTLE_FACTOR=0)
    def test_login_asks_for_the_code_and_accepts_only_the_right_one(self):
        device, _codes = enrol(self.users["humas"])
        self.login("humas")
        response = self.client.get(HOME)
        self.assertEqual(response["Location"], reverse("accounts:verify") + "?next=%2Fadmin%2F")
        response = self.client.post(reverse("accounts:verify"), {"code": "123456", "next": HOME})
        self.assertContains(response, "Kode salah")
        self.assertEqual(self.client.get(HOME).status_code, 302)
        response = self.client.post(reverse("accounts:verify"), {"code": totp_code(device), "next": HOME})
        self.assertEqual(response["Location"], HOME)
        self.assertEqual(self.client.get(HOME).status_code, 200)
        events = AuditEvent.objects.filter(action="login.2fa", username="humas").order_by("pk")
        self.assertEqual([event.outcome for event in events], ["failed", "ok"])
        self.assertEqual(events.last().details, {"method": "totp"})

    def test_a_recovery_code_works_once(self):
        _device, codes = enrol(self.users["diskominfo"])
        self.login("diskominfo")
        response = self.client.post(reverse("accounts:verify"), {"code": codes[0], "next": HOME})
        self.assertEqual(response["Location"], HOME)
        self.assertEqual(AuditEvent.objects.filter(action="login.2fa").last().details, {"method": "recovery_code"})
        self.client.logout()
        self.login("diskominfo")
        response = self.client.post(reverse("accounts:verify"), {"code": codes[0], "next": HOME})
        self.assertContains(response, "Kode salah atau sudah dipakai")
        self.assertEqual(StaticToken.objects.filter(device__user=self.users["diskominfo"]).count(), 9)

    def test_wrong_codes_are_throttled(self):
        device, _codes = enrol(self.users["disdukcapil.admin"])
        self.login("disdukcapil.admin")
        self.client.post(reverse("accounts:verify"), {"code": "999999", "next": HOME})
        device.refresh_from_db()
        self.assertEqual(device.throttling_failure_count, 1, "a wrong code counts")
        # Several recent failures (django-otp doubles the wait each time): even the right code waits.
        TOTPDevice.objects.filter(pk=device.pk).update(
            throttling_failure_count=5, throttling_failure_timestamp=timezone.now()
        )
        response = self.client.post(reverse("accounts:verify"), {"code": totp_code(device), "next": HOME})
        self.assertContains(response, "Terlalu banyak kode salah")
        self.assertEqual(self.client.get(HOME).status_code, 302)
        self.assertEqual(AuditEvent.objects.filter(action="login.2fa", outcome="denied").count(), 1)

    def test_the_next_address_cannot_leave_the_site(self):
        device, _codes = enrol(self.users["humas"])
        self.login("humas")
        response = self.client.post(
            reverse("accounts:verify"), {"code": totp_code(device), "next": "https://jahat.example/"}
        )
        self.assertEqual(response["Location"], HOME)

    def test_new_recovery_codes_replace_the_old_ones(self):
        device, old_codes = enrol(self.users["dinkes.admin"])
        self.login("dinkes.admin")
        self.client.post(reverse("accounts:verify"), {"code": totp_code(device), "next": HOME})
        self.client.post(reverse("accounts:recovery_codes"))
        new_codes = set(
            StaticToken.objects.filter(device__user=self.users["dinkes.admin"]).values_list("token", flat=True)
        )
        self.assertEqual(len(new_codes), 10)
        self.assertFalse(new_codes & set(old_codes))
        self.assertTrue(AuditEvent.objects.filter(action="2fa.recovery_codes", username="dinkes.admin").exists())

    def test_required_roles_cannot_switch_it_off_operators_can(self):
        device, _codes = enrol(self.users["dinkes.admin"])
        self.login("dinkes.admin")
        self.client.post(reverse("accounts:verify"), {"code": totp_code(device), "next": HOME})
        self.client.post(reverse("accounts:disable"))
        self.assertTrue(TOTPDevice.objects.filter(user=self.users["dinkes.admin"]).exists())
        self.client.logout()
        device, _codes = enrol(self.users["dinkes.operator"])
        self.login("dinkes.operator")
        self.client.post(reverse("accounts:verify"), {"code": totp_code(device), "next": HOME})
        self.client.post(reverse("accounts:disable"))
        self.assertFalse(TOTPDevice.objects.filter(user=self.users["dinkes.operator"]).exists())
        self.assertEqual(
            list(AuditEvent.objects.filter(action="2fa.remove").values_list("username", "outcome").order_by("pk")),
            [("dinkes.admin", "denied"), ("dinkes.operator", "ok")],
        )

    def test_an_operator_who_enrolled_must_use_the_second_step(self):
        enrol(self.users["dinkes.operator"])
        self.login("dinkes.operator")
        self.assertTrue(self.client.get(HOME)["Location"].startswith(reverse("accounts:verify")))

    def test_diskominfo_resets_another_users_second_factor_and_it_is_logged(self):
        target = self.users["dinkes.admin"]
        enrol(target)
        device, _codes = enrol(self.users["diskominfo"])
        self.login("diskominfo")
        self.client.post(reverse("accounts:verify"), {"code": totp_code(device), "next": HOME})
        response = self.client.get("/admin/users/")
        self.assertContains(response, reverse("accounts:reset", args=[target.pk]))
        response = self.client.post(reverse("accounts:reset", args=[target.pk]))
        self.assertEqual(response.status_code, 302)
        self.assertFalse(TOTPDevice.objects.filter(user=target).exists())
        self.assertFalse(StaticToken.objects.filter(device__user=target).exists())
        event = AuditEvent.objects.get(action="2fa.reset")
        self.assertEqual(
            (event.username, event.target, event.opd.acronym),
            ("diskominfo", f"user:{target.pk} dinkes.admin", "Dinkes"),
        )
        # The reset user is asked to enrol again at the next login.
        self.client.logout()
        self.login("dinkes.admin")
        self.assertTrue(self.client.get(HOME)["Location"].startswith(reverse("accounts:setup")))

    def test_nobody_else_can_reset_a_second_factor(self):
        target = self.users["disdukcapil.admin"]
        enrol(target)
        for username in ["humas", "dinkes.admin", "dinkes.operator"]:
            with self.subTest(username):
                device, _codes = enrol(self.users[username])
                self.client.logout()
                self.login(username)
                self.client.post(reverse("accounts:verify"), {"code": totp_code(device), "next": HOME})
                assert_denied(self, self.client.post(reverse("accounts:reset", args=[target.pk])))
                assert_denied(self, self.client.get(reverse("accounts:reset", args=[target.pk])))
        self.assertTrue(TOTPDevice.objects.filter(user=target, confirmed=True).exists())
        self.assertFalse(AuditEvent.objects.filter(action="2fa.reset").exists())


class NotEnforcedTests(TestCase):
    """portal.settings.test turns enforcement off so other apps' tests log in with a password only."""

    @classmethod
    def setUpTestData(cls):
        cls.home, cls.opds, cls.users = build_accounts_region()

    def test_plain_password_login_reaches_the_admin_when_not_enforced(self):
        enrol(self.users["dinkes.admin"])
        self.client.post(LOGIN, {"username": "dinkes.admin", "password": PASSWORD})
        self.assertEqual(self.client.get(HOME).status_code, 200)

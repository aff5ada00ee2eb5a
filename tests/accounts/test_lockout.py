"""Login throttling and lockout (django-axes), per account and per client address; Diskominfo unlocks."""

from axes.models import AccessAttempt
from django.test import TestCase, override_settings
from django.urls import reverse

from audit.models import AuditEvent
from tests.opd_teams.helpers import assert_denied

from .helpers import PASSWORD, build_accounts_region

LOGIN = "/admin/login/"


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=5)
class LockoutTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.opds, cls.users = build_accounts_region()

    def attempt(self, username, password, ip="10.0.0.7"):
        return self.client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=ip)

    def test_200_wrong_passwords_are_stopped_logged_and_the_right_one_is_refused_while_locked(self):
        statuses = [self.attempt("dinkes.admin", f"salah-{n}").status_code for n in range(200)]
        self.assertEqual(statuses[:4], [200] * 4, "the first failures show the login form again")
        self.assertEqual(set(statuses[4:]), {429}, "from the limit on, every attempt is refused")
        response = self.attempt("dinkes.admin", PASSWORD)
        self.assertEqual(response.status_code, 429)
        self.assertContains(response, "dikunci sementara", status_code=429)
        self.assertNotIn("_auth_user_id", self.client.session)
        events = AuditEvent.objects.filter(username="dinkes.admin")
        # Five wrong passwords checked (the fifth locks); every later attempt, the right password
        # included, is refused unchecked.
        self.assertEqual(events.filter(action="login.failed", outcome="failed").count(), 5)
        self.assertEqual(events.filter(action="login.locked", outcome="denied").count(), 196)
        self.assertEqual(events.filter(action="login.lockout").count(), 1)
        self.assertFalse(events.filter(action="login").exists())
        failed = events.filter(action="login.failed").first()
        self.assertEqual((failed.ip_address, failed.opd.acronym), ("10.0.0.7", "Dinkes"))

    def test_account_is_locked_from_every_address(self):
        for n in range(5):
            self.attempt("humas", "salah", ip=f"10.0.1.{n}")
        self.assertEqual(self.attempt("humas", PASSWORD, ip="10.0.9.9").status_code, 429)

    def test_address_is_locked_for_every_account(self):
        for username in ["a", "b", "c", "d", "e"]:
            self.attempt(username, "salah", ip="10.0.2.2")
        self.assertEqual(self.attempt("dinkes.operator", PASSWORD, ip="10.0.2.2").status_code, 429)
        # Another address and another account are not affected.
        self.assertEqual(self.attempt("dinkes.operator", PASSWORD, ip="10.0.3.3").status_code, 302)

    def test_a_success_before_the_limit_resets_the_count(self):
        for _ in range(4):
            self.attempt("dinkes.operator", "salah")
        self.assertEqual(self.attempt("dinkes.operator", PASSWORD).status_code, 302)
        self.client.logout()
        self.assertTrue(AuditEvent.objects.filter(action="login", username="dinkes.operator").exists())
        for _ in range(4):
            self.assertEqual(self.attempt("dinkes.operator", "salah").status_code, 200)

    def test_diskominfo_unlocks_and_the_unlock_is_logged(self):
        for _ in range(5):
            self.attempt("dinkes.admin", "salah", ip="10.0.4.4")
        self.client.force_login(self.users["diskominfo"])
        response = self.client.get(reverse("accounts:lockouts"))
        self.assertContains(response, "dinkes.admin")
        self.assertContains(response, "Terkunci")
        for attempt in AccessAttempt.objects.all():
            self.client.post(reverse("accounts:lockouts"), {"attempt": attempt.pk})
        self.assertFalse(AccessAttempt.objects.exists())
        unlock = AuditEvent.objects.get(action="login.unlock")
        self.assertEqual((unlock.username, unlock.details["locked_username"]), ("diskominfo", "dinkes.admin"))
        self.client.logout()
        self.assertEqual(self.attempt("dinkes.admin", PASSWORD, ip="10.0.4.4").status_code, 302)

    def test_nobody_but_diskominfo_sees_or_unlocks_lockouts(self):
        for _ in range(5):
            self.attempt("penyerang", "salah")
        attempt = AccessAttempt.objects.get()
        for username in ["humas", "dinkes.admin", "dinkes.operator", "disdukcapil.admin"]:
            with self.subTest(username):
                self.client.force_login(self.users[username])
                assert_denied(self, self.client.get(reverse("accounts:lockouts")))
                assert_denied(self, self.client.post(reverse("accounts:lockouts"), {"attempt": attempt.pk}))
        self.assertTrue(AccessAttempt.objects.filter(pk=attempt.pk).exists())
        self.assertEqual(AuditEvent.objects.filter(action="admin.denied").count(), 8)

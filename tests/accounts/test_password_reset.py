"""Password reset: mail through the outbox in the background, the same answer for known and
unknown addresses, throttled per address and per client."""

import re
import time
from unittest import mock

from django.core import mail
from django.test import TestCase, override_settings
from django.urls import reverse

from audit.models import AuditEvent
from outbox.models import OutgoingMail

from .helpers import build_accounts_region

RESET = "/admin/password_reset/"


def without_csrf(content):
    content = re.sub(rb'name="csrfmiddlewaretoken" value="[^"]+"', b"", content)
    return re.sub(rb'"CSRF_TOKEN": "[^"]+"', b"", content)


class PasswordResetTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.opds, cls.users = build_accounts_region()

    def reset(self, email, ip="10.1.1.1", follow=False):
        with self.captureOnCommitCallbacks(execute=True):
            return self.client.post(RESET, {"email": email}, REMOTE_ADDR=ip, follow=follow)

    def test_known_and_unknown_addresses_get_the_same_answer(self):
        known = self.reset("dinkes.admin@contohkab.go.id", follow=True)
        unknown = self.reset("tidak.ada@contohkab.go.id", ip="10.1.1.2", follow=True)
        self.assertEqual(known.redirect_chain, unknown.redirect_chain)
        self.assertEqual(without_csrf(known.content), without_csrf(unknown.content))
        self.assertEqual(len(mail.outbox), 1)
        self.assertEqual(mail.outbox[0].to, ["dinkes.admin@contohkab.go.id"])

    def test_the_mail_is_stored_in_the_outbox_and_sent_after_the_request(self):
        with mock.patch("accounts.tasks.send_password_reset") as task:
            self.client.post(RESET, {"email": "dinkes.admin@contohkab.go.id"})
            self.client.post(RESET, {"email": "tidak.ada@contohkab.go.id"})
        self.assertEqual(task.enqueue.call_count, 2, "both addresses only hand the work to a task")
        self.assertEqual(OutgoingMail.objects.count(), 0)
        self.assertEqual(len(mail.outbox), 0)
        self.reset("dinkes.admin@contohkab.go.id", ip="10.1.1.9")
        stored = OutgoingMail.objects.get()
        self.assertEqual(
            (stored.kind, stored.to, stored.status), ("password_reset", ["dinkes.admin@contohkab.go.id"], "sent")
        )
        self.assertIn("/admin/password_reset/confirm/", stored.body)

    @override_settings(PORTAL_PASSWORD_RESET_MIN_SECONDS=0.3)
    def test_every_answer_takes_the_minimum_time(self):
        for email in ["dinkes.admin@contohkab.go.id", "tidak.ada@contohkab.go.id"]:
            with self.subTest(email):
                started = time.monotonic()
                self.reset(email, ip=f"10.2.0.{len(email)}")
                self.assertGreaterEqual(time.monotonic() - started, 0.3)

    @override_settings(PORTAL_PASSWORD_RESET_LIMIT_PER_ADDRESS=3)
    def test_throttled_per_address(self):
        statuses = [self.reset("humas@contohkab.go.id", ip=f"10.3.0.{n}").status_code for n in range(5)]
        self.assertEqual(statuses, [302, 302, 302, 429, 429])
        self.assertEqual(len(mail.outbox), 3)
        response = self.reset("humas@contohkab.go.id", ip="10.3.1.1")
        self.assertContains(response, "Terlalu banyak permintaan", status_code=429)
        self.assertEqual(AuditEvent.objects.filter(action="password_reset.throttled").count(), 3)

    @override_settings(PORTAL_PASSWORD_RESET_LIMIT_PER_CLIENT=10)
    def test_throttled_per_client_whatever_the_address(self):
        statuses = [self.reset(f"orang{n}@contohkab.go.id", ip="10.4.4.4").status_code for n in range(12)]
        self.assertEqual(statuses, [302] * 10 + [429, 429])
        # Another client is not affected.
        self.assertEqual(self.reset("orang99@contohkab.go.id", ip="10.4.4.5").status_code, 302)

    def test_requests_and_mails_are_logged(self):
        self.reset("dinkes.admin@contohkab.go.id")
        self.reset("tidak.ada@contohkab.go.id")
        self.assertEqual(AuditEvent.objects.filter(action="password_reset.request").count(), 2)
        mailed = AuditEvent.objects.get(action="password_reset.mail")
        self.assertEqual(mailed.username, "dinkes.admin")

    def test_the_reset_form_is_ours(self):
        """Fails if the override of Wagtail's reset view in portal/urls.py is removed."""
        from accounts.views import PasswordResetView

        self.assertIs(
            self.client.get(reverse("wagtailadmin_password_reset")).resolver_match.func.view_class, PasswordResetView
        )

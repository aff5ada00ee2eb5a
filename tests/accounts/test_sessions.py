"""Sessions end on password change, password reset and deactivation; admin idle timeout; the
account page saves for a user with a single name."""

import re
import time

from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client, TestCase, override_settings
from django.urls import reverse

from accounts.middleware import LAST_SEEN_SESSION_KEY
from audit.models import AuditEvent

from .helpers import PASSWORD, build_accounts_region

HOME = "/admin/"
NEW_PASSWORD = "teh-manis-sore-hari-2026"


def account_form(user, **changes):
    data = {
        "name_email-first_name": user.first_name,
        "name_email-last_name": user.last_name,
        "name_email-email": user.email,
        "locale-preferred_language": "",
        "locale-current_time_zone": "",
        "theme-theme": "system",
        "theme-density": "default",
        "theme-contrast": "system",
        "theme-keyboard_shortcuts": "on",
    }
    data.update(changes)
    return data


class SessionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.opds, cls.users = build_accounts_region()

    def logged_in_client(self, username):
        client = Client()
        client.force_login(self.users[username])
        self.assertEqual(client.get(HOME).status_code, 200)
        return client

    def test_a_password_change_ends_the_other_sessions(self):
        user = self.users["dinkes.admin"]
        here, elsewhere = self.logged_in_client("dinkes.admin"), self.logged_in_client("dinkes.admin")
        response = here.post(
            reverse("wagtailadmin_account"),
            account_form(
                user,
                **{
                    "password-old_password": PASSWORD,
                    "password-new_password1": NEW_PASSWORD,
                    "password-new_password2": NEW_PASSWORD,
                },
            ),
        )
        self.assertEqual(
            response.status_code, 302, getattr(response, "context", None) and response.context.get("panels_by_tab")
        )
        self.assertEqual(here.get(HOME).status_code, 200, "the session that changed it stays")
        self.assertEqual(elsewhere.get(HOME).status_code, 302, "every other session ends")
        self.assertTrue(AuditEvent.objects.filter(action="password.change", username="dinkes.admin").exists())

    def test_a_password_reset_ends_every_session(self):
        user = self.users["humas"]
        session = self.logged_in_client("humas")
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(reverse("wagtailadmin_password_reset"), {"email": user.email})
        link = re.search(r"https?://[^/\s]+(/admin/password_reset/confirm/\S+)", mail.outbox[0].body).group(1)
        response = self.client.get(link, follow=True)
        form_url = response.redirect_chain[-1][0]
        response = self.client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
        self.assertEqual(response.status_code, 302)
        self.assertEqual(session.get(HOME).status_code, 302)

    def test_deactivation_ends_every_session(self):
        first, second = self.logged_in_client("dinkes.operator"), self.logged_in_client("dinkes.operator")
        get_user_model().objects.filter(pk=self.users["dinkes.operator"].pk).update(is_active=False)
        for client in (first, second):
            response = client.get(HOME)
            self.assertEqual(response.status_code, 302)
            self.assertTrue(response["Location"].startswith(reverse("wagtailadmin_login")))

    @override_settings(PORTAL_ADMIN_IDLE_MINUTES=30)
    def test_an_idle_admin_session_ends(self):
        client = self.logged_in_client("dinkes.admin")
        session = client.session
        session[LAST_SEEN_SESSION_KEY] = int(time.time()) - 31 * 60
        session.save()
        response = client.get("/admin/pages/")
        self.assertEqual(response.status_code, 302)
        self.assertTrue(response["Location"].startswith(reverse("wagtailadmin_login")))
        self.assertEqual(client.get(HOME).status_code, 302, "the session is gone, not only this answer")
        self.assertTrue(AuditEvent.objects.filter(action="logout.idle", username="dinkes.admin").exists())

    @override_settings(PORTAL_ADMIN_IDLE_MINUTES=30)
    def test_activity_keeps_the_session_and_is_not_refreshed_by_background_pings(self):
        client = self.logged_in_client("dinkes.admin")
        session = client.session
        long_ago = int(time.time()) - 29 * 60
        session[LAST_SEEN_SESSION_KEY] = long_ago
        session.save()
        ping = reverse("wagtailadmin_editing_sessions:ping", args=["wagtailcore", "page", self.opds["Dinkes"].pk, 0])
        client.post(ping)
        self.assertEqual(client.session[LAST_SEEN_SESSION_KEY], long_ago, "an open editor's ping is not activity")
        self.assertEqual(client.get(HOME).status_code, 200)
        self.assertGreater(client.session[LAST_SEEN_SESSION_KEY], time.time() - 60)

    def test_the_account_page_saves_a_single_name(self):
        user = self.users["dinkes.operator"]
        client = self.logged_in_client("dinkes.operator")
        response = client.post(
            reverse("wagtailadmin_account"),
            account_form(user, **{"name_email-first_name": "Suryani", "name_email-last_name": ""}),
        )
        self.assertEqual(response.status_code, 302)
        user.refresh_from_db()
        self.assertEqual((user.first_name, user.last_name), ("Suryani", ""))

"""The demo's 2FA: required demo accounts share one printed secret; the printed code logs in."""

from io import StringIO

from django.core.management import call_command
from django.test import TestCase, override_settings
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from demo import two_factor as demo

from .helpers import PASSWORD, build_accounts_region


@override_settings(PORTAL_2FA_ENFORCED=True)
class DemoTwoFactorTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.opds, cls.users = build_accounts_region()

    def test_required_demo_accounts_get_the_demo_secret_once_and_operators_none(self):
        out = StringIO()
        summary = demo.step(stdout=out)
        demo.step()
        self.assertEqual(summary["enrolled"], ["dinkes.admin", "disdukcapil.admin", "diskominfo", "humas"])
        self.assertEqual(TOTPDevice.objects.count(), 4)
        self.assertFalse(TOTPDevice.objects.filter(user=self.users["dinkes.operator"]).exists())
        self.assertIn(demo.demo_secret(), out.getvalue())

    def test_the_printed_code_completes_the_login(self):
        demo.step()
        out = StringIO()
        call_command("demo_2fa_code", stdout=out)
        code = out.getvalue().split("Kode verifikasi demo: ")[1][:6]
        self.client.post("/admin/login/", {"username": "humas", "password": PASSWORD})
        response = self.client.post(reverse("accounts:verify"), {"code": code, "next": "/admin/"})
        self.assertEqual(response["Location"], "/admin/")
        self.assertEqual(self.client.get("/admin/").status_code, 200)

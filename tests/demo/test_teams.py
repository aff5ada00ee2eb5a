"""The demo step gives every demo OPD a real team and prints working demo logins."""

from io import StringIO

from django.contrib.auth import get_user_model
from django.test import TestCase
from django.urls import reverse

from demo import teams as demo
from opd_teams.models import OpdTeam
from tests.factories.home import RegionSettingsFactory, make_region_site
from tests.factories.opd_pages import make_opd_section


class DemoStepTest(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_region_site()
        RegionSettingsFactory()
        cls.opds = [
            make_opd_section(cls.home, acronym=acronym, title=f"Dinas {acronym}")
            for acronym in ("Dinkes", "Disdukcapil", "Dinsos")
        ]

    def test_step_creates_teams_and_prints_logins_that_work(self):
        out = StringIO()
        summary = demo.step(stdout=out)
        self.assertEqual(OpdTeam.objects.count(), 3)
        self.assertEqual(set(summary["created_teams"]), {"Dinkes", "Disdukcapil", "Dinsos"})
        for username in ("diskominfo", "humas", "dinkes.admin", "dinkes.operator", "disdukcapil.admin"):
            with self.subTest(username):
                self.assertIn(username, out.getvalue())
                self.assertTrue(self.client.login(username=username, password=demo.DEMO_PASSWORD))
                self.assertEqual(self.client.get(reverse("wagtailadmin_home")).status_code, 200)
        self.assertIn(demo.DEMO_PASSWORD, out.getvalue())
        operator = get_user_model().objects.get(username="dinkes.operator")
        self.assertTrue(self.opds[0].permissions_for_user(operator).can_add_subpage())
        self.assertFalse(self.opds[1].permissions_for_user(operator).can_edit())

    def test_step_is_idempotent(self):
        demo.step()
        counts = (OpdTeam.objects.count(), get_user_model().objects.count())
        summary = demo.step(stdout=StringIO())
        self.assertEqual(summary["created_teams"], [])
        self.assertEqual((OpdTeam.objects.count(), get_user_model().objects.count()), counts)

"""Onboarding can give an OPD its own host name: the Site is created with the section, or nothing is."""

from django.contrib.auth.models import Group
from django.test import TestCase, override_settings
from django.urls import reverse
from wagtail.models import Site

from opd_pages.models import OpdHomePage
from opd_teams.models import DISKOMINFO_GROUP
from opd_teams.onboarding import OnboardingError, onboard_opd
from opd_teams.roles import ensure_platform_groups
from region_setup.setup import parse_opds_csv
from tests.factories.opd_teams import UserFactory
from tests.trees import build_region_tree

TAKEN = "opd0.contohkab.go.id"
ADMINS = ["ani@diskan.contohkab.go.id", "budi@diskan.contohkab.go.id"]


def counts():
    return OpdHomePage.objects.count(), Site.objects.count()


class OnboardingHostnameTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        _home, (cls.existing,) = build_region_tree(opd_count=1)
        Site.objects.create(hostname=TAKEN, port=443, root_page=cls.existing)
        ensure_platform_groups()
        cls.diskominfo = UserFactory(username="kominfo")
        cls.diskominfo.groups.add(Group.objects.get(name=DISKOMINFO_GROUP))

    def post(self, **data):
        values = {"title": "Dinas Perikanan", "acronym": "Diskan", "kind": "dinas", "admin_emails": "\n".join(ADMINS)}
        return self.client.post(reverse("opd_teams:onboard"), {**values, **data})

    @override_settings(ALLOWED_HOSTS=["testserver", "localhost", "diskan.contohkab.go.id"])
    def test_diskominfo_onboards_an_opd_at_its_own_host_name(self):
        self.client.force_login(self.diskominfo)
        with self.captureOnCommitCallbacks(execute=True):
            response = self.post(hostname=" Diskan.ContohKab.go.id ")
        self.assertRedirects(response, reverse("opd_teams:opd_list"))
        opd = OpdHomePage.objects.get(acronym="Diskan")
        site = Site.objects.get(root_page=opd)
        self.assertEqual((site.hostname, site.port, site.is_default_site), ("diskan.contohkab.go.id", 443, False))
        self.client.logout()
        page = self.client.get("/", HTTP_HOST="diskan.contohkab.go.id")
        self.assertEqual(page.status_code, 200)
        self.assertEqual(page.context["page"].pk, opd.pk)

    def test_bad_or_taken_host_name_is_a_clear_error_and_creates_nothing(self):
        self.client.force_login(self.diskominfo)
        before = counts()
        self.assertContains(self.post(hostname="https://diskan.contohkab.go.id/"), "Nama host tidak sah")
        self.assertContains(self.post(hostname=TAKEN.upper()), "sudah dipakai")
        self.assertEqual(counts(), before)
        # The form keeps what was typed.
        self.assertContains(self.post(hostname=TAKEN.upper()), 'value="Dinas Perikanan"')

    def test_onboard_function_rolls_back_the_section_when_the_host_is_taken(self):
        before = counts()
        with self.assertRaisesMessage(OnboardingError, "sudah dipakai"):
            onboard_opd(
                title="Dinas Perikanan", acronym="Diskan", kind="dinas", admin_emails=ADMINS, hostname=TAKEN,
                invite=False,
            )  # fmt: skip
        self.assertEqual(counts(), before)

    def test_region_csv_may_give_host_names(self):
        rows = parse_opds_csv(
            "name,acronym,kind,admin_emails,hostname\n"
            "Dinas Perikanan,Diskan,dinas,ani@diskan.go.id budi@diskan.go.id,diskan.contohkab.go.id\n"
            "Badan X,BX,badan,a@bx.go.id b@bx.go.id,\n"
        )
        self.assertEqual([row["hostname"] for row in rows], ["diskan.contohkab.go.id", ""])
        self.assertEqual(
            parse_opds_csv("name,acronym,kind,admin_emails\nA,A,dinas,a@x.go.id b@x.go.id\n")[0]["hostname"], ""
        )

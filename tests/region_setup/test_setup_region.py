"""Setting up a region from a clean database: command, first-run page, idempotence, clashes."""

import tempfile
from io import StringIO
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.test import TestCase, override_settings
from django.urls import reverse
from wagtail.models import Page, Site

from home.models import HomePage, NewsArchivePage, RegionalPage, RegionSettings
from opd_pages.models import OpdHomePage
from opd_teams.models import DISKOMINFO_GROUP, HUMAS_GROUP, OpdTeam
from outbox.models import OutgoingMail
from region_setup.setup import RegionSetupError, parse_opds_csv, setup_region
from tests.factories.opd_teams import UserFactory

CSV = (
    "name,acronym,kind,admin_emails\n"
    "Dinas Kesehatan,Dinkes,dinas,budi@dinkes.contohkab.go.id;sari@dinkes.contohkab.go.id\n"
    "Badan Penanggulangan Bencana Daerah,BPBD,badan,eko@bpbd.contohkab.go.id rani@bpbd.contohkab.go.id\n"
)
ARGS = [
    "--name", "Kabupaten Contoh", "--kind", "kabupaten", "--domain", "contohkab.go.id",
    "--time-zone", "Asia/Jakarta", "--diskominfo-email", "kominfo@contohkab.go.id",
    "--diskominfo-email", "kominfo2@contohkab.go.id",
]  # fmt: skip


def mails_to(address):
    return [mail for mail in OutgoingMail.objects.all() if address in mail.to]


def state():
    return (
        list(Page.objects.order_by("pk").values_list("pk", "title", "live", "latest_revision_id")),
        list(Site.objects.values_list("hostname", "port", "root_page_id", "is_default_site")),
        list(RegionSettings.objects.values_list("name", "kind")),
        list(Group.objects.order_by("name").values_list("name", flat=True)),
        list(get_user_model().objects.order_by("pk").values_list("username", "email")),
        OutgoingMail.objects.count(),
        OpdTeam.objects.count(),
    )


class SetupRegionCommandTest(TestCase):
    """On the database a fresh ``migrate`` leaves: Wagtail's welcome page as the site root."""

    def setUp(self):
        folder = tempfile.TemporaryDirectory()
        self.addCleanup(folder.cleanup)
        self.csv = Path(folder.name) / "opd.csv"
        self.csv.write_text(CSV, encoding="utf-8")

    def run_command(self, *extra):
        out = StringIO()
        with self.captureOnCommitCallbacks(execute=True):
            call_command("setup_region", *ARGS, *extra, stdout=out)
        return out.getvalue()

    @override_settings(ALLOWED_HOSTS=["testserver", "contohkab.go.id"])
    def test_a_clean_database_becomes_a_live_region_with_two_opds(self):
        self.assertEqual(Site.objects.get().root_page.specific_class, Page)  # the welcome page
        output = self.run_command("--opds", str(self.csv))
        home = HomePage.objects.get()
        site = Site.objects.get()
        self.assertEqual(
            (site.hostname, site.port, site.root_page_id, site.is_default_site), ("contohkab.go.id", 443, home.pk, True)
        )
        self.assertFalse(Page.objects.filter(depth=2).exclude(pk=home.pk).exists())  # welcome page gone
        self.assertEqual(RegionSettings.for_site(site).name, "Kabupaten Contoh")
        self.assertEqual(RegionSettings.for_site(site).government_name, "Pemerintah Kabupaten Contoh")
        self.assertTrue(NewsArchivePage.objects.child_of(home).live().exists())
        self.assertFalse(RegionalPage.objects.child_of(home).get().live)
        self.assertTrue(Group.objects.filter(name=HUMAS_GROUP).exists())
        diskominfo = get_user_model().objects.filter(groups__name=DISKOMINFO_GROUP)
        self.assertEqual(sorted(diskominfo.values_list("username", flat=True)), ["kominfo", "kominfo2"])
        self.assertFalse(any(user.has_usable_password() for user in diskominfo))
        self.assertEqual(sorted(OpdHomePage.objects.values_list("acronym", flat=True)), ["BPBD", "Dinkes"])
        self.assertEqual(OpdTeam.objects.count(), 2)
        self.assertEqual(len(mails_to("kominfo@contohkab.go.id")), 1)
        self.assertIn("OPD baru: Dinkes, BPBD", output)
        response = self.client.get("/", HTTP_HOST="contohkab.go.id", secure=True)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Kabupaten Contoh")
        self.assertEqual(self.client.get("/dinkes/", HTTP_HOST="contohkab.go.id", secure=True).status_code, 200)

    def test_running_it_again_changes_nothing(self):
        self.run_command("--opds", str(self.csv))
        before = state()
        output = self.run_command("--opds", str(self.csv))
        self.assertEqual(state(), before)
        self.assertIn("tidak ada yang diubah", output)

    def test_the_invitation_lets_a_diskominfo_account_set_a_password_and_log_in(self):
        self.run_command()
        (body,) = [mail.body for mail in mails_to("kominfo@contohkab.go.id")]
        link = next(line for line in body.splitlines() if "/password_reset/" in line or "reset" in line)
        path = link.split("testserver", 1)[1]
        response = self.client.get(path, follow=True)
        form_url = response.redirect_chain[-1][0] if response.redirect_chain else path
        response = self.client.post(
            form_url, {"new_password1": "Sandi-baru-2026!", "new_password2": "Sandi-baru-2026!"}
        )
        self.assertEqual(response.status_code, 302)
        self.assertTrue(self.client.login(username="kominfo", password="Sandi-baru-2026!"))
        self.assertEqual(self.client.get(reverse("opd_teams:opd_list")).status_code, 200)

    def test_clashes_are_clear_errors_and_write_nothing(self):
        self.run_command()
        before = state()
        cases = [
            (["--name", "Kota Lain"], "Identitas daerah sudah diisi sebagai Kabupaten Contoh"),
            (["--domain", "kotalain.go.id"], "Situs utama sudah memakai host contohkab.go.id"),
        ]
        for replacement, message in cases:
            args = list(ARGS)
            args[args.index(replacement[0]) + 1] = replacement[1]
            with self.subTest(replacement=replacement), self.assertRaisesMessage(CommandError, message):
                call_command("setup_region", *args, stdout=StringIO())
            self.assertEqual(state(), before)

    def test_bad_input_is_refused_in_indonesian(self):
        cases = [
            ("domain", "contohkab.com", "Domain harus nama host go.id"),
            ("time_zone", "Asia/Makassar", "TIME_ZONE=Asia/Makassar"),
            ("time_zone", "Europe/Paris", "Zona waktu harus"),
            ("kind", "negara", "Jenis daerah"),
            ("diskominfo_emails", ["bukan-surel"], "Alamat surel tidak sah"),
        ]
        values = {"name": "Kabupaten Contoh", "kind": "kabupaten", "domain": "contohkab.go.id",
                  "time_zone": "Asia/Jakarta", "diskominfo_emails": ["kominfo@contohkab.go.id"]}  # fmt: skip
        for key, value, message in cases:
            with self.subTest(key=key), self.assertRaisesMessage(RegionSetupError, message):
                setup_region(**{**values, key: value})
        self.assertFalse(HomePage.objects.exists())

    def test_a_bad_csv_row_stops_everything_with_its_line(self):
        self.csv.write_text(CSV + "Dinas Sosial,Dinsos,dinas,satu@contohkab.go.id\n", encoding="utf-8")
        with self.assertRaisesMessage(CommandError, "Baris 4 (Dinsos)"):
            call_command("setup_region", *ARGS, "--opds", str(self.csv), stdout=StringIO())
        self.assertFalse(HomePage.objects.exists())
        self.assertFalse(OpdHomePage.objects.exists())
        with self.assertRaisesMessage(RegionSetupError, "jenis OPD 'planet'"):
            parse_opds_csv("name;acronym;kind;admin_emails\nX;X;planet;a@b.go.id c@d.go.id\n")


class FirstRunPageTest(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.superuser = get_user_model().objects.create_superuser("root", "root@contohkab.go.id", "sandi-uji-12345")
        cls.editor = UserFactory(username="editor")

    def test_the_admin_home_offers_the_first_run_page_until_the_region_exists(self):
        self.client.force_login(self.superuser)
        home = self.client.get(reverse("wagtailadmin_home"))
        self.assertContains(home, reverse("region_setup:setup"))
        response = self.client.post(
            reverse("region_setup:setup"),
            {
                "name": "Kota Harapan", "kind": "kota", "domain": "kotaharapan.go.id", "time_zone": "Asia/Jakarta",
                "diskominfo_emails": "kominfo@kotaharapan.go.id\nkominfo2@kotaharapan.go.id",
                "government_name": "", "address": "", "phone": "", "email": "",
            },
        )  # fmt: skip
        self.assertRedirects(response, reverse("wagtailadmin_home"), fetch_redirect_response=False)
        self.assertEqual(RegionSettings.objects.get().name, "Kota Harapan")
        self.assertNotContains(self.client.get(reverse("wagtailadmin_home")), reverse("region_setup:setup"))
        self.assertRedirects(self.client.get(reverse("region_setup:setup")), reverse("wagtailadmin_home"),
                             fetch_redirect_response=False)  # fmt: skip

    def test_the_page_shows_errors_in_the_form(self):
        self.client.force_login(self.superuser)
        response = self.client.post(
            reverse("region_setup:setup"),
            {"name": "Kota Harapan", "kind": "kota", "domain": "kotaharapan.com", "time_zone": "Asia/Jakarta",
             "diskominfo_emails": "kominfo@kotaharapan.go.id"},
        )  # fmt: skip
        self.assertContains(response, "Domain harus nama host go.id")
        self.assertFalse(HomePage.objects.exists())

    @override_settings(TIME_ZONE="Asia/Jakarta")
    def test_only_diskominfo_may_open_it(self):
        self.client.force_login(self.editor)
        self.assertEqual(self.client.get(reverse("region_setup:setup")).status_code, 302)  # no admin access
        self.client.logout()
        self.assertEqual(self.client.get(reverse("region_setup:setup")).status_code, 302)
        self.assertFalse(HomePage.objects.exists())

"""The audit log in the admin (Diskominfo only: list, filters, CSV/XLSX export, formula-safe)
and the record of every refusal in the admin."""

import csv
import datetime
import io

from django.test import TestCase
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from audit.log import record
from audit.models import AuditEvent
from tests.accounts.helpers import build_accounts_region
from tests.opd_teams.helpers import assert_denied

INDEX = "/admin/log-audit/"


class AuditLogViewTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.opds, cls.users = build_accounts_region()
        dinkes, dukcapil = cls.opds["Dinkes"], cls.opds["Disdukcapil"]
        record("login.failed", user=cls.users["dinkes.admin"], opd=dinkes, outcome="failed", target="dinkes.admin")
        record("team.deactivate", user=cls.users["dinkes.admin"], opd=dinkes, target='=HYPERLINK("http://x")')
        record("upload.refused", user=cls.users["disdukcapil.admin"], opd=dukcapil, outcome="denied", target="+cmd")
        old = record("login", user=cls.users["humas"], target="humas")
        AuditEvent.objects.filter(pk=old.pk).update(created_at=timezone.now() - datetime.timedelta(days=40))

    def setUp(self):
        self.client.force_login(self.users["diskominfo"])

    def listed_targets(self, **params):
        response = self.client.get(INDEX, params)
        self.assertEqual(response.status_code, 200)
        return {event.target for event in response.context["object_list"]}

    def test_diskominfo_reads_every_event(self):
        self.assertEqual(self.listed_targets(), set(AuditEvent.objects.values_list("target", flat=True)))

    def test_filters_by_opd_action_outcome_user_and_date(self):
        dinkes = self.opds["Dinkes"]
        self.assertEqual(self.listed_targets(opd=dinkes.pk), {"dinkes.admin", '=HYPERLINK("http://x")'})
        self.assertEqual(self.listed_targets(action="login.failed"), {"dinkes.admin"})
        self.assertEqual(self.listed_targets(action="upload"), {"+cmd"}, "an action filter matches its prefix")
        self.assertEqual(self.listed_targets(outcome="denied"), {"+cmd"})
        by_user = self.listed_targets(username="disdukcapil.admin")
        self.assertIn("+cmd", by_user)
        self.assertEqual(
            by_user, set(AuditEvent.objects.filter(username="disdukcapil.admin").values_list("target", flat=True))
        )
        self.assertNotIn("dinkes.admin", by_user)
        since = (timezone.localdate() - datetime.timedelta(days=7)).isoformat()
        self.assertNotIn("humas", self.listed_targets(created_at_from=since))

    def test_csv_export_is_formula_safe(self):
        response = self.client.get(INDEX, {"export": "csv", "opd": self.opds["Dinkes"].pk})
        rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
        targets = {row[7] for row in rows[1:]}
        self.assertEqual(targets, {"dinkes.admin", '\'=HYPERLINK("http://x")'})

    def test_xlsx_export_is_formula_safe(self):
        response = self.client.get(INDEX, {"export": "xlsx", "outcome": "denied"})
        sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
        rows = list(sheet.iter_rows(values_only=True))
        self.assertEqual(len(rows), 2)
        self.assertEqual(rows[1][7], "'+cmd")

    def test_nobody_else_reads_or_exports_the_log(self):
        event = AuditEvent.objects.first()
        urls = [INDEX, f"{INDEX}?export=csv", f"{INDEX}inspect/{event.pk}/", f"{INDEX}new/", f"{INDEX}edit/{event.pk}/"]
        for username in ["humas", "dinkes.admin", "dinkes.operator", "disdukcapil.admin"]:
            self.client.force_login(self.users[username])
            for url in urls:
                with self.subTest(username=username, url=url):
                    assert_denied(self, self.client.get(url))
            with self.subTest(username=username, action="delete"):
                assert_denied(self, self.client.post(f"{INDEX}delete/{event.pk}/"))
        self.assertTrue(AuditEvent.objects.filter(pk=event.pk).exists())

    def test_not_even_diskominfo_edits_or_deletes_an_event(self):
        event = AuditEvent.objects.first()
        assert_denied(self, self.client.post(f"{INDEX}edit/{event.pk}/", {"target": "dihapus"}))
        assert_denied(self, self.client.post(f"{INDEX}delete/{event.pk}/"))
        event.refresh_from_db()
        self.assertNotEqual(event.target, "dihapus")

    def test_the_log_is_in_diskominfos_menu_only(self):
        self.assertContains(self.client.get("/admin/"), INDEX)
        self.client.force_login(self.users["humas"])
        self.assertNotContains(self.client.get("/admin/"), INDEX)


class AdminDenialRecordTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.opds, cls.users = build_accounts_region()

    def test_403_and_the_no_permission_redirect_are_recorded(self):
        self.client.force_login(self.users["dinkes.operator"])
        before = AuditEvent.objects.filter(action="admin.denied").count()
        response = self.client.get(reverse("accounts:lockouts"))
        assert_denied(self, response)
        response = self.client.post(
            reverse("accounts:lockouts"), {"attempt": 1}, HTTP_X_REQUESTED_WITH="XMLHttpRequest"
        )
        self.assertEqual(response.status_code, 403)
        denials = AuditEvent.objects.filter(action="admin.denied").order_by("pk")[before:]
        self.assertEqual(
            [(event.username, event.outcome, event.path, event.details["status"]) for event in denials],
            [
                ("dinkes.operator", "denied", reverse("accounts:lockouts"), 302),
                ("dinkes.operator", "denied", reverse("accounts:lockouts"), 403),
            ],
        )

    def test_ordinary_admin_pages_are_not_recorded(self):
        self.client.force_login(self.users["dinkes.operator"])
        for path in ["/admin/", reverse("wagtailadmin_account"), reverse("accounts:two_factor")]:
            self.assertEqual(self.client.get(path).status_code, 200, path)
        self.assertFalse(AuditEvent.objects.filter(action="admin.denied").exists())

"""The staff inbox: each role sees only its OPD; the coordinator sees all; tried by attacking."""

from django.core.files.base import ContentFile
from django.test import TestCase
from django.urls import reverse

from audit.models import AuditEvent
from casework.models import CaseHandler
from complaints.models import KIND, ComplaintAttachment
from tests.factories.complaints import ComplaintFactory

from .helpers import build_complaints_region


def attach(case, name):
    attachment = ComplaintAttachment(case=case, original_name=name, content_type="image/jpeg", size=3)
    attachment.file.save(f"{name}.jpg", ContentFile(b"abc"), save=False)
    attachment.save()
    return attachment


def snapshot(case):
    case.refresh_from_db()
    return (case.status, case.opd_id, case.lapor_tracking_id, case.public_hidden, case.events.count())


class RefusalMixin:
    def assertRefused(self, response):  # noqa: N802 - unittest style
        """Wagtail answers a PermissionDenied in the admin with a redirect to the admin home."""
        self.assertRedirects(response, reverse("wagtailadmin_home"), fetch_redirect_response=False)


class InboxIsolationTests(RefusalMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.region = build_complaints_region()
        cls.a, cls.b, cls.c = cls.region["offices"]
        cls.case_a = ComplaintFactory(opd=cls.a.opd, title="Laporan milik A", contact_name="Pelapor Alfa")
        cls.case_b = ComplaintFactory(opd=cls.b.opd, title="Laporan milik B", contact_name="Pelapor Beta")
        cls.secret_a = ComplaintFactory(
            opd=cls.a.opd, title="Laporan rahasia A", contact_name="Pelapor Rahasia", confidential=True
        )
        cls.unrouted = ComplaintFactory(opd=None, title="Belum dirutekan")
        cls.attachment_a = attach(cls.case_a, "foto-a")
        cls.attachment_b = attach(cls.case_b, "foto-b")
        cls.attachment_secret = attach(cls.secret_a, "foto-rahasia")

    def urls_for(self, case, attachment):
        return [
            reverse("complaints_admin:detail", args=[case.pk]),
            reverse("complaints_admin:attachment", args=[case.pk, attachment.pk]),
            reverse("complaints_admin:export_json", args=[case.pk]),
        ]

    def action_urls(self, case):
        return [reverse("complaints_admin:action", args=[case.pk, action]) for action in ACTIONS]

    def test_each_staff_role_sees_only_its_opds_reports(self):
        inbox = reverse("complaints_admin:inbox")
        for user in (self.a.admin, self.a.handler):
            with self.subTest(user=user.username):
                self.client.force_login(user)
                response = self.client.get(inbox)
                self.assertContains(response, "Laporan milik A")
                self.assertContains(response, "Laporan rahasia A")
                self.assertNotContains(response, "Laporan milik B")
                self.assertNotContains(response, "Belum dirutekan")
                csv = self.client.get(reverse("complaints_admin:export_csv")).content.decode("utf-8-sig")
                self.assertIn(self.case_a.tracking_number, csv)
                self.assertNotIn(self.case_b.tracking_number, csv)
                self.assertNotIn("Pelapor Beta", csv)
                self.assertNotIn("Pelapor Rahasia", csv)

    def test_operators_who_are_not_petugas_have_no_inbox(self):
        self.client.force_login(self.a.operator)
        for url in (reverse("complaints_admin:inbox"), reverse("complaints_admin:detail", args=[self.case_a.pk])):
            self.assertRefused(self.client.get(url))
        self.assertTrue(AuditEvent.objects.filter(action="complaints.denied", outcome="denied").exists())

    def test_another_opds_report_attachment_and_reporter_are_unreachable_by_any_url(self):
        before = snapshot(self.case_b)
        for user in (self.a.admin, self.a.handler):
            self.client.force_login(user)
            for url in self.urls_for(self.case_b, self.attachment_b) + [
                reverse("complaints_admin:attachment", args=[self.case_a.pk, self.attachment_b.pk])
            ]:
                with self.subTest(user=user.username, url=url):
                    response = self.client.get(url)
                    self.assertEqual(response.status_code, 404)
                    self.assertNotIn(b"Pelapor Beta", response.content)
            for url in self.action_urls(self.case_b):
                with self.subTest(user=user.username, url=url):
                    response = self.client.post(url, ACTION_DATA | {"to_opd": self.a.opd.pk})
                    self.assertEqual(response.status_code, 404)
        self.assertEqual(snapshot(self.case_b), before)

    def test_positive_control_own_reports_open(self):
        self.client.force_login(self.a.handler)
        for url in self.urls_for(self.case_a, self.attachment_a):
            with self.subTest(url=url):
                self.assertEqual(self.client.get(url).status_code, 200)

    def test_confidential_identity_and_attachments_are_for_the_coordinator_only(self):
        detail = reverse("complaints_admin:detail", args=[self.secret_a.pk])
        attachment = reverse("complaints_admin:attachment", args=[self.secret_a.pk, self.attachment_secret.pk])
        export = reverse("complaints_admin:export_json", args=[self.secret_a.pk])
        self.client.force_login(self.a.admin)
        response = self.client.get(detail)
        self.assertContains(response, "Laporan rahasia A")
        self.assertNotContains(response, "Pelapor Rahasia")
        self.assertNotContains(response, self.secret_a.contact_email)
        self.assertEqual(self.client.get(attachment).status_code, 404)
        self.assertIsNone(self.client.get(export).json()["pelapor_nama"])
        self.client.force_login(self.region["coordinator"])
        self.assertContains(self.client.get(detail), "Pelapor Rahasia")
        self.assertEqual(self.client.get(attachment).status_code, 200)
        self.assertEqual(self.client.get(export).json()["pelapor_nama"], "Pelapor Rahasia")

    def test_the_coordinator_sees_every_report(self):
        self.client.force_login(self.region["coordinator"])
        response = self.client.get(reverse("complaints_admin:inbox"))
        for case in (self.case_a, self.case_b, self.secret_a, self.unrouted):
            self.assertContains(response, case.tracking_number)

    def test_attachments_are_served_privately(self):
        self.client.force_login(self.a.admin)
        response = self.client.get(reverse("complaints_admin:attachment", args=[self.case_a.pk, self.attachment_a.pk]))
        self.assertIn("private", response["Cache-Control"])
        self.assertIn("no-store", response["Cache-Control"])
        self.assertIn("sandbox", response["Content-Security-Policy"])
        self.client.logout()
        response = self.client.get(reverse("complaints_admin:attachment", args=[self.case_a.pk, self.attachment_a.pk]))
        self.assertEqual(response.status_code, 302)  # to the login


ACTIONS = ["terima", "proses", "selesai", "jawab", "tolak", "teruskan", "catatan", "lapor", "publik"]
ACTION_DATA = {"public_text": "x", "reason": "x", "internal_note": "x", "lapor_tracking_id": "LAPOR-1"}


class HandlingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.region = build_complaints_region()
        cls.a, cls.b, cls.c = cls.region["offices"]

    def act(self, case, action, **data):
        with self.captureOnCommitCallbacks(execute=True):
            return self.client.post(reverse("complaints_admin:action", args=[case.pk, action]), data)

    def test_accept_answer_and_close(self):
        from django.core import mail

        case = ComplaintFactory(opd=self.a.opd, contact_email="warga@contoh.id")
        self.client.force_login(self.a.handler)
        self.act(case, "terima")
        self.act(case, "catatan", internal_note="Cek ke lapangan besok")
        self.act(case, "jawab", public_text="Sudah kami perbaiki.", internal_note="Tim 2")
        case.refresh_from_db()
        self.assertEqual(case.status, "dijawab")
        self.assertIsNotNone(case.first_response_at)
        self.assertTrue(any(m.to == ["warga@contoh.id"] and "Sudah kami perbaiki." in m.body for m in mail.outbox))
        self.assertFalse(any("Cek ke lapangan" in m.body for m in mail.outbox))
        self.act(case, "selesai")
        case.refresh_from_db()
        self.assertEqual(case.status, "selesai")
        self.assertEqual(
            list(
                AuditEvent.objects.filter(target=case.tracking_number)
                .order_by("created_at", "pk")
                .values_list("action", flat=True)
            ),
            ["complaints.terima", "complaints.catatan", "complaints.jawab", "complaints.selesai"],
        )

    def test_answer_needs_text_and_wrong_moves_are_refused(self):
        case = ComplaintFactory(opd=self.a.opd)
        self.client.force_login(self.a.admin)
        self.act(case, "jawab", public_text="")
        self.act(case, "selesai")
        case.refresh_from_db()
        self.assertEqual(case.status, "baru")

    def test_forward_to_another_opd_and_back_to_the_coordinator(self):
        case = ComplaintFactory(opd=self.a.opd)
        self.client.force_login(self.a.admin)
        response = self.act(case, "teruskan", to_opd=self.b.opd.pk, reason="Bukan kewenangan kami")
        self.assertRedirects(response, reverse("complaints_admin:inbox"), fetch_redirect_response=False)
        case.refresh_from_db()
        self.assertEqual((case.status, case.opd), ("diteruskan", self.b.opd))
        self.assertEqual(self.client.get(reverse("complaints_admin:detail", args=[case.pk])).status_code, 404)
        self.client.force_login(self.b.handler)
        self.act(case, "teruskan", to_opd="", reason="Perlu koordinator")
        case.refresh_from_db()
        self.assertIsNone(case.opd)
        event = case.events.filter(kind="diteruskan").last()
        self.assertEqual((event.from_opd, event.to_opd, event.internal_note), (self.b.opd, None, "Perlu koordinator"))
        self.client.force_login(self.region["coordinator"])
        self.act(case, "teruskan", to_opd=self.c.opd.pk, reason="Rute manual")
        case.refresh_from_db()
        self.assertEqual(case.opd, self.c.opd)

    def test_reject_needs_a_reason_shown_to_the_reporter(self):
        case = ComplaintFactory(opd=self.a.opd)
        self.client.force_login(self.a.admin)
        self.act(case, "tolak", reason="Bukan laporan layanan publik.")
        case.refresh_from_db()
        self.assertEqual(case.status, "ditolak")
        self.assertEqual(case.events.last().public_text, "Bukan laporan layanan publik.")

    def test_lapor_tracking_id_is_recorded_and_exported(self):
        case = ComplaintFactory(opd=self.a.opd)
        self.client.force_login(self.a.admin)
        self.act(case, "lapor", lapor_tracking_id="LPR-12345")
        data = self.client.get(reverse("complaints_admin:export_json", args=[case.pk])).json()
        self.assertEqual(data["nomor_tiket_lapor"], "LPR-12345")
        self.assertEqual(data["versi"], 1)
        self.assertEqual(data["nomor_pelacakan"], case.tracking_number)


class HandlerAssignmentTests(RefusalMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.region = build_complaints_region()
        cls.a, cls.b, _c = cls.region["offices"]

    def test_an_opd_admin_assigns_petugas_from_its_own_team_only(self):
        url = reverse("complaints_admin:handlers")
        self.client.force_login(self.a.admin)
        response = self.client.get(url)
        self.assertContains(response, self.a.operator.username)
        self.assertNotContains(response, self.b.operator.username)
        self.client.post(url, {"team": self.a.team.pk, "user": self.a.operator.pk, "assign": "1"})
        self.assertTrue(CaseHandler.objects.filter(kind=KIND, team=self.a.team, user=self.a.operator).exists())
        # Attacks: B's member into A's team, anyone into B's team.
        for attack in (
            {"team": self.a.team.pk, "user": self.b.operator.pk, "assign": "1"},
            {"team": self.b.team.pk, "user": self.a.admin.pk, "assign": "1"},
            {"team": self.b.team.pk, "user": self.b.handler.pk, "assign": "0"},
        ):
            with self.subTest(attack=attack):
                self.assertRefused(self.client.post(url, attack))
        self.assertTrue(CaseHandler.objects.filter(team=self.b.team, user=self.b.handler).exists())
        self.assertFalse(CaseHandler.objects.filter(team=self.a.team, user=self.b.operator).exists())

    def test_a_petugas_cannot_assign_others(self):
        self.client.force_login(self.a.handler)
        self.assertRefused(self.client.get(reverse("complaints_admin:handlers")))

    def test_removed_petugas_loses_the_inbox(self):
        url = reverse("complaints_admin:handlers")
        self.client.force_login(self.a.admin)
        self.client.post(url, {"team": self.a.team.pk, "user": self.a.handler.pk, "assign": "0"})
        self.client.force_login(self.a.handler)
        self.assertRefused(self.client.get(reverse("complaints_admin:inbox")))

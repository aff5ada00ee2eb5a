"""The PPID's side: only its OPD's requests (tried with other OPDs' ids), answering, extending,
refusing with an exemption, forwarding, objections, escalation with a frozen clock."""

import datetime
import io
from unittest import mock

from django.core.management import call_command
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEvent
from opd_teams.models import DISKOMINFO_GROUP
from outbox.models import OutgoingMail
from ppid import handling
from ppid.models import AnswerKind, InformationRequest, Objection, RequestEvent, RequestStatus
from tests.factories.opd_teams import UserFactory
from tests.factories.ppid import file_request

from .helpers import PASSWORD, build_ppid_region


def at(year, month, day, hour=9):
    return timezone.make_aware(datetime.datetime(year, month, day, hour, 0))


class PpidStaffCase(TestCase):
    """Three onboarded OPDs, a request to OPD A and one to OPD B, and a PPID Utama account."""

    @classmethod
    def setUpTestData(cls):
        cls.home, cls.sections = build_ppid_region(3)
        cls.a, cls.b = cls.sections[0], cls.sections[1]
        cls.request_a = file_request(cls.a.opd, contact_name="Ani Pemohon A", identity_number="1111222233334444")
        cls.request_b = file_request(cls.b.opd, contact_name="Bambang Pemohon B", identity_number="9999888877776666")
        from django.contrib.auth.models import Group

        from opd_teams.roles import ensure_platform_groups

        ensure_platform_groups()
        cls.utama = UserFactory(username="ppid.utama", email="utama@contohkab.go.id")
        cls.utama.set_password(PASSWORD)
        cls.utama.save()
        cls.utama.groups.add(Group.objects.get(name=DISKOMINFO_GROUP))

    def login(self, user):
        self.client.force_login(user)


class StaffTests(PpidStaffCase):
    def test_inbox_shows_only_the_own_opd(self):
        self.login(self.a.admin)
        response = self.client.get(reverse("ppid_admin:inbox"))
        self.assertContains(response, self.request_a.number)
        self.assertNotContains(response, self.request_b.number)
        for status in ("terbuka", "terlambat", "dijawab", "semua"):
            with self.subTest(status=status):
                response = self.client.get(reverse("ppid_admin:inbox"), {"status": status})
                self.assertNotContains(response, self.request_b.number)

    def test_other_opds_request_ids_answer_404_for_every_action(self):
        self.login(self.a.admin)
        url = reverse("ppid_admin:detail", args=[self.request_b.pk])
        self.assertEqual(self.client.get(url).status_code, 404)
        posts = [
            {"action": "answer", "answer_kind": "dikabulkan", "answer": "Ini datanya"},
            {"action": "extend", "reason": "Butuh waktu"},
            {"action": "decide_objection", "outcome": "diterima", "decision": "x"},
        ]
        for data in posts:
            with self.subTest(action=data["action"]):
                self.assertEqual(self.client.post(url, data).status_code, 404)
        self.request_b.refresh_from_db()
        self.assertEqual(self.request_b.status, RequestStatus.RECEIVED)
        self.assertEqual(self.request_b.events.count(), 1)
        self.assertEqual(self.client.get(reverse("ppid_admin:detail", args=[999999])).status_code, 404)

    def test_identity_is_shown_only_to_the_handling_ppid_and_the_ppid_utama(self):
        self.login(self.a.admin)
        response = self.client.get(reverse("ppid_admin:detail", args=[self.request_a.pk]))
        self.assertContains(response, "1111222233334444")
        for user in (self.b.admin, self.a.operator, self.b.operator, self.sections[2].admin):
            with self.subTest(user=user.username):
                self.login(user)
                response = self.client.get(reverse("ppid_admin:detail", args=[self.request_a.pk]))
                self.assertIn(response.status_code, (302, 403, 404))
                self.assertNotIn(b"1111222233334444", response.content)
                self.assertNotIn(b"Ani Pemohon A", self.client.get(reverse("ppid_admin:inbox")).content)
        self.login(self.utama)
        response = self.client.get(reverse("ppid_admin:detail", args=[self.request_b.pk]))
        self.assertContains(response, "9999888877776666")

    def test_operators_and_anonymous_cannot_open_the_inbox_or_report(self):
        for url in (reverse("ppid_admin:inbox"), reverse("ppid_admin:report"), reverse("ppid_admin:report_xlsx")):
            with self.subTest(url=url):
                self.client.logout()
                self.assertEqual(self.client.get(url).status_code, 302)
                self.login(self.a.operator)
                self.assertIn(self.client.get(url).status_code, (302, 403))
        self.assertTrue(AuditEvent.objects.filter(action="ppid.admin", outcome="denied").exists())

    def test_answer_granted_reaches_the_citizen(self):
        self.login(self.a.admin)
        url = reverse("ppid_admin:detail", args=[self.request_a.pk])
        response = self.client.post(
            url, {"action": "answer", "answer_kind": "dikabulkan", "answer": "Terlampir Renja."}
        )
        self.assertRedirects(response, url)
        self.request_a.refresh_from_db()
        self.assertEqual(self.request_a.status, RequestStatus.ANSWERED)
        self.assertEqual(self.request_a.answered_by, self.a.admin)
        self.assertTrue(OutgoingMail.objects.filter(to=["siti@example.com"], body__contains="Terlampir Renja").exists())
        status = self.client.get(reverse("ppid:status", args=[self.request_a.number, self.request_a.token]))
        self.assertContains(status, "Terlampir Renja.")
        self.assertContains(status, "Dikabulkan seluruhnya")

    def test_refusal_and_partial_grant_need_the_exemption(self):
        self.login(self.a.admin)
        url = reverse("ppid_admin:detail", args=[self.request_a.pk])
        for kind in ("ditolak", "sebagian"):
            with self.subTest(kind=kind):
                response = self.client.post(url, {"action": "answer", "answer_kind": kind, "answer": "Maaf."})
                self.assertContains(response, "Sebutkan dasar pengecualian")
        self.client.post(
            url,
            {
                "action": "answer",
                "answer_kind": "ditolak",
                "answer": "Maaf.",
                "exemption": "Pasal 17 huruf h UU 14/2008",
            },
        )
        self.request_a.refresh_from_db()
        self.assertEqual(self.request_a.answer_kind, AnswerKind.REFUSED)
        self.assertEqual(self.request_a.exemption, "Pasal 17 huruf h UU 14/2008")
        status = self.client.get(reverse("ppid:status", args=[self.request_a.number, self.request_a.token]))
        self.assertContains(status, "Pasal 17 huruf h")
        self.assertContains(status, "Ajukan keberatan")

    def test_extension_once_by_seven_working_days_with_a_reason(self):
        self.login(self.a.admin)
        url = reverse("ppid_admin:detail", args=[self.request_a.pk])
        before = self.request_a.due_date
        self.client.post(url, {"action": "extend", "reason": "Dokumen di arsip gudang."})
        self.request_a.refresh_from_db()
        self.assertEqual(self.request_a.status, RequestStatus.EXTENDED)
        self.assertEqual(self.request_a.due_date, handling.add_working_days(before, 7))
        self.client.post(url, {"action": "extend", "reason": "Lagi"})
        self.request_a.refresh_from_db()
        self.assertEqual(self.request_a.extension_reason, "Dokumen di arsip gudang.")
        self.assertEqual(self.request_a.events.filter(kind=RequestEvent.Kind.EXTENDED).count(), 1)
        status = self.client.get(reverse("ppid:status", args=[self.request_a.number, self.request_a.token]))
        self.assertContains(status, "Dokumen di arsip gudang.")
        response = self.client.post(url, {"action": "extend", "reason": ""})
        self.assertEqual(response.status_code, 200)

    def test_not_held_forwards_to_the_opd_that_holds_it(self):
        self.login(self.a.admin)
        url = reverse("ppid_admin:detail", args=[self.request_a.pk])
        self.client.post(
            url,
            {
                "action": "answer",
                "answer_kind": "tidak_dikuasai",
                "answer": "Dikuasai OPD B.",
                "forward_to": self.b.opd.pk,
            },
        )
        self.request_a.refresh_from_db()
        forwarded = self.request_a.forwarded_to
        self.assertEqual(forwarded.opd_id, self.b.opd.pk)
        self.assertEqual(forwarded.identity_number, self.request_a.identity_number)
        self.assertEqual(forwarded.status, RequestStatus.RECEIVED)
        self.login(self.b.admin)
        self.assertContains(self.client.get(reverse("ppid_admin:inbox")), forwarded.number)

    def test_answering_twice_is_refused(self):
        handling.answer(self.request_a, self.a.admin, AnswerKind.GRANTED, "Ya")
        with self.assertRaises(handling.HandlingError):
            handling.answer(self.request_a, self.a.admin, AnswerKind.REFUSED, "Tidak", "Pasal 17")


class ObjectionTests(PpidStaffCase):
    def test_objection_to_a_refusal_goes_to_the_atasan_and_the_history_shows_both(self):
        handling.answer(self.request_a, self.a.admin, AnswerKind.REFUSED, "Ditolak.", "Pasal 17 huruf c")
        url = reverse("ppid:objection", args=[self.request_a.number, self.request_a.token])
        response = self.client.post(url, {"reason": "penolakan", "statement": "Informasi ini bukan rahasia."})
        self.assertRedirects(response, reverse("ppid:status", args=[self.request_a.number, self.request_a.token]))
        objection = Objection.objects.get()
        self.assertEqual(objection.due_date, handling.add_working_days(timezone.localdate(objection.filed_at), 30))
        self.assertTrue(any("utama@contohkab.go.id" in m.to for m in OutgoingMail.objects.filter(kind="ppid.staff")))
        # A second objection is refused.
        self.client.post(url, {"reason": "biaya", "statement": "Lagi."})
        self.assertEqual(Objection.objects.count(), 1)
        # Only the PPID Utama records the Atasan PPID's decision.
        detail = reverse("ppid_admin:detail", args=[self.request_a.pk])
        self.client.force_login(self.a.admin)
        response = self.client.post(detail, {"action": "decide_objection", "outcome": "diterima", "decision": "x"})
        self.assertIn(response.status_code, (302, 403))
        self.assertTrue(Objection.objects.get().is_open)
        self.client.force_login(self.utama)
        self.client.post(detail, {"action": "decide_objection", "outcome": "ditolak", "decision": "Putusan dikuatkan."})
        objection.refresh_from_db()
        self.assertEqual(objection.outcome, "ditolak")
        kinds = list(self.request_a.events.values_list("kind", flat=True))
        self.assertEqual(kinds[-2:], [RequestEvent.Kind.OBJECTION_FILED, RequestEvent.Kind.OBJECTION_DECIDED])
        status = self.client.get(reverse("ppid:status", args=[self.request_a.number, self.request_a.token]))
        self.assertContains(status, "Putusan dikuatkan.")
        self.assertContains(status, "Komisi Informasi")
        self.assertContains(status, "14 hari kerja")

    def test_objection_window_closes_after_thirty_working_days(self):
        answered = at(2026, 8, 3)
        with mock.patch("django.utils.timezone.now", return_value=answered):
            handling.answer(self.request_a, self.a.admin, AnswerKind.REFUSED, "Ditolak.", "Pasal 17")
        self.request_a.refresh_from_db()
        last_day = handling.add_working_days(datetime.date(2026, 8, 3), 30)
        self.assertTrue(self.request_a.can_object(today=last_day))
        self.assertFalse(self.request_a.can_object(today=last_day + datetime.timedelta(days=1)))

    def test_no_objection_before_any_reason_arose(self):
        fresh = file_request(self.a.opd)
        self.assertFalse(fresh.can_object())
        response = self.client.get(reverse("ppid:objection", args=[fresh.number, fresh.token]))
        self.assertRedirects(response, reverse("ppid:status", args=[fresh.number, fresh.token]))


class EscalationTests(PpidStaffCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.old = file_request(cls.a.opd, received_at=at(2026, 8, 14))  # due 1 September 2026

    def test_overdue_request_escalates_once_with_a_frozen_clock(self):
        with mock.patch("django.utils.timezone.now", return_value=at(2026, 9, 1, 15)):
            self.assertEqual(handling.escalate_overdue(), [])  # due today: not overdue yet
        with mock.patch("django.utils.timezone.now", return_value=at(2026, 9, 2, 8)):
            out = io.StringIO()
            call_command("escalate_ppid_requests", stdout=out)
            call_command("escalate_ppid_requests", stdout=out)
        self.assertIn(self.old.number, out.getvalue())
        self.assertIn("0 permohonan dieskalasi", out.getvalue())
        self.old.refresh_from_db()
        self.assertIsNotNone(self.old.escalated_at)
        self.assertEqual(self.old.events.filter(kind=RequestEvent.Kind.ESCALATED).count(), 1)
        mails = OutgoingMail.objects.filter(kind="ppid.escalation")
        self.assertEqual(mails.count(), 1)
        self.assertIn("utama@contohkab.go.id", mails.get().to)
        # Requests filed "now" (December 2026 in the real clock) are not overdue in September.
        self.assertIsNone(InformationRequest.objects.get(pk=self.request_a.pk).escalated_at)

    def test_answered_request_never_escalates(self):
        handling.answer(self.old, self.a.admin, AnswerKind.GRANTED, "Ya")
        with mock.patch("django.utils.timezone.now", return_value=at(2026, 12, 1)):
            self.assertEqual(handling.escalate_overdue(), [])

    def test_overdue_shows_on_the_ppid_utama_inbox(self):
        with mock.patch("django.utils.timezone.now", return_value=at(2026, 9, 2)):
            handling.escalate_overdue()
        self.client.force_login(self.utama)
        response = self.client.get(reverse("ppid_admin:inbox"), {"status": "terlambat"})
        self.assertContains(response, self.old.number)
        self.assertContains(response, "dieskalasi")

"""Permohonan informasi as a citizen: filing (1A/1B), receipt, deadline, no loss, anti-spam, status."""

import datetime
from unittest import mock

from django.core import mail
from django.test import TestCase, override_settings
from django.urls import reverse
from django.utils import timezone

from outbox.models import OutgoingMail
from ppid.deadlines import add_working_days
from ppid.models import InformationRequest, RequestEvent
from tests.trees import build_region_tree


def valid_post(opd, **changes):
    data = {
        "opd": opd.pk,
        "applicant_kind": "perorangan",
        "contact_name": "Budi Santoso",
        "identity_number": "3201010101010001",
        "address": "Jl. Kenanga 3, Kel. Sukamaju",
        "contact_email": "budi@example.com",
        "contact_phone": "",
        "information": "Salinan Renja Dinas tahun 2026.",
        "purpose": "Tugas kuliah administrasi publik.",
        "receive_method": "softcopy",
        "delivery_method": "surel",
        "situs_web": "",
    }
    data.update(changes)
    return data


class FilingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.opds = build_region_tree(opd_count=2, news_per_opd=0)
        cls.opd = cls.opds[0]

    def test_form_per_opd_preselects_the_opd(self):
        response = self.client.get(reverse("ppid:request_for_opd", args=[self.opd.slug]))
        self.assertContains(response, f'<option value="{self.opd.pk}" selected>')
        self.assertContains(response, "formulir 1B")

    def test_filing_stores_the_request_and_shows_number_receipt_and_working_day_deadline(self):
        response = self.client.post(reverse("ppid:request"), valid_post(self.opd), follow=True)
        info_request = InformationRequest.objects.get()
        token = response.redirect_chain[0][0].rstrip("/").split("/")[-1]
        self.assertTrue(info_request.token_matches(token))
        self.assertRegex(info_request.number, r"^PPID-\d{4}-\d{6}$")
        self.assertEqual(info_request.due_date, add_working_days(timezone.localdate(info_request.received_at), 10))
        self.assertContains(response, info_request.number)
        self.assertContains(response, token)
        self.assertContains(response, "10 hari kerja")
        self.assertContains(response, "Diterima, sedang diproses")
        self.assertContains(response, reverse("ppid:receipt", args=[info_request.number, token]))
        self.assertEqual(info_request.events.get().kind, RequestEvent.Kind.SUBMITTED)
        receipt = self.client.get(reverse("ppid:receipt", args=[info_request.number, token]))
        self.assertContains(receipt, "Tanda bukti")
        self.assertContains(receipt, "Budi Santoso")

    def test_citizen_gets_the_receipt_by_mail(self):
        self.client.post(reverse("ppid:request"), valid_post(self.opd))
        info_request = InformationRequest.objects.get()
        self.assertTrue(
            OutgoingMail.objects.filter(to=["budi@example.com"], subject__contains=info_request.number).exists()
        )

    def test_body_form_1b_needs_the_body_name(self):
        response = self.client.post(reverse("ppid:request"), valid_post(self.opd, applicant_kind="badan"))
        self.assertContains(response, "Tulis nama badan hukum")
        self.assertFalse(InformationRequest.objects.exists())
        self.client.post(reverse("ppid:request"), valid_post(self.opd, applicant_kind="badan", body_name="LSM Warga"))
        self.assertEqual(InformationRequest.objects.get().body_name, "LSM Warga")

    def test_bad_input_gets_indonesian_messages_and_keeps_what_was_typed(self):
        response = self.client.post(
            reverse("ppid:request"), valid_post(self.opd, contact_email="", contact_phone="", contact_name="")
        )
        self.assertContains(response, "Isi alamat surel atau nomor telepon")
        self.assertContains(response, "Jl. Kenanga 3")
        self.assertFalse(InformationRequest.objects.exists())

    def test_request_is_stored_when_mail_and_audit_fail(self):
        with (
            mock.patch("ppid.handling.queue_mail", side_effect=RuntimeError("smtp down")),
            mock.patch("ppid.handling.staff_addresses", side_effect=RuntimeError("db hiccup")),
            mock.patch("audit.log.AuditEvent.objects.create", side_effect=RuntimeError("db hiccup")),
        ):
            response = self.client.post(reverse("ppid:request"), valid_post(self.opd), follow=True)
        info_request = InformationRequest.objects.get()
        self.assertContains(response, info_request.number)

    @override_settings(EMAIL_BACKEND="tests.ppid.test_requests.BrokenBackend")
    def test_mail_server_down_keeps_the_mail_in_the_outbox(self):
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(reverse("ppid:request"), valid_post(self.opd))
        self.assertEqual(response.status_code, 302)
        self.assertEqual(InformationRequest.objects.count(), 1)
        receipt = OutgoingMail.objects.get(to=["budi@example.com"])
        self.assertNotEqual(receipt.status, OutgoingMail.Status.SENT)

    def test_receipt_mail_is_delivered_when_the_server_is_up(self):
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(reverse("ppid:request"), valid_post(self.opd))
        number = InformationRequest.objects.get().number
        self.assertTrue(any(number in message.subject for message in mail.outbox))

    def test_honeypot_stores_nothing(self):
        response = self.client.post(reverse("ppid:request"), valid_post(self.opd, situs_web="http://spam.example"))
        self.assertEqual(response.status_code, 200)
        self.assertFalse(InformationRequest.objects.exists())

    @override_settings(PORTAL_PPID_REQUESTS_PER_HOUR=3)
    def test_one_address_is_held_to_its_hourly_quota(self):
        for _n in range(6):
            self.client.post(reverse("ppid:request"), valid_post(self.opd))
        self.assertEqual(InformationRequest.objects.count(), 3)
        response = self.client.post(reverse("ppid:request"), valid_post(self.opd), REMOTE_ADDR="10.9.9.9")
        self.assertEqual(response.status_code, 302)
        self.assertEqual(InformationRequest.objects.count(), 4)

    def test_status_needs_the_right_token(self):
        info_request, token = InformationRequest.file(**self.fields())
        self.assertEqual(self.client.get(reverse("ppid:status", args=[info_request.number, "salah"])).status_code, 404)
        self.assertNotIn(token, info_request.access_token_hash)
        found = self.client.get(reverse("ppid:track"), {"number": info_request.number, "token": token})
        self.assertRedirects(found, reverse("ppid:status", args=[info_request.number, token]))
        wrong = self.client.get(reverse("ppid:track"), {"number": info_request.number, "token": "salah"})
        self.assertContains(wrong, "tidak cocok")

    def test_status_page_is_never_cached(self):
        info_request, token = InformationRequest.file(**self.fields())
        response = self.client.get(reverse("ppid:status", args=[info_request.number, token]))
        self.assertIn("no-cache", response["Cache-Control"])

    def test_numbers_are_unique_and_sequential(self):
        first, first_token = InformationRequest.file(**self.fields())
        second, second_token = InformationRequest.file(**self.fields())
        self.assertNotEqual(first.number, second.number)
        self.assertNotEqual(first_token, second_token)

    def test_filed_on_a_holiday_counts_from_the_next_working_day(self):
        submitted = timezone.make_aware(datetime.datetime(2026, 8, 17, 10, 0))
        info_request, _token = InformationRequest.file(received_at=submitted, **self.fields())
        self.assertEqual(info_request.due_date, datetime.date(2026, 9, 1))

    def fields(self):
        data = valid_post(self.opd)
        data.pop("situs_web")
        data["opd"] = self.opd
        return data


class BrokenBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("mail server down")

"""The citizen's side: the form, stored-first, the private link, anti-spam."""

import re
from unittest import mock

from django.core import mail
from django.core.cache import cache
from django.core.files.storage import default_storage, storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import TestCase, override_settings
from django.urls import reverse

from complaints.models import Complaint, ComplaintAttachment
from opd_pages.models import NewsIndexPage
from outbox.models import OutgoingMail

from .helpers import build_complaints_region, form_data, photo

FORM = "/pengaduan/"


class BrokenMailBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("SMTP server down")


class CitizenFormTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.region = build_complaints_region()
        cls.road = cls.region["road"]
        cls.opd_a = cls.region["offices"][0].opd
        cls.opd_b = cls.region["offices"][1].opd

    def setUp(self):
        cache.clear()

    def post(self, data, address="198.51.100.7", **extra):
        with self.captureOnCommitCallbacks(execute=True):
            return self.client.post(FORM, data, REMOTE_ADDR=address, **extra)

    def test_form_shows_the_lapor_link_and_works_without_javascript(self):
        response = self.client.get(FORM)
        self.assertContains(response, "SP4N-LAPOR!")
        self.assertContains(response, 'enctype="multipart/form-data"')
        self.assertContains(response, 'name="situs_web"')
        self.assertNotContains(response, "<script>")
        self.assertNotContains(response, "style=")

    def test_an_opd_section_preselects_its_opd(self):
        response = self.client.get(FORM + f"?opd={self.opd_b.acronym}")
        self.assertContains(response, f'<option value="{self.opd_b.pk}" selected>')

    def test_a_service_page_is_named_and_preselects_its_opd(self):
        service = NewsIndexPage.objects.child_of(self.opd_b).get()
        response = self.client.get(FORM + f"?layanan={service.pk}")
        self.assertContains(response, service.title)
        self.assertContains(response, f'<option value="{self.opd_b.pk}" selected>')
        self.assertEqual(self.client.get(FORM + "?layanan=999999").status_code, 200)
        self.assertEqual(self.client.get(FORM + "?layanan=abc").status_code, 200)

    def test_a_report_with_a_photo_is_stored_and_the_number_and_link_are_mailed(self):
        response = self.post({**form_data(self.road), "files": [photo()]})
        case = Complaint.objects.get()
        self.assertRedirects(response, response["Location"], fetch_redirect_response=False)
        self.assertRegex(case.tracking_number, r"^ADU-\d{4}-000001$")
        self.assertEqual(case.opd, self.opd_a)  # routed by category
        self.assertEqual(case.status, "baru")
        self.assertIsNotNone(case.due_at)
        self.assertEqual(ComplaintAttachment.objects.filter(case=case).count(), 1)
        attachment = case.attachments.get()
        self.assertEqual(attachment.content_type, "image/jpeg")
        self.assertIs(attachment.file.storage, storages["casework_private"])
        self.assertIsNot(attachment.file.storage, default_storage)
        self.assertEqual(self.client.get(f"/media/{attachment.file.name}").status_code, 404)

        reporter_mail = next(m for m in mail.outbox if m.to == ["siti@contoh.id"])
        self.assertIn(case.tracking_number, reporter_mail.subject)
        link = re.search(r"http://testserver(/pengaduan/lacak/\S+/)", reporter_mail.body).group(1)
        self.assertTrue(response["Location"].startswith(link))
        staff_mail = next(m for m in mail.outbox if m.to != ["siti@contoh.id"])
        self.assertIn("opd0.admin@contohkab.go.id", staff_mail.to)
        self.assertNotIn("siti@contoh.id", staff_mail.body)

        page = self.client.get(response["Location"])
        self.assertContains(page, case.tracking_number)
        self.assertContains(page, "Laporan Anda tersimpan")
        self.assertEqual(self.client.get(link.replace(link.split("/")[-2], "salah")).status_code, 404)

    def test_missing_fields_are_explained_in_indonesian_and_the_text_is_kept(self):
        response = self.post(form_data(self.road, kelurahan="", contact_email="", contact_phone=""))
        self.assertEqual(response.status_code, 400)
        self.assertContains(response, "Isi e-mail atau nomor telepon", status_code=400)
        self.assertContains(response, "Jalan berlubang di depan SD", status_code=400)
        self.assertFalse(Complaint.objects.exists())

    def test_with_the_mail_server_down_the_report_is_stored_and_mail_goes_out_later(self):
        with override_settings(EMAIL_BACKEND="tests.complaints.test_citizen_form.BrokenMailBackend"):
            response = self.post(form_data(self.road))
        self.assertEqual(response.status_code, 302)
        case = Complaint.objects.get()
        self.assertEqual(mail.outbox, [])
        failed = OutgoingMail.objects.filter(kind="complaints.received")
        self.assertEqual(failed.get().status, OutgoingMail.Status.FAILED)
        call_command("send_outbox", stdout=mock.MagicMock())
        self.assertEqual(OutgoingMail.objects.get(pk=failed.get().pk).status, OutgoingMail.Status.SENT)
        self.assertTrue(any(case.tracking_number in m.subject for m in mail.outbox))

    def test_a_bad_attachment_does_not_lose_the_report(self):
        fake = SimpleUploadedFile("foto.jpg", b"<?php echo 'x'; ?>", content_type="image/jpeg")
        response = self.post({**form_data(self.road), "files": [fake]})
        self.assertEqual(response.status_code, 302)
        case = Complaint.objects.get()
        self.assertEqual(case.attachments.count(), 0)
        page = self.client.get(response["Location"])
        self.assertContains(page, "lampiran ini tidak kami terima")

    def test_a_failing_attachment_store_still_keeps_the_report(self):
        with mock.patch("complaints.services.store_attachment", side_effect=OSError("disk full")):
            response = self.post({**form_data(self.road), "files": [photo()]})
        self.assertEqual(response.status_code, 302)
        self.assertEqual(Complaint.objects.count(), 1)

    def test_the_honeypot_stores_nothing(self):
        response = self.post(form_data(self.road, situs_web="http://spam.example"))
        self.assertEqual(response.status_code, 400)
        self.assertFalse(Complaint.objects.exists())

    def test_the_same_report_twice_is_stored_once(self):
        self.post(form_data(self.road))
        response = self.post(form_data(self.road))
        self.assertContains(response, "sudah kami terima")
        self.assertEqual(Complaint.objects.count(), 1)

    @override_settings(PORTAL_COMPLAINTS_QUOTA=5)
    def test_one_thousand_scripted_posts_from_one_address_store_at_most_the_quota(self):
        for n in range(1000):
            self.post(form_data(self.road, title=f"Laporan otomatis {n}"), address="203.0.113.66")
        self.assertEqual(Complaint.objects.count(), 5)
        response = self.post(form_data(self.road, title="Laporan otomatis lagi"), address="203.0.113.66")
        self.assertEqual(response.status_code, 429)
        self.assertContains(response, "Terlalu banyak laporan", status_code=429)
        # A real citizen from another address is not affected.
        response = self.post(form_data(self.road, title="Laporan warga asli"), address="198.51.100.20")
        self.assertEqual(response.status_code, 302)
        self.assertTrue(Complaint.objects.filter(title="Laporan warga asli").exists())

    @override_settings(PORTAL_COMPLAINTS_QUOTA=3)
    def test_quota_holds_when_the_cache_is_down(self):
        with mock.patch("casework.antispam.cache") as broken:
            broken.get.side_effect = ConnectionError("redis down")
            broken.add.side_effect = ConnectionError("redis down")
            for n in range(10):
                self.post(form_data(self.road, title=f"Tanpa cache {n}"), address="203.0.113.67")
        self.assertEqual(Complaint.objects.count(), 3)

    def test_status_page_shows_the_public_answer_but_never_internal_notes(self):
        from casework.workflow import transition

        response = self.post(form_data(self.road))
        case = Complaint.objects.get()
        transition(case, "diterima", internal_note="RAHASIA-INTERNAL")
        transition(case, "dijawab", public_text="Lubang sudah ditambal hari ini.")
        page = self.client.get(response["Location"].split("?")[0])
        self.assertContains(page, "Lubang sudah ditambal hari ini.")
        self.assertNotContains(page, "RAHASIA-INTERNAL")
        self.assertEqual(page["X-Robots-Tag"], "noindex")

    def test_coordinates_must_come_in_pairs_and_in_range(self):
        response = self.post(form_data(self.road, latitude="-6.9", longitude=""))
        self.assertContains(response, "lintang dan bujur bersama-sama", status_code=400)
        response = self.post(form_data(self.road, latitude="-96.9", longitude="107.6"))
        self.assertContains(response, "Lintang harus antara", status_code=400)
        self.post(form_data(self.road, latitude="-6.914744", longitude="107.609810"))
        self.assertEqual(str(Complaint.objects.get().latitude), "-6.914744")

    def test_unrouted_category_goes_to_the_coordinator(self):
        self.post(form_data(self.region["unrouted"]))
        case = Complaint.objects.get()
        self.assertIsNone(case.opd)
        staff = next(m for m in mail.outbox if m.to != ["siti@contoh.id"])
        self.assertIn("koordinator@contohkab.go.id", staff.to)

    def test_footer_and_opd_page_link_to_the_form(self):
        response = self.client.get(self.opd_a.url)
        self.assertContains(response, reverse("complaints:form") + f"?opd={self.opd_a.acronym}")
        self.assertContains(response, 'href="/pengaduan/"')

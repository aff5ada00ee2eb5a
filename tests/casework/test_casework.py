"""The shared casework machinery, exercised through the complaints model."""

import datetime
import io
import threading
from unittest import mock
from zoneinfo import ZoneInfo

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import RequestFactory, TestCase, TransactionTestCase, override_settings
from PIL import Image

from casework import antispam, uploads
from casework.deadlines import ClockUnit, compute_deadline
from casework.escalation import escalate
from casework.intake import follow_up
from casework.models import TrackingSequence
from casework.tracking import next_tracking_number
from casework.workflow import TransitionError, transition
from complaints.models import Complaint
from tests.factories.complaints import ComplaintFactory

WIB = ZoneInfo("Asia/Jakarta")


def png_bytes(size=(20, 20)):
    out = io.BytesIO()
    Image.new("RGB", size, "red").save(out, format="PNG")
    return out.getvalue()


class TrackingNumberTests(TestCase):
    def test_numbers_follow_a_sequence_per_prefix_and_year(self):
        now = datetime.datetime(2026, 5, 1, 10, tzinfo=WIB)
        self.assertEqual(next_tracking_number("ADU", now=now), "ADU-2026-000001")
        self.assertEqual(next_tracking_number("ADU", now=now), "ADU-2026-000002")
        self.assertEqual(next_tracking_number("PPID", now=now), "PPID-2026-000001")
        self.assertEqual(next_tracking_number("ADU", now=now.replace(year=2027)), "ADU-2027-000001")

    def test_the_year_is_the_regions_local_year(self):
        # 31 Dec 2026 18:00 UTC is already 1 January 2027 in WIB.
        moment = datetime.datetime(2026, 12, 31, 18, tzinfo=datetime.UTC)
        self.assertEqual(next_tracking_number("ADU", now=moment), "ADU-2027-000001")

    def test_stored_case_gets_number_token_and_a_received_event(self):
        case = ComplaintFactory()
        self.assertRegex(case.tracking_number, r"^ADU-\d{4}-\d{6}$")
        self.assertTrue(case.token_matches(case.access_token))
        self.assertFalse(case.token_matches("salah"))
        self.assertFalse(case.token_matches(""))
        self.assertNotIn(case.access_token, case.access_token_hash)
        self.assertEqual(list(case.events.values_list("kind", flat=True)), ["diterima_sistem"])


class ConcurrentTrackingNumberTests(TransactionTestCase):
    def test_concurrent_requests_never_share_a_number(self):
        numbers, errors = [], []

        def allocate():
            try:
                for _ in range(5):
                    numbers.append(next_tracking_number("ADU"))
            except Exception as exc:  # noqa: BLE001 - collected and asserted below
                errors.append(exc)
            finally:
                connection.close()

        threads = [threading.Thread(target=allocate) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        self.assertEqual(errors, [])
        self.assertEqual(len(numbers), 20)
        self.assertEqual(len(set(numbers)), 20)
        self.assertEqual(TrackingSequence.objects.get().last_value, 20)


class WorkflowTests(TestCase):
    def test_transitions_follow_the_table_and_record_who_and_what(self):
        case = ComplaintFactory()
        with self.assertRaises(TransitionError):
            transition(case, "selesai")
        transition(case, "diterima", internal_note="cek lokasi")
        event = transition(case, "dijawab", public_text="Sudah diperbaiki.")
        case.refresh_from_db()
        self.assertEqual(case.status, "dijawab")
        self.assertIsNotNone(case.first_response_at)
        self.assertEqual(
            (event.from_status, event.to_status, event.public_text), ("diterima", "dijawab", "Sudah diperbaiki.")
        )
        first = case.first_response_at
        transition(case, "diproses")
        transition(case, "dijawab", public_text="Jawaban kedua")
        case.refresh_from_db()
        self.assertEqual(case.first_response_at, first)  # the first answer stays the first
        transition(case, "selesai")
        case.refresh_from_db()
        self.assertIsNotNone(case.closed_at)
        self.assertEqual(case.allowed_transitions(), set())


class FollowUpTests(TestCase):
    def test_a_failing_step_is_logged_and_the_others_still_run(self):
        case = ComplaintFactory()
        ran = []

        def broken(case):
            raise RuntimeError("mail server down")

        def works(case):
            ran.append(case.pk)

        with self.assertLogs("portal.casework", "ERROR"):
            failed = follow_up(case, broken, works)
        self.assertEqual(failed, ["broken"])
        self.assertEqual(ran, [case.pk])
        self.assertTrue(Complaint.objects.filter(pk=case.pk).exists())


class DeadlineTests(TestCase):
    def test_each_clock_unit(self):
        friday = datetime.datetime(2026, 8, 14, 15, 0, tzinfo=WIB)
        self.assertEqual(compute_deadline(friday, 24, ClockUnit.CALENDAR_HOURS), friday + datetime.timedelta(hours=24))
        self.assertEqual(
            compute_deadline(friday, 8, ClockUnit.WORKING_HOURS), datetime.datetime(2026, 8, 18, 15, tzinfo=WIB)
        )
        self.assertEqual(
            compute_deadline(friday, 10, ClockUnit.WORKING_DAYS), datetime.datetime(2026, 9, 1, 16, tzinfo=WIB)
        )


class EscalationTests(TestCase):
    def test_each_overdue_case_is_escalated_once_even_when_run_twice(self):
        overdue = ComplaintFactory()
        Complaint.objects.filter(pk=overdue.pk).update(due_at=datetime.datetime(2026, 1, 1, tzinfo=WIB))
        ComplaintFactory()  # not yet due
        notices = []
        queryset = Complaint.objects.overdue()
        self.assertEqual(len(escalate(queryset, 1, lambda case, level: notices.append((case.pk, level)))), 1)
        self.assertEqual(escalate(Complaint.objects.overdue(), 1, lambda case, level: notices.append(level)), [])
        self.assertEqual(notices, [(overdue.pk, 1)])
        overdue.refresh_from_db()
        self.assertEqual(overdue.escalation_level, 1)
        self.assertIsNotNone(overdue.escalated_at)

    def test_a_runner_that_lost_the_race_sends_nothing(self):
        case = ComplaintFactory()
        Complaint.objects.filter(pk=case.pk).update(due_at=datetime.datetime(2026, 1, 1, tzinfo=WIB))
        stale = list(Complaint.objects.overdue())  # read before the other server's claim
        Complaint.objects.filter(pk=case.pk).update(escalation_level=1)
        notices = []
        done = escalate(Complaint.objects.filter(pk__in=[c.pk for c in stale]), 1, lambda c, lv: notices.append(c))
        self.assertEqual(done, [])
        self.assertEqual(notices, [])


class AntiSpamTests(TestCase):
    def setUp(self):
        cache.clear()

    def test_quota_counts_in_the_cache_and_falls_back_to_the_database(self):
        quota = antispam.Quota("uji", Complaint.objects.all(), limit=2, window=3600)
        key = "klien-a"
        for _ in range(2):
            self.assertFalse(quota.exceeded(key))
            ComplaintFactory(client_key=key)
            quota.consume(key)
        self.assertTrue(quota.exceeded(key))
        self.assertFalse(quota.exceeded("klien-b"))
        broken_cache = mock.patch.object(antispam.cache, "get", side_effect=ConnectionError("redis down"))
        with broken_cache, self.assertLogs("portal.casework", "WARNING"):
            self.assertTrue(quota.exceeded(key))

    def test_client_key_hides_the_address(self):
        request = RequestFactory().get("/", REMOTE_ADDR="203.0.113.9")
        key = antispam.client_key(request)
        self.assertNotIn("203.0.113.9", key)
        self.assertEqual(key, antispam.client_key(RequestFactory().get("/", REMOTE_ADDR="203.0.113.9")))

    def test_duplicates_are_found_by_normalised_content(self):
        digest = antispam.content_hash("Jalan  Rusak", "Sukamaju")
        case = ComplaintFactory(content_hash=digest)
        self.assertEqual(
            antispam.find_duplicate(Complaint.objects.all(), antispam.content_hash("jalan rusak ", "sukamaju")), case
        )
        self.assertIsNone(antispam.find_duplicate(Complaint.objects.all(), antispam.content_hash("lain")))


class UploadTests(TestCase):
    def test_a_photo_is_re_encoded(self):
        checked = uploads.validate_upload(SimpleUploadedFile("foto.png", png_bytes()), uploads.IMAGE)
        self.assertEqual(checked.content_type, "image/png")
        self.assertTrue(checked.content.startswith(b"\x89PNG"))

    def test_a_pdf_is_accepted_as_document(self):
        checked = uploads.validate_upload(SimpleUploadedFile("surat.pdf", b"%PDF-1.4\n..."))
        self.assertEqual(checked.content_type, "application/pdf")

    def test_a_script_named_like_a_photo_is_refused_in_indonesian(self):
        with self.assertRaisesMessage(ValidationError, "Isi berkas tidak sesuai"):
            uploads.validate_upload(SimpleUploadedFile("foto.jpg", b"<?php system($_GET['c']); ?>"))
        with self.assertRaisesMessage(ValidationError, "Isi berkas tidak sesuai"):
            uploads.validate_upload(SimpleUploadedFile("x.pdf", png_bytes()), uploads.DOCUMENT)

    @override_settings(PORTAL_CASEWORK_MAX_UPLOAD_BYTES=100)
    def test_a_large_file_is_refused(self):
        with self.assertRaisesMessage(ValidationError, "terlalu besar"):
            uploads.validate_upload(SimpleUploadedFile("foto.png", png_bytes((200, 200))))

"""The clock, escalation with a frozen clock, the public answered list and the figures."""

import datetime
from io import StringIO
from unittest import mock
from zoneinfo import ZoneInfo

from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from casework.workflow import transition
from complaints.models import Complaint, ComplaintClock
from complaints.services import apply_deadline, opd_figures
from region_calendar.models import Holiday
from tests.factories.complaints import ComplaintFactory
from tests.factories.opd_pages import make_opd_section
from tests.trees import build_region_tree

from .helpers import build_complaints_region

WIB = ZoneInfo("Asia/Jakarta")
MONDAY_10 = datetime.datetime(2026, 8, 10, 10, 0, tzinfo=WIB)


def frozen(moment):
    return mock.patch("django.utils.timezone.now", return_value=moment)


class ClockTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.region = build_complaints_region(opd_count=2)
        cls.opd = cls.region["offices"][0].opd

    def test_default_is_24_calendar_hours(self):
        case = Complaint(opd=self.opd, received_at=MONDAY_10)
        apply_deadline(case)
        self.assertEqual(case.due_at, MONDAY_10 + datetime.timedelta(hours=24))

    @override_settings(PORTAL_COMPLAINTS_FIRST_ANSWER=8, PORTAL_COMPLAINTS_CLOCK_UNIT="jam_kerja")
    def test_region_may_count_working_hours_and_knows_holidays(self):
        friday = datetime.datetime(2026, 8, 14, 15, 0, tzinfo=WIB)
        case = Complaint(opd=self.opd, received_at=friday)
        apply_deadline(case)
        self.assertEqual(case.due_at, datetime.datetime(2026, 8, 18, 15, 0, tzinfo=WIB))  # 17 August skipped
        Holiday.objects.create(date=datetime.date(2026, 8, 18), name="Hari jadi")
        apply_deadline(case)
        self.assertEqual(case.due_at, datetime.datetime(2026, 8, 19, 15, 0, tzinfo=WIB))

    def test_an_opd_may_have_its_own_clock(self):
        ComplaintClock.objects.create(opd=self.opd, amount=1, unit="hari_kerja")
        case = Complaint(opd=self.opd, received_at=MONDAY_10)
        apply_deadline(case)
        self.assertEqual(case.due_at, datetime.datetime(2026, 8, 11, 16, 0, tzinfo=WIB))


class EscalationTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.region = build_complaints_region(opd_count=2)
        cls.a = cls.region["offices"][0]
        with frozen(MONDAY_10):
            cls.case = ComplaintFactory(opd=cls.a.opd, received_at=MONDAY_10)
            cls.answered = ComplaintFactory(opd=cls.a.opd, received_at=MONDAY_10)
        transition(cls.answered, "dijawab", public_text="Sudah.", now=MONDAY_10 + datetime.timedelta(hours=2))

    def run_command(self, moment):
        mail.outbox.clear()
        with frozen(moment), self.captureOnCommitCallbacks(execute=True):
            call_command("escalate_complaints", stdout=StringIO())
        return list(mail.outbox)

    def test_overdue_report_escalates_to_the_opd_then_the_region_once_each(self):
        self.assertEqual(self.run_command(MONDAY_10 + datetime.timedelta(hours=23)), [])
        first = self.run_command(MONDAY_10 + datetime.timedelta(hours=25))
        self.assertEqual(len(first), 1)
        self.assertIn(self.case.tracking_number, first[0].subject)
        self.assertIn("opd0.admin@contohkab.go.id", first[0].to)
        self.assertIn("opd0.petugas@contohkab.go.id", first[0].to)
        self.assertNotIn("koordinator@contohkab.go.id", first[0].to)
        self.assertEqual(self.run_command(MONDAY_10 + datetime.timedelta(hours=30)), [])  # no repeat
        second = self.run_command(MONDAY_10 + datetime.timedelta(hours=49))
        self.assertEqual(len(second), 1)
        self.assertIn("koordinator@contohkab.go.id", second[0].to)
        self.assertIn("inspektorat.admin@contohkab.go.id", second[0].to)
        self.assertEqual(self.run_command(MONDAY_10 + datetime.timedelta(hours=80)), [])
        self.case.refresh_from_db()
        self.assertEqual(self.case.escalation_level, 2)
        self.answered.refresh_from_db()
        self.assertEqual(self.answered.escalation_level, 0)

    def test_overdue_reports_show_on_the_admin_home_of_the_opd_and_the_coordinator(self):
        Complaint.objects.filter(pk=self.case.pk).update(due_at=MONDAY_10)
        for user in (self.a.admin, self.a.handler, self.region["coordinator"]):
            with self.subTest(user=user.username):
                self.client.force_login(user)
                self.assertContains(self.client.get(reverse("wagtailadmin_home")), self.case.tracking_number)
        self.client.force_login(self.region["offices"][1].admin)
        self.assertNotContains(self.client.get(reverse("wagtailadmin_home")), self.case.tracking_number)


class PublicSideTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.region = build_complaints_region(opd_count=2)
        cls.a, cls.b = cls.region["offices"]
        cls.public = ComplaintFactory(
            opd=cls.a.opd,
            title="Lampu jalan mati",
            contact_name="Budi Santoso",
            description="Lampu mati. Hubungi Budi Santoso di 0812-3456-7890 atau budi@contoh.id, NIK 3201234567890123.",
        )
        transition(cls.public, "dijawab", public_text="Sudah diganti, terima kasih Budi Santoso.")
        cls.private = ComplaintFactory(opd=cls.a.opd, title="Tidak boleh publik", allow_public=False)
        transition(cls.private, "dijawab", public_text="x")
        cls.secret = ComplaintFactory(opd=cls.b.opd, title="Rahasia", confidential=True)
        transition(cls.secret, "dijawab", public_text="x")
        cls.open = ComplaintFactory(opd=cls.b.opd, title="Belum dijawab")

    def test_only_allowed_answered_reports_are_public_without_personal_data(self):
        response = self.client.get(reverse("complaints:answered"))
        self.assertContains(response, "Lampu jalan mati")
        for hidden in (
            "Tidak boleh publik",
            "Rahasia",
            "Belum dijawab",
            "Budi Santoso",
            "0812",
            "budi@contoh.id",
            "3201234567890123",
        ):
            self.assertNotContains(response, hidden)
        detail = self.client.get(reverse("complaints:answered_detail", args=[self.public.tracking_number]))
        self.assertContains(detail, "Sudah diganti")
        self.assertNotContains(detail, "Budi Santoso")
        self.assertNotContains(detail, self.public.contact_email)
        for case in (self.private, self.secret, self.open):
            self.assertEqual(
                self.client.get(reverse("complaints:answered_detail", args=[case.tracking_number])).status_code, 404
            )

    def test_search_and_opd_filter(self):
        self.assertContains(self.client.get(reverse("complaints:answered"), {"q": "lampu"}), "Lampu jalan mati")
        self.assertNotContains(self.client.get(reverse("complaints:answered"), {"q": "banjir"}), "Lampu jalan mati")
        self.assertNotContains(
            self.client.get(reverse("complaints:answered"), {"opd": self.b.opd.acronym}), "Lampu jalan mati"
        )
        self.assertContains(
            self.client.get(reverse("complaints:answered"), {"opd": self.a.opd.acronym}), "Lampu jalan mati"
        )

    def test_staff_may_hide_a_report_from_the_public(self):
        self.client.force_login(self.a.admin)
        self.client.post(reverse("complaints_admin:action", args=[self.public.pk, "publik"]))
        self.client.logout()
        self.assertNotContains(self.client.get(reverse("complaints:answered")), "Lampu jalan mati")

    def test_statistics_per_opd_and_region(self):
        figures = opd_figures()
        self.assertEqual(figures[self.a.opd.pk]["received"], 2)
        self.assertEqual(figures[self.a.opd.pk]["answered"], 2)
        self.assertEqual(figures[self.a.opd.pk]["share_in_time"], 100)
        self.assertEqual(figures[self.b.opd.pk]["received"], 2)
        response = self.client.get(reverse("complaints:statistics"))
        self.assertContains(response, "4 laporan diterima, 3 sudah dijawab")
        self.assertContains(self.client.get(self.a.opd.url), "2 laporan diterima")


class QueryBudgetTests(TestCase):
    def add_opds(self, home, start, count):
        for n in range(start, start + count):
            opd = make_opd_section(home, acronym=f"Ukur{n}", title=f"Dinas Ukur {n}")
            for _n in range(2):
                transition(ComplaintFactory(opd=opd), "dijawab", public_text="Jawaban")

    def count(self, path):
        self.client.get(path)
        with CaptureQueriesContext(connection) as queries:
            self.assertEqual(self.client.get(path).status_code, 200)
        return len(queries)

    def test_public_listing_and_statistics_cost_the_same_with_3_and_30_opds(self):
        home, _opds = build_region_tree(opd_count=0, news_per_opd=0)
        self.add_opds(home, 0, 3)
        paths = [reverse("complaints:answered"), reverse("complaints:statistics")]
        small = [self.count(path) for path in paths]
        self.add_opds(home, 3, 27)
        large = [self.count(path) for path in paths]
        self.assertEqual(small, large)
        self.assertLessEqual(max(small), 20)

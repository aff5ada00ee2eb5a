"""Review dates on content pages and the escalating review reminders, with a frozen clock."""

import datetime
from io import StringIO
from unittest import mock

from django.core.management import call_command
from django.test import TestCase

from core.models import ReviewInterval, add_months
from monitoring.models import MonitoringSettings
from opd_pages.models import AnnouncementPage, EventPage, NewsPage, ProfilePage
from outbox.models import OutgoingMail
from review_care.models import ReviewReminder
from review_care.reminders import send_review_reminders
from tests.factories.opd_pages import ProfilePageFactory
from tests.monitoring.helpers import make_diskominfo_user
from tests.opd_teams.helpers import build_onboarded_region

NOW = datetime.datetime(2026, 6, 15, 2, 0, tzinfo=datetime.UTC)  # 09.00 WIB


def frozen(moment):
    return mock.patch("django.utils.timezone.now", return_value=moment)


class ReviewDueDateTests(TestCase):
    def page(self, **fields):
        return ProfilePage(title="Kontak", **fields)

    def test_due_date_rules(self):
        cases = [
            ("interval from last review", {"last_reviewed": datetime.date(2026, 1, 31)}, datetime.date(2027, 1, 31)),
            (
                "month end",
                {"last_reviewed": datetime.date(2026, 1, 31), "review_interval_months": 3},
                datetime.date(2026, 4, 30),
            ),
            (
                "fixed date before the interval",
                {"last_reviewed": datetime.date(2026, 1, 1), "review_by": datetime.date(2026, 3, 1)},
                datetime.date(2026, 3, 1),
            ),
            (
                "fixed date met by a later review",
                {
                    "last_reviewed": datetime.date(2026, 3, 2),
                    "review_by": datetime.date(2026, 3, 1),
                    "review_interval_months": 0,
                },
                None,
            ),
            ("nothing scheduled", {"review_interval_months": ReviewInterval.NONE}, None),
        ]
        for label, fields, expected in cases:
            with self.subTest(label):
                self.assertEqual(self.page(**fields).compute_review_due(), expected)
        self.assertEqual(add_months(datetime.date(2024, 2, 29), 12), datetime.date(2025, 2, 28))

    def test_every_opd_content_page_type_has_a_review_schedule(self):
        for model in (NewsPage, AnnouncementPage, EventPage, ProfilePage):
            with self.subTest(model.__name__):
                names = {field.name for field in model._meta.get_fields()}
                self.assertTrue({"last_reviewed", "review_interval_months", "review_by", "review_due"} <= names)
        self.assertEqual(ProfilePage().review_interval_months, ReviewInterval.YEARLY)
        self.assertEqual(NewsPage().review_interval_months, ReviewInterval.NONE)


class ReviewReminderTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, (cls.a, cls.b) = build_onboarded_region(2)
        cls.diskominfo = make_diskominfo_user()
        with frozen(NOW - datetime.timedelta(days=400)):
            cls.page = ProfilePageFactory(
                parent=cls.a.opd,
                title="Jam layanan",
                slug="jam-layanan",
                profile_type="lainnya",
                owner=cls.a.operator,
                last_reviewed=datetime.date(2025, 6, 1),
            )
            cls.page.save_revision().publish()
            cls.b_page = ProfilePageFactory(
                parent=cls.b.opd,
                title="Tarif",
                slug="tarif",
                profile_type="lainnya",
                owner=cls.b.operator,
                last_reviewed=datetime.date(2026, 5, 1),  # due in 2027
            )
            cls.b_page.save_revision().publish()

    def run_at(self, moment, **kwargs):
        with frozen(moment), self.captureOnCommitCallbacks(execute=True):
            return send_review_reminders(**kwargs)

    def mails(self):
        return list(OutgoingMail.objects.filter(kind="review_care").order_by("pk"))

    def test_published_page_stores_its_due_date(self):
        self.page.refresh_from_db()
        self.assertEqual(self.page.review_due, datetime.date(2026, 6, 1))

    def test_owner_and_opd_admins_get_an_indonesian_reminder_then_diskominfo_is_added(self):
        run = self.run_at(NOW)
        self.assertEqual(run.sent, ["Opd0: Jam layanan"])
        first = self.mails()[0]
        self.assertEqual(
            sorted(first.to),
            sorted([self.a.operator.email, "opd0.admin@contohkab.go.id", "opd0.admin2@contohkab.go.id"]),
        )
        self.assertNotIn(self.diskominfo.email, first.to)
        self.assertIn("Halaman perlu ditinjau: Jam layanan", first.subject)
        self.assertIn(f"/admin/pages/{self.page.pk}/edit/", first.body)
        self.assertIn("1 Juni 2026", first.body)
        self.assertFalse(any(self.b.admin.email == address for mail in self.mails() for address in mail.to))

        with self.subTest("once per period"):
            run = self.run_at(NOW + datetime.timedelta(days=3))
            self.assertEqual(run.sent, [])
            self.assertEqual(len(self.mails()), 1)

        with self.subTest("escalates after the period"):
            run = self.run_at(NOW + datetime.timedelta(days=14))
            self.assertEqual(run.sent, ["Opd0: Jam layanan"])
            second = self.mails()[1]
            self.assertIn(self.diskominfo.email, second.to)
            self.assertIn("[Pengingat ke-2]", second.subject)
            self.assertEqual(ReviewReminder.objects.get(sequence=2).cc, self.diskominfo.email)

        with self.subTest("a review ends the reminders"):
            page = ProfilePage.objects.get(pk=self.page.pk)
            page.last_reviewed = datetime.date(2026, 7, 1)
            with frozen(NOW + datetime.timedelta(days=16)):
                page.save_revision().publish()
            run = self.run_at(NOW + datetime.timedelta(days=40))
            self.assertEqual(run.sent, [])
            self.assertEqual(ProfilePage.objects.get(pk=self.page.pk).review_due, datetime.date(2027, 7, 1))

    def test_a_draft_change_does_not_move_the_live_due_date(self):
        page = ProfilePage.objects.get(pk=self.page.pk)
        page.last_reviewed = datetime.date(2026, 6, 10)
        page.save_revision()
        self.assertEqual(ProfilePage.objects.get(pk=self.page.pk).review_due, datetime.date(2026, 6, 1))
        self.assertEqual(self.run_at(NOW).sent, ["Opd0: Jam layanan"])

    def test_without_anyone_to_write_to_diskominfo_gets_it(self):
        ProfilePage.objects.filter(pk=self.page.pk).update(owner=None)
        self.a.team.admin_group.user_set.clear()
        self.run_at(NOW)
        self.assertEqual(self.mails()[0].to, [self.diskominfo.email])

    def test_switched_off_and_dry_run_send_nothing(self):
        settings = MonitoringSettings.load()
        self.assertTrue(self.run_at(NOW, dry_run=True).sent)
        settings.reminders_enabled = False
        settings.save()
        self.assertTrue(self.run_at(NOW).disabled)
        self.assertEqual(self.mails(), [])
        self.assertFalse(ReviewReminder.objects.exists())

    def test_command_for_cron(self):
        out = StringIO()
        with frozen(NOW), self.captureOnCommitCallbacks(execute=True):
            call_command("send_review_reminders", stdout=out)
        self.assertIn("Opd0: Jam layanan", out.getvalue())
        self.assertEqual(len(self.mails()), 1)

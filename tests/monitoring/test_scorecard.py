"""The scorecard's figures: classes from thresholds, team, moderation, completeness, sparkline, sorting."""

import datetime
from types import SimpleNamespace

from django.test import TestCase
from wagtail.models import Workflow

from monitoring.models import ActivityClass, MonitoringSettings, Reminder
from monitoring.scorecard import build_scorecards, classify, sort_cards, worst
from opd_pages.models import AnnouncementIndexPage, NewsIndexPage
from opd_pages.models.profile import MANDATORY_PROFILE_TYPES
from tests.factories.opd_pages import AnnouncementPageFactory, NewsPageFactory, ProfilePageFactory
from tests.trees import build_region_tree

from .helpers import NOW, days_ago, make_team, publish_news

DEFAULTS = SimpleNamespace(harian_min_30d=20, mingguan_min_30d=4, bulanan_min_90d=3, inactive_after_days=60)


class ClassifyTests(TestCase):
    def test_classes_follow_the_documented_default_thresholds(self):
        cases = [
            ("never published", None, 0, 0, ActivityClass.TIDAK_AKTIF),
            ("silent longer than the limit", 61, 25, 60, ActivityClass.TIDAK_AKTIF),
            ("daily", 0, 20, 60, ActivityClass.HARIAN),
            ("weekly", 2, 4, 12, ActivityClass.MINGGUAN),
            ("monthly", 20, 1, 3, ActivityClass.BULANAN),
            ("too rare", 50, 0, 2, ActivityClass.TIDAK_AKTIF),
        ]
        for name, days, per_30, per_90, expected in cases:
            with self.subTest(name):
                activity_class, reason = classify(days, per_30, per_90, DEFAULTS)
                self.assertEqual(activity_class, expected)
                self.assertTrue(reason)

    def test_defaults_of_the_setting_are_the_documented_ones(self):
        settings = MonitoringSettings.load()
        self.assertEqual(
            (
                settings.harian_min_30d,
                settings.mingguan_min_30d,
                settings.bulanan_min_90d,
                settings.inactive_after_days,
            ),
            (20, 4, 3, 60),
        )
        self.assertEqual(settings.reminder_after_days, 14)

    def test_daily_threshold_must_exceed_weekly_threshold(self):
        settings = MonitoringSettings(harian_min_30d=4, mingguan_min_30d=4)
        with self.assertRaisesMessage(Exception, "Batas harian harus lebih besar"):
            settings.clean()


class ScorecardTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, (cls.busy, cls.quiet, cls.empty) = build_region_tree(opd_count=3, news_per_opd=0)
        for day in range(0, 28, 3):
            publish_news(cls.busy, days_ago(day + 0.5))
        publish_news(cls.quiet, days_ago(100))
        cls.team, cls.members = make_team(cls.busy, admins=2, operators=1)
        make_team(cls.quiet, admins=2, last_login=days_ago(200))
        # Profile pages: busy has all mandatory ones, one empty and one not reviewed for over a year.
        for profile_type in MANDATORY_PROFILE_TYPES:
            ProfilePageFactory(
                parent=cls.busy,
                title=str(profile_type.label),
                slug=profile_type.value,
                profile_type=profile_type,
                body=[("paragraph", "<p>Isi</p>")] if profile_type != "kontak" else [("paragraph", "<p> </p>")],
                last_reviewed=NOW.date() - datetime.timedelta(days=400 if profile_type == "sejarah" else 10),
            )
        AnnouncementPageFactory(
            parent=AnnouncementIndexPage.objects.child_of(cls.busy).get(),
            valid_until=NOW.date() - datetime.timedelta(days=400),
        )
        draft = NewsPageFactory(parent=NewsIndexPage.objects.child_of(cls.busy).get(), live=False)
        draft.save_revision(user=cls.members["operators"][0])
        Workflow.objects.get(name="Moderators approval").start(draft, cls.members["operators"][0])
        Reminder.objects.create(opd=cls.quiet, status=Reminder.Status.SENT, sequence=1, created_at=days_ago(3))

    def cards(self):
        return {card.opd.pk: card for card in build_scorecards(now=NOW)}

    def test_activity_counts_sparkline_and_class(self):
        busy = self.cards()[self.busy.pk]
        self.assertEqual((busy.published_7d, busy.published_30d, busy.published_90d), (3, 10, 10))
        self.assertEqual(len(busy.weekly), 13)
        self.assertEqual(sum(busy.weekly), 10)
        self.assertEqual(busy.weekly[-1], 3)
        self.assertEqual(busy.activity_class, ActivityClass.MINGGUAN)
        self.assertEqual(busy.days_since, 1, "12 hours before 10:00 WIB is yesterday")

    def test_quiet_opd_is_inactive_with_its_reason(self):
        quiet = self.cards()[self.quiet.pk]
        self.assertEqual(quiet.activity_class, ActivityClass.TIDAK_AKTIF)
        self.assertEqual(quiet.days_since, 100)
        self.assertIn("100 hari", quiet.class_reason)
        empty = self.cards()[self.empty.pk]
        self.assertIsNone(empty.last_published_at)
        self.assertIn("Belum pernah", empty.class_reason)

    def test_thresholds_edited_in_the_admin_change_the_class(self):
        settings = MonitoringSettings.load()
        settings.mingguan_min_30d = 11
        settings.harian_min_30d = 12
        settings.save()
        self.assertEqual(self.cards()[self.busy.pk].activity_class, ActivityClass.BULANAN)

    def test_team_counts_active_admins_and_warns_below_two(self):
        cards = self.cards()
        self.assertEqual(cards[self.busy.pk].active_admin_count, 2)
        self.assertFalse(cards[self.busy.pk].too_few_admins)
        self.assertEqual(cards[self.busy.pk].active_operator_count, 1)
        self.assertEqual(cards[self.quiet.pk].active_admin_count, 0, "last login 200 days ago is not active")
        self.assertTrue(cards[self.quiet.pk].too_few_admins)
        self.assertTrue(cards[self.empty.pk].too_few_admins)
        self.assertIsNone(cards[self.empty.pk].team)

    def test_moderation_counts_items_awaiting_approval(self):
        cards = self.cards()
        self.assertEqual(cards[self.busy.pk].moderation_count, 1)
        self.assertEqual(cards[self.quiet.pk].moderation_count, 0)

    def test_completeness_names_missing_empty_and_unreviewed_profile_pages_and_expired_announcements(self):
        cards = self.cards()
        busy = {(issue.label, issue.problem) for issue in cards[self.busy.pk].profile_issues}
        self.assertEqual(busy, {("Sejarah", "belum ditinjau"), ("Kontak", "kosong")})
        self.assertEqual(cards[self.busy.pk].expired_announcements, 1)
        self.assertEqual(len(cards[self.quiet.pk].profile_issues), 5)
        self.assertTrue(all(issue.problem == "hilang" for issue in cards[self.quiet.pk].profile_issues))

    def test_reminders_are_on_the_card(self):
        self.assertEqual(self.cards()[self.quiet.pk].last_reminder.sequence, 1)

    def test_sorting_and_worst(self):
        cards = build_scorecards(now=NOW)
        by_30, _ordering = sort_cards(cards, "-30")
        self.assertEqual(by_30[0].opd, self.busy)
        by_class, ordering = sort_cards(cards, "nonsense")
        self.assertEqual(ordering, "kelas")
        self.assertEqual(by_class[-1].opd, self.busy)
        self.assertEqual(worst(cards, 1)[0].opd, self.empty)


class SparklineRenderingTests(TestCase):
    def test_sparkline_svg_has_unlocalised_numbers_and_no_inline_style(self):
        from django.template.loader import render_to_string

        card = SimpleNamespace(weekly=[0, 1, 3, 2, 0, 0, 0, 0, 0, 0, 0, 0, 7])
        html = render_to_string("monitoring/includes/sparkline.html", {"card": card})
        self.assertEqual(html.count("<rect"), 13)
        self.assertIn('height="11.1"', html, "3 of at most 7: 3/7 of the 26 px bar area")
        self.assertNotIn("style=", html)
        self.assertIn("0, 1, 3, 2", html)

"""The monitoring demo step on onboarded OPDs: quiet ones show as inactive; safe to run again."""

import io

from django.test import TestCase

from demo.monitoring import step
from demo.teams import step as opd_teams_step
from monitoring.models import ActivityClass
from monitoring.scorecard import build_scorecards
from opd_pages.models import AnnouncementIndexPage, NewsPage
from tests.factories.opd_pages import AnnouncementPageFactory, make_opd_section
from tests.monitoring.helpers import publish, publish_news
from tests.trees import build_region_tree


class DemoStepTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        from django.utils import timezone

        cls.home, _opds = build_region_tree(opd_count=0)
        cls.quiet = make_opd_section(cls.home, acronym="Kesbangpol")
        cls.busy = make_opd_section(cls.home, acronym="Dinkes")
        now = timezone.now()
        publish_news(cls.quiet, now - timezone.timedelta(days=130))
        publish(
            AnnouncementPageFactory(parent=AnnouncementIndexPage.objects.child_of(cls.quiet).get(), live=False),
            now - timezone.timedelta(days=125),
        )
        for days in range(0, 28, 3):
            publish_news(cls.busy, now - timezone.timedelta(days=days))

    def test_quiet_opd_becomes_inactive_with_a_reason_and_step_is_idempotent(self):
        opd_teams_step(stdout=io.StringIO())
        first = step(stdout=io.StringIO())
        self.assertTrue(first["moderation_item"])
        second = step(stdout=io.StringIO())
        self.assertFalse(second["moderation_item"])
        cards = {card.opd.acronym: card for card in build_scorecards()}
        self.assertEqual(cards["Kesbangpol"].activity_class, ActivityClass.TIDAK_AKTIF)
        self.assertIn("hari", cards["Kesbangpol"].class_reason)
        self.assertNotEqual(cards["Dinkes"].activity_class, ActivityClass.TIDAK_AKTIF)
        self.assertEqual(cards["Dinkes"].moderation_count, 1)
        self.assertEqual(NewsPage.objects.filter(slug="usulan-posyandu-keliling").count(), 1)
        self.assertEqual(cards["Kesbangpol"].active_admin_count, 0)
        self.assertEqual(cards["Dinkes"].active_admin_count, 2)

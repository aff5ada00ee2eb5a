"""Who may see what: trying to break the rules as OPD admins, operators and outsiders."""

from django.test import TestCase
from django.urls import reverse

from tests.factories.opd_teams import UserFactory
from tests.trees import build_region_tree

from .helpers import access_admin, days_ago, make_diskominfo_user, make_team, publish_news

DISKOMINFO_ONLY = [
    ("monitoring:index", ()),
    ("monitoring:report", ()),
    ("monitoring:report_xlsx", ()),
    ("monitoring:report_csv", ()),
    ("monitoring:reminders", ()),
]


class AccessTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, (cls.own, cls.other) = build_region_tree(opd_count=2, news_per_opd=0)
        publish_news(cls.other, days_ago(2), title="Rahasia OPD lain")
        _team, members = make_team(cls.own, admins=1, operators=1)
        make_team(cls.other, admins=1)
        cls.admin = members["admins"][0]
        cls.operator = members["operators"][0]
        cls.diskominfo = make_diskominfo_user()
        cls.outsider = UserFactory(username="staf.lain")
        cls.outsider.user_permissions.add(access_admin())

    def assertDenied(self, response):
        self.assertRedirects(response, reverse("wagtailadmin_home"), fetch_redirect_response=False)

    def test_diskominfo_group_opens_every_screen(self):
        self.client.force_login(self.diskominfo)
        for name, args in [*DISKOMINFO_ONLY, ("monitoring:opd", (self.other.pk,))]:
            with self.subTest(name):
                self.assertEqual(self.client.get(reverse(name, args=args)).status_code, 200)

    def test_opd_admin_operator_and_outsider_cannot_open_the_all_opd_screens(self):
        for user in (self.admin, self.operator, self.outsider):
            self.client.force_login(user)
            for name, args in DISKOMINFO_ONLY:
                with self.subTest(user=user.username, view=name):
                    self.assertDenied(self.client.get(reverse(name, args=args)))
            with self.subTest(user=user.username, view="send_reminders"):
                self.assertDenied(self.client.post(reverse("monitoring:send_reminders")))

    def test_opd_admin_opens_own_card_but_not_another_opds(self):
        self.client.force_login(self.admin)
        response = self.client.get(reverse("monitoring:opd", args=(self.own.pk,)))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, self.own.title)
        self.assertDenied(self.client.get(reverse("monitoring:opd", args=(self.other.pk,))))

    def test_operator_and_outsider_cannot_open_any_card(self):
        for user in (self.operator, self.outsider):
            for opd in (self.own, self.other):
                with self.subTest(user=user.username, opd=opd.acronym):
                    self.client.force_login(user)
                    self.assertDenied(self.client.get(reverse("monitoring:opd", args=(opd.pk,))))

    def test_anonymous_is_sent_to_login(self):
        response = self.client.get(reverse("monitoring:opd", args=(self.own.pk,)))
        self.assertEqual(response.status_code, 302)
        self.assertIn(reverse("wagtailadmin_login"), response["Location"])

    def test_admin_home_shows_the_opd_admin_only_its_own_card(self):
        self.client.force_login(self.admin)
        response = self.client.get(reverse("wagtailadmin_home"))
        self.assertContains(response, f'id="monitoring-card-{self.own.acronym}')
        self.assertNotContains(response, self.other.title)
        self.assertNotContains(response, "monitoring-summary")
        self.assertNotContains(response, f'"{reverse("monitoring:index")}"')

    def test_admin_home_shows_operators_and_outsiders_no_monitoring(self):
        for user in (self.operator, self.outsider):
            with self.subTest(user.username):
                self.client.force_login(user)
                response = self.client.get(reverse("wagtailadmin_home"))
                self.assertNotContains(response, "monitoring-card-")
                self.assertNotContains(response, "monitoring-summary")

    def test_admin_home_shows_diskominfo_the_summary_and_the_menu(self):
        self.client.force_login(self.diskominfo)
        response = self.client.get(reverse("wagtailadmin_home"))
        self.assertContains(response, "monitoring-summary")
        self.assertContains(response, reverse("monitoring:index"))
        self.assertContains(response, self.other.acronym)

    def test_archived_team_admin_sees_no_card(self):
        from opd_teams.models import OpdTeam

        OpdTeam.objects.filter(opd=self.own).update(archived_at=days_ago(1))
        self.client.force_login(self.admin)
        self.assertDenied(self.client.get(reverse("monitoring:opd", args=(self.own.pk,))))

    def test_diskominfo_group_may_edit_the_thresholds(self):
        self.client.force_login(self.diskominfo)
        url = reverse("wagtailsettings:edit", args=("monitoring", "monitoringsettings"))
        response = self.client.get(url, follow=True)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "harian_min_30d")
        self.client.force_login(self.admin)
        self.assertEqual(self.client.get(url, follow=True).redirect_chain[-1][0], reverse("wagtailadmin_home"))

"""Tim OPD, Ganti operator, warnings, unused accounts and password reset ("lupa link admin")."""

import datetime
import re
from io import StringIO

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry, Page, PageLogEntry, WorkflowState

from opd_teams import team as team_actions
from opd_teams.models import DISKOMINFO_GROUP
from opd_teams.roles import permission
from tests.factories.opd_pages import NewsPageFactory
from tests.factories.opd_teams import UserFactory

from .helpers import PASSWORD, assert_denied, build_onboarded_region


class TeamViewTest(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, (cls.a, cls.b, cls.c) = build_onboarded_region(3)

    def test_opd_admin_sees_only_their_own_team(self):
        self.client.force_login(self.a.admin)
        response = self.client.get(reverse("opd_teams:team"))
        self.assertContains(response, self.a.operator.email)
        self.assertContains(response, self.a.opd.title)
        self.assertNotContains(response, self.b.operator.email)
        self.assertNotContains(response, self.b.opd.title)

    def test_operators_and_outsiders_have_no_team_view(self):
        outsider = UserFactory(username="tamu")
        outsider.user_permissions.add(permission("wagtailadmin.access_admin"))
        for user in (self.a.operator, outsider):
            self.client.force_login(user)
            with self.subTest(user=user.username):
                assert_denied(self, self.client.get(reverse("opd_teams:team")))

    def test_admin_invites_an_operator_who_gets_a_set_password_link(self):
        self.client.force_login(self.a.admin)
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(
                reverse("opd_teams:invite", args=[self.a.team.pk]),
                {"email": "baru@contohkab.go.id", "first_name": "Baru"},
            )
        self.assertRedirects(response, reverse("opd_teams:team"))
        user = get_user_model().objects.get(email="baru@contohkab.go.id")
        self.assertIn(user, self.a.team.operators())
        self.assertFalse(user.has_usable_password())
        self.assertEqual(mail.outbox[-1].to, ["baru@contohkab.go.id"])
        self.assertIn("/admin/password_reset/confirm/", mail.outbox[-1].body)

    def test_admin_cannot_act_on_another_opds_team_or_members(self):
        self.client.force_login(self.a.admin)
        before = (
            list(get_user_model().objects.order_by("pk").values_list("pk", "is_active")),
            Group.objects.get(pk=self.b.team.operator_group_id).user_set.count(),
            ModelLogEntry.objects.count(),
        )
        attempts = [
            reverse("opd_teams:invite", args=[self.b.team.pk]),
            reverse("opd_teams:deactivate", args=[self.b.team.pk, self.b.operator.pk]),
            reverse("opd_teams:resend", args=[self.b.team.pk, self.b.operator.pk]),
            reverse("opd_teams:handover", args=[self.b.team.pk, self.b.operator.pk]),
            # own team id, other OPD's member
            reverse("opd_teams:deactivate", args=[self.a.team.pk, self.b.operator.pk]),
            reverse("opd_teams:resend", args=[self.a.team.pk, self.b.operator.pk]),
            reverse("opd_teams:handover", args=[self.a.team.pk, self.b.operator.pk]),
        ]
        for url in attempts:
            for method in ("get", "post"):
                with self.subTest(url=url, method=method):
                    response = getattr(self.client, method)(url, {"email": "penyusup@contohkab.go.id"})
                    assert_denied(self, response)
        after = (
            list(get_user_model().objects.order_by("pk").values_list("pk", "is_active")),
            Group.objects.get(pk=self.b.team.operator_group_id).user_set.count(),
            ModelLogEntry.objects.count(),
        )
        self.assertEqual(after, before)
        self.assertEqual(mail.outbox, [])

    def test_admin_deactivates_an_operator_and_resends_an_invitation(self):
        self.client.force_login(self.a.admin)
        with self.captureOnCommitCallbacks(execute=True):  # mail leaves through the outbox after commit
            response = self.client.post(reverse("opd_teams:resend", args=[self.a.team.pk, self.a.operator.pk]))
        self.assertRedirects(response, reverse("opd_teams:team"))
        self.assertEqual(mail.outbox[-1].to, [self.a.operator.email])
        response = self.client.post(reverse("opd_teams:deactivate", args=[self.a.team.pk, self.a.operator.pk]))
        self.a.operator.refresh_from_db()
        self.assertFalse(self.a.operator.is_active)
        self.assertTrue(ModelLogEntry.objects.filter(action=team_actions.DEACTIVATE_ACTION).exists())

    def test_an_admin_is_deactivated_only_while_two_active_admins_remain(self):
        second = self.a.team.admins().exclude(pk=self.a.admin.pk).get()
        with self.assertRaisesMessage(team_actions.TeamError, "sedikitnya 2 admin aktif"):
            team_actions.deactivate_member(self.a.team, second, by_user=self.a.admin)
        third = UserFactory(username="admin.ketiga", email="ketiga@contohkab.go.id")
        third.groups.add(self.a.team.admin_group)
        team_actions.deactivate_member(self.a.team, second, by_user=self.a.admin)
        second.refresh_from_db()
        self.assertFalse(second.is_active)


class HandoverTest(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, (cls.a, cls.b) = build_onboarded_region(2)
        Page.objects.filter(pk=cls.a.live_news.pk).update(
            locked=True, locked_by=cls.a.operator, locked_at=timezone.now()
        )
        cls.other_opd_draft = NewsPageFactory(
            parent=cls.b.news_index, title="Draf lain", live=False, owner=cls.a.operator
        )

    def test_handover_moves_drafts_locks_and_submissions_and_logs_it(self):
        self.client.force_login(self.a.admin)
        url = reverse("opd_teams:handover", args=[self.a.team.pk, self.a.operator.pk])
        self.assertContains(self.client.get(url), "Ganti operator")
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(url, {"email": "pengganti@contohkab.go.id", "first_name": "Pengganti"})
        self.assertRedirects(response, reverse("opd_teams:team"))
        successor = get_user_model().objects.get(email="pengganti@contohkab.go.id")
        self.a.operator.refresh_from_db()
        self.assertFalse(self.a.operator.is_active)
        self.assertIn(successor, self.a.team.operators())
        self.a.draft.refresh_from_db()
        self.assertEqual(self.a.draft.owner, successor)
        self.assertEqual(self.a.draft.latest_revision.as_object().title, self.a.draft.title)  # the draft survives
        self.assertEqual(Page.objects.get(pk=self.a.live_news.pk).locked_by, successor)
        state = WorkflowState.objects.get(pk=self.a.workflow_state.pk)
        self.assertEqual(state.requested_by, successor)
        self.assertEqual(state.status, WorkflowState.STATUS_IN_PROGRESS)
        logged = set(PageLogEntry.objects.filter(action=team_actions.HANDOVER_ACTION).values_list("page", flat=True))
        self.assertEqual(logged, {self.a.draft.pk, self.a.live_news.pk})
        self.assertTrue(ModelLogEntry.objects.filter(action=team_actions.HANDOVER_ACTION, user=self.a.admin).exists())
        self.assertEqual(mail.outbox[-1].to, ["pengganti@contohkab.go.id"])
        # Nothing outside the OPD moved.
        self.other_opd_draft.refresh_from_db()
        self.assertEqual(self.other_opd_draft.owner, self.a.operator)

    def test_successor_can_approve_flow_continue_after_handover(self):
        successor, moved = team_actions.handover(self.a.team, self.a.operator, "baru@contohkab.go.id", self.a.admin)
        self.assertEqual(moved["submissions"], [self.a.draft.pk])
        self.assertTrue(self.a.draft.permissions_for_user(successor).can_edit())

    def test_handover_to_the_same_person_is_refused(self):
        with self.assertRaisesMessage(team_actions.TeamError, "orang lain"):
            team_actions.handover(self.a.team, self.a.operator, self.a.operator.email.upper(), self.a.admin)


class WarningsAndUnusedAccountsTest(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, (cls.a, cls.b) = build_onboarded_region(2)
        second_b_admin = cls.b.team.admins().exclude(pk=cls.b.admin.pk).get()
        second_b_admin.is_active = False
        second_b_admin.save()
        long_ago = timezone.now() - datetime.timedelta(days=120)
        get_user_model().objects.filter(pk=cls.a.operator.pk).update(last_login=long_ago, date_joined=long_ago)
        get_user_model().objects.filter(pk=cls.a.admin.pk).update(last_login=timezone.now(), date_joined=long_ago)
        get_user_model().objects.exclude(pk__in=[cls.a.operator.pk]).update(last_login=timezone.now())
        cls.diskominfo = UserFactory(username="kominfo")
        cls.diskominfo.groups.add(Group.objects.get(name=DISKOMINFO_GROUP))

    def test_teams_short_of_admins_and_unused_accounts_are_found(self):
        self.assertEqual([t.pk for t in team_actions.teams_short_of_admins()], [self.b.team.pk])
        self.assertEqual(list(team_actions.unused_accounts()), [self.a.operator])

    def test_admin_home_warns_opd_admins_about_their_own_team_only(self):
        self.client.force_login(self.b.admin)
        response = self.client.get(reverse("wagtailadmin_home"))
        self.assertContains(response, "kurang dari dua admin")
        self.assertNotContains(response, self.a.operator.username)
        self.client.force_login(self.a.admin)
        response = self.client.get(reverse("wagtailadmin_home"))
        self.assertContains(response, self.a.operator.username)
        self.assertNotContains(response, "kurang dari dua admin")

    def test_diskominfo_sees_every_warning_and_the_opd_list(self):
        self.client.force_login(self.diskominfo)
        response = self.client.get(reverse("wagtailadmin_home"))
        self.assertContains(response, self.b.opd.title)
        self.assertContains(response, self.a.operator.username)
        response = self.client.get(reverse("opd_teams:opd_list"))
        self.assertContains(response, "kurang dari dua admin")
        self.assertContains(response, self.a.opd.title)

    def test_command_deactivates_unused_accounts_with_a_dry_run_first(self):
        out = StringIO()
        call_command("deactivate_unused_accounts", "--dry-run", stdout=out)
        self.assertIn(self.a.operator.username, out.getvalue())
        self.a.operator.refresh_from_db()
        self.assertTrue(self.a.operator.is_active)
        call_command("deactivate_unused_accounts", "--days", "200", stdout=StringIO())
        self.a.operator.refresh_from_db()
        self.assertTrue(self.a.operator.is_active)
        call_command("deactivate_unused_accounts", stdout=StringIO())
        self.a.operator.refresh_from_db()
        self.assertFalse(self.a.operator.is_active)
        self.assertTrue(get_user_model().objects.get(pk=self.a.admin.pk).is_active)


class ForgottenAdminLinkTest(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, (cls.a,) = build_onboarded_region(1)

    def test_short_url_leads_to_the_admin_login(self):
        response = self.client.get("/masuk/", follow=True)
        self.assertEqual(response.redirect_chain[0][0], reverse("wagtailadmin_home"))
        self.assertContains(response, 'name="password"')

    def test_footer_links_to_the_editor_login(self):
        response = self.client.get(self.home.url)
        self.assertContains(response, 'href="/masuk/"')

    def test_password_reset_by_email_works(self):
        # The reset mail goes through the outbox: delivered after the request's transaction commits.
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(reverse("wagtailadmin_password_reset"), {"email": self.a.admin.email})
        self.assertEqual(response.status_code, 302)
        self.assertEqual(len(mail.outbox), 1)
        path = re.search(r"https?://[^/\s]+(/admin/password_reset/confirm/\S+)", mail.outbox[0].body).group(1)
        response = self.client.get(path, follow=True)
        form_url = response.redirect_chain[-1][0] if response.redirect_chain else path
        response = self.client.post(
            form_url, {"new_password1": "Sandi-baru-2026!", "new_password2": "Sandi-baru-2026!"}
        )
        self.assertEqual(response.status_code, 302)
        self.assertTrue(self.client.login(username=self.a.admin.username, password="Sandi-baru-2026!"))
        self.assertFalse(self.client.login(username=self.a.admin.username, password=PASSWORD))

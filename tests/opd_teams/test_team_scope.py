"""Team actions stay inside the acting admin's own OPD team: platform accounts and other OPDs are never touched.

The attacker is an OPD admin using every e-mail based team action (invite, Ganti operator, Ganti
admin) with the e-mails of the superuser, Diskominfo, humas, another OPD's admin and a stray
account, then every member action on those accounts' ids: 0 accounts change, every refusal is
in the audit log, and the same actions on the admin's own team work (positive control).
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.test import TestCase
from django.urls import reverse

from audit.models import AuditEvent
from opd_teams import team as team_actions
from opd_teams.models import DISKOMINFO_GROUP, HUMAS_GROUP
from tests.factories.opd_teams import UserFactory

from .helpers import assert_denied, build_onboarded_region


def accounts_state():
    """Every account with its activity, groups and password: what a team action could change."""
    users = get_user_model().objects.order_by("pk")
    return [
        (user.pk, user.is_active, user.email, user.password, sorted(user.groups.values_list("pk", flat=True)))
        for user in users
    ]


class TeamScopeTest(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, (cls.a, cls.b) = build_onboarded_region(2)
        user_model = get_user_model()
        cls.superuser = user_model.objects.create_superuser("admin", "admin@contohkab.go.id", "sandi-super-12345")
        cls.diskominfo = UserFactory(username="kominfo", email="kominfo@contohkab.go.id")
        cls.diskominfo.groups.add(Group.objects.get(name=DISKOMINFO_GROUP))
        cls.humas = UserFactory(username="humas", email="humas@contohkab.go.id")
        cls.humas.groups.add(Group.objects.get(name=HUMAS_GROUP))
        cls.stray = UserFactory(username="tanpa.grup", email="tanpa.grup@contohkab.go.id")
        # One person editing for two OPDs: an account of A that B uses too is not A's alone.
        cls.shared = UserFactory(username="bersama", email="bersama@contohkab.go.id")
        cls.shared.groups.add(cls.a.team.operator_group, cls.b.team.operator_group)
        cls.targets = {
            "superuser": cls.superuser,
            "diskominfo": cls.diskominfo,
            "humas": cls.humas,
            "other OPD admin": cls.b.admin,
            "stray account": cls.stray,
            "shared account": cls.shared,
        }

    def post_as_attacker(self, url, data=None):
        self.client.force_login(self.a.admin)
        return self.client.post(url, data or {})

    def test_email_based_actions_aimed_at_outside_accounts_touch_nobody(self):
        before = accounts_state()
        denials = AuditEvent.objects.filter(outcome="denied").count()
        actions = [
            ("invite", reverse("opd_teams:invite", args=[self.a.team.pk])),
            ("handover", reverse("opd_teams:handover", args=[self.a.team.pk, self.a.operator.pk])),
            (
                "replace_admin",
                reverse(
                    "opd_teams:replace_admin",
                    args=[self.a.team.pk, self.a.team.admins().exclude(pk=self.a.admin.pk).get().pk],
                ),
            ),
        ]
        attempts = 0
        for label, target in self.targets.items():
            for action, url in actions:
                with self.subTest(target=label, action=action):
                    with self.captureOnCommitCallbacks(execute=True):
                        response = self.post_as_attacker(url, {"email": target.email.upper(), "first_name": "X"})
                    attempts += 1
                    self.assertEqual(response.status_code, 200)  # the form again, with the error
                    self.assertContains(response, "Diskominfo")
                    self.assertContains(response, "di luar tim OPD Anda")
        self.assertEqual(accounts_state(), before)
        self.assertEqual(mail.outbox, [])
        self.assertEqual(AuditEvent.objects.filter(outcome="denied").count() - denials, attempts)
        event = AuditEvent.objects.filter(outcome="denied", action="team.invite").latest("pk")
        self.assertEqual(event.user, self.a.admin)
        self.assertEqual(event.opd_id, self.a.opd.pk)

    def test_member_actions_on_outside_accounts_are_refused_and_logged(self):
        before = accounts_state()
        denials = AuditEvent.objects.filter(outcome="denied").count()
        attempts = 0
        for label, target in self.targets.items():
            for name in ("deactivate", "resend", "handover", "replace_admin", "reactivate"):
                for method in ("get", "post"):
                    with self.subTest(target=label, action=name, method=method):
                        self.client.force_login(self.a.admin)
                        url = reverse(f"opd_teams:{name}", args=[self.a.team.pk, target.pk])
                        response = getattr(self.client, method)(url, {"email": "pengganti@contohkab.go.id"})
                        attempts += 1
                        assert_denied(self, response, url)
        self.assertEqual(accounts_state(), before)
        self.assertEqual(mail.outbox, [])
        self.assertEqual(AuditEvent.objects.filter(outcome="denied").count() - denials, attempts)

    def test_the_functions_refuse_outside_accounts_too(self):
        before = accounts_state()
        for label, target in self.targets.items():
            with self.subTest(target=label):
                for act in (
                    lambda t=target: team_actions.deactivate_member(self.a.team, t, by_user=self.a.admin),
                    lambda t=target: team_actions.resend_invitation(self.a.team, t, by_user=self.a.admin),
                    lambda t=target: team_actions.handover(self.a.team, t, "baru@contohkab.go.id", self.a.admin),
                    lambda t=target: team_actions.replace_admin(self.a.team, t, "baru@contohkab.go.id", self.a.admin),
                    lambda t=target: team_actions.invite_operator(self.a.team, t.email, by_user=self.a.admin),
                ):
                    with self.assertRaises(team_actions.TeamError):
                        act()
        self.assertEqual(accounts_state(), before)

    def test_only_diskominfo_reactivates_an_account(self):
        team_actions.deactivate_member(self.a.team, self.a.operator, by_user=self.a.admin)
        url = reverse("opd_teams:reactivate", args=[self.a.team.pk, self.a.operator.pk])
        assert_denied(self, self.post_as_attacker(url))
        response = self.post_as_attacker(
            reverse("opd_teams:invite", args=[self.a.team.pk]), {"email": self.a.operator.email}
        )
        self.assertContains(response, "Hanya Diskominfo yang dapat mengaktifkan kembali")
        self.a.operator.refresh_from_db()
        self.assertFalse(self.a.operator.is_active)
        self.client.force_login(self.diskominfo)
        self.assertRedirects(self.client.post(url), reverse("opd_teams:team"))
        self.a.operator.refresh_from_db()
        self.assertTrue(self.a.operator.is_active)
        self.assertTrue(AuditEvent.objects.filter(action="team.reactivate", outcome="ok").exists())

    def test_ganti_operator_is_not_offered_or_accepted_on_admin_rows(self):
        second_admin = self.a.team.admins().exclude(pk=self.a.admin.pk).get()
        self.client.force_login(self.a.admin)
        page = self.client.get(reverse("opd_teams:team"))
        self.assertNotContains(page, reverse("opd_teams:handover", args=[self.a.team.pk, second_admin.pk]))
        self.assertContains(page, reverse("opd_teams:replace_admin", args=[self.a.team.pk, second_admin.pk]))
        self.assertContains(page, reverse("opd_teams:handover", args=[self.a.team.pk, self.a.operator.pk]))
        self.assertNotContains(page, reverse("opd_teams:replace_admin", args=[self.a.team.pk, self.a.operator.pk]))
        before = accounts_state()
        response = self.client.post(
            reverse("opd_teams:handover", args=[self.a.team.pk, second_admin.pk]), {"email": "x@contohkab.go.id"}
        )
        assert_denied(self, response)
        self.assertEqual(accounts_state(), before)

    def test_replacing_an_admin_keeps_two_active_admins(self):
        second_admin = self.a.team.admins().exclude(pk=self.a.admin.pk).get()
        self.client.force_login(self.a.admin)
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(
                reverse("opd_teams:replace_admin", args=[self.a.team.pk, second_admin.pk]),
                {"email": "admin.baru@contohkab.go.id", "first_name": "Baru"},
            )
        self.assertRedirects(response, reverse("opd_teams:team"))
        successor = get_user_model().objects.get(email="admin.baru@contohkab.go.id")
        self.assertIn(successor, self.a.team.admins())
        second_admin.refresh_from_db()
        self.assertFalse(second_admin.is_active)
        self.assertEqual(self.a.team.admins().filter(is_active=True).count(), 2)
        self.assertEqual(mail.outbox[-1].to, ["admin.baru@contohkab.go.id"])
        self.assertTrue(AuditEvent.objects.filter(action="team.replace_admin", outcome="ok").exists())
        # With one active admin left there is nothing to replace one for one: Diskominfo adds an admin.
        get_user_model().objects.filter(pk=successor.pk).update(is_active=False)
        with self.assertRaisesMessage(team_actions.TeamError, "Diskominfo"):
            team_actions.replace_admin(self.a.team, self.a.admin, "lain@contohkab.go.id", by_user=None)

    def test_positive_control_invite_resend_handover_deactivate_in_own_team(self):
        self.client.force_login(self.a.admin)
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(
                reverse("opd_teams:invite", args=[self.a.team.pk]), {"email": "operator.baru@contohkab.go.id"}
            )
        self.assertRedirects(response, reverse("opd_teams:team"))
        invited = get_user_model().objects.get(email="operator.baru@contohkab.go.id")
        self.assertIn(invited, self.a.team.operators())
        response = self.client.post(reverse("opd_teams:resend", args=[self.a.team.pk, invited.pk]))
        self.assertRedirects(response, reverse("opd_teams:team"))
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(
                reverse("opd_teams:handover", args=[self.a.team.pk, self.a.operator.pk]),
                {"email": "pengganti@contohkab.go.id"},
            )
        self.assertRedirects(response, reverse("opd_teams:team"))
        response = self.client.post(reverse("opd_teams:deactivate", args=[self.a.team.pk, invited.pk]))
        invited.refresh_from_db()
        self.assertFalse(invited.is_active)
        actions = set(AuditEvent.objects.filter(outcome="ok", user=self.a.admin).values_list("action", flat=True))
        self.assertLessEqual({"team.invite", "team.resend", "team.handover", "team.deactivate"}, actions)


class OnboardingAuditTest(TestCase):
    def test_onboarding_and_archiving_are_audit_events(self):
        _home, (section,) = build_onboarded_region(1)
        self.assertTrue(AuditEvent.objects.filter(action="opd.onboard", opd=section.opd).exists())
        from opd_teams.onboarding import archive_opd

        archive_opd(section.team)
        event = AuditEvent.objects.get(action="opd.archive")
        self.assertEqual(event.opd_id, section.opd.pk)

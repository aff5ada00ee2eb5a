"""Tambah OPD: one transaction, idempotent, clash-safe; invitations set a password; archiving."""

import datetime
import re
from io import StringIO
from unittest import mock

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.core import mail
from django.core.management import CommandError, call_command
from django.test import TestCase
from django.urls import reverse
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
)

from opd_pages.models import NewsIndexPage, OpdHomePage, ProfilePage
from opd_pages.models.profile import MANDATORY_PROFILE_TYPES
from opd_pages.skeleton import standard_sections
from opd_teams.models import DISKOMINFO_GROUP, OpdTeam
from opd_teams.onboarding import OnboardingError, archive_opd, onboard_opd
from opd_teams.roles import ensure_platform_groups
from tests.factories.home import RegionalPageFactory
from tests.factories.opd_teams import UserFactory
from tests.trees import build_region_tree

ADMINS = ["budi@diskan.contohkab.go.id", "sari@diskan.contohkab.go.id"]


def counts():
    return (
        Page.objects.count(),
        Group.objects.count(),
        get_user_model().objects.count(),
        Collection.objects.count(),
        Workflow.objects.count(),
        GroupPagePermission.objects.count(),
        GroupCollectionPermission.objects.count(),
        OpdTeam.objects.count(),
    )


class OnboardingTest(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.opds = build_region_tree(opd_count=1, news_per_opd=0)
        ensure_platform_groups()

    def onboard(self, **kwargs):
        values = {"title": "Dinas Perikanan", "acronym": "Diskan", "kind": "dinas", "admin_emails": ADMINS}
        values.update(kwargs)
        with self.captureOnCommitCallbacks(execute=True):
            return onboard_opd(**values)

    def test_onboarding_creates_the_section_team_collection_workflow_and_accounts(self):
        result = self.onboard()
        team = result.team
        opd = team.opd
        self.assertTrue(result.created)
        self.assertEqual((opd.slug, opd.get_parent().pk, opd.live), ("diskan", self.home.pk, True))
        children = opd.get_children().specific()
        self.assertEqual(
            {type(p) for p in children if not isinstance(p, ProfilePage)},
            {section.page_class for section in standard_sections()},
        )
        profiles = ProfilePage.objects.child_of(opd)
        self.assertEqual(set(profiles.values_list("profile_type", flat=True)), set(MANDATORY_PROFILE_TYPES))
        self.assertFalse(profiles.filter(live=True).exists(), "profile pages need content: drafts")
        self.assertTrue(all(p.latest_revision_id for p in profiles))
        self.assertEqual(
            set(
                GroupPagePermission.objects.filter(group=team.operator_group).values_list(
                    "permission__codename", "page"
                )
            ),
            {("add_page", opd.pk), ("change_page", opd.pk)},
        )
        self.assertIn(
            ("publish_page", opd.pk),
            set(GroupPagePermission.objects.filter(group=team.admin_group).values_list("permission__codename", "page")),
        )
        self.assertEqual(team.collection.get_parent(), Collection.get_first_root_node())
        self.assertTrue(
            GroupCollectionPermission.objects.filter(
                group=team.operator_group, collection=team.collection, permission__codename="choose_image"
            ).exists()
        )
        workflow = WorkflowPage.objects.get(page=opd).workflow
        task = workflow.tasks.get().specific
        self.assertEqual(list(task.groups.all()), [team.admin_group])
        self.assertEqual(sorted(team.admins().values_list("email", flat=True)), sorted(ADMINS))
        self.assertEqual(len(mail.outbox), 2)
        self.assertEqual(sorted(m.to[0] for m in mail.outbox), sorted(ADMINS))

    def test_news_in_the_new_section_goes_through_the_opd_moderation_workflow(self):
        team = self.onboard().team
        news_index = NewsIndexPage.objects.child_of(team.opd).get()
        self.assertEqual(news_index.get_workflow().pk, WorkflowPage.objects.get(page=team.opd).workflow_id)

    def test_invitation_link_lets_the_admin_set_a_password_and_log_in(self):
        self.onboard()
        message = next(m for m in mail.outbox if m.to == [ADMINS[0]])
        self.assertIn("Dinas Perikanan", message.subject)
        link = re.search(r"http://testserver(/admin/password_reset/confirm/\S+)", message.body).group(1)
        response = self.client.get(link, follow=True)
        self.assertEqual(response.status_code, 200)
        set_url = response.redirect_chain[-1][0] if response.redirect_chain else link
        response = self.client.post(set_url, {"new_password1": "Laut-biru-2026!", "new_password2": "Laut-biru-2026!"})
        self.assertEqual(response.status_code, 302)
        user = get_user_model().objects.get(email=ADMINS[0])
        self.assertTrue(user.check_password("Laut-biru-2026!"))
        self.assertTrue(self.client.login(username=user.username, password="Laut-biru-2026!"))
        self.assertEqual(self.client.get(reverse("wagtailadmin_home")).status_code, 200)

    def test_invitation_states_the_real_expiry_of_its_link(self):
        self.onboard()
        message = next(m for m in mail.outbox if m.to == [ADMINS[0]])
        self.assertIn("berlaku 3 hari", message.body)
        self.assertNotIn("berlaku sampai kata sandi dibuat", message.body)
        link = re.search(r"http://testserver(/admin/password_reset/confirm/\S+)", message.body).group(1)
        uidb64, token = link.rstrip("/").split("/")[-2:]
        user = get_user_model().objects.get(email=ADMINS[0])
        generator = default_token_generator
        now = generator._now()
        with mock.patch.object(type(generator), "_now", return_value=now + datetime.timedelta(days=2, hours=23)):
            self.assertTrue(generator.check_token(user, token))
        with mock.patch.object(type(generator), "_now", return_value=now + datetime.timedelta(days=3, hours=1)):
            self.assertFalse(generator.check_token(user, token))

    def test_running_again_for_the_same_acronym_changes_nothing(self):
        self.onboard()
        before = counts()
        mail.outbox.clear()
        result = self.onboard(title="Nama lain", admin_emails=["x@contohkab.go.id", "y@contohkab.go.id"])
        self.assertFalse(result.created)
        self.assertEqual(counts(), before)
        self.assertEqual(mail.outbox, [])

    def test_clashes_and_bad_input_are_clear_errors_and_create_nothing(self):
        RegionalPageFactory(parent=self.home, title="Informasi", slug="informasi")
        Group.objects.create(name="Bebas — Admin")
        before = counts()
        cases = [
            ({"acronym": "opd0"}, "sudah dipakai"),  # acronym of an existing OPD page (case-insensitive)
            ({"acronym": "Informasi"}, "/informasi/"),  # slug taken by a regional page
            ({"acronym": "Bebas"}, "Grup"),
            ({"admin_emails": ["satu@contohkab.go.id"]}, "dua admin"),
            ({"admin_emails": ["a@contohkab.go.id", "A@contohkab.go.id"]}, "dua admin"),
            ({"admin_emails": ["bukan-surel", "b@contohkab.go.id"]}, "tidak sah"),
            ({"acronym": "Dis kan"}, "Singkatan tidak sah"),
            ({"title": ""}, "wajib"),
        ]
        for kwargs, message in cases:
            with self.subTest(kwargs=kwargs), self.assertRaisesMessage(OnboardingError, message):
                self.onboard(**kwargs)
            self.assertEqual(counts(), before)
        self.assertEqual(mail.outbox, [])

    def test_adopting_an_existing_opd_home_keeps_its_pages_and_adds_the_missing_profiles(self):
        opd = self.opds[0]
        pages_before = set(Page.objects.descendant_of(opd, inclusive=True).values_list("pk", flat=True))
        result = self.onboard(title=opd.title, acronym=opd.acronym, adopt=opd)
        self.assertEqual(result.team.opd.pk, opd.pk)
        pages_after = set(Page.objects.descendant_of(opd, inclusive=True).values_list("pk", flat=True))
        self.assertTrue(pages_before < pages_after)
        self.assertEqual(ProfilePage.objects.child_of(opd).count(), len(MANDATORY_PROFILE_TYPES))

    def test_existing_user_is_added_without_a_new_account(self):
        existing = UserFactory(username="budi", email=ADMINS[0])
        result = self.onboard()
        self.assertIn(existing, result.team.admins())
        self.assertNotIn(existing, result.invited)


class OnboardingCommandTest(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_region_tree(opd_count=0)
        ensure_platform_groups()

    def test_command_onboards_and_is_idempotent(self):
        args = ["--name", "Dinas Perikanan", "--acronym", "Diskan", "--admin", ADMINS[0], "--admin", ADMINS[1]]
        out = StringIO()
        call_command("onboard_opd", *args, stdout=out)
        self.assertIn("dibuat", out.getvalue())
        self.assertTrue(OpdTeam.objects.filter(opd__acronym="Diskan").exists())
        out = StringIO()
        call_command("onboard_opd", *args, stdout=out)
        self.assertIn("sudah ada", out.getvalue())

    def test_command_refuses_a_single_admin(self):
        with self.assertRaisesMessage(CommandError, "dua admin"):
            call_command(
                "onboard_opd", "--name", "Dinas X", "--acronym", "DisX", "--admin", ADMINS[0], stdout=StringIO()
            )
        self.assertFalse(OpdHomePage.objects.filter(acronym="DisX").exists())


class OnboardingViewTest(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_region_tree(opd_count=1)
        ensure_platform_groups()
        cls.diskominfo = UserFactory(username="kominfo")
        cls.diskominfo.groups.add(Group.objects.get(name=DISKOMINFO_GROUP))
        cls.stranger = UserFactory(username="orang.lain")

    def test_diskominfo_adds_an_opd_from_the_admin(self):
        self.client.force_login(self.diskominfo)
        url = reverse("opd_teams:onboard")
        self.assertContains(self.client.get(url), "Tambah OPD")
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(
                url,
                {"title": "Dinas Perikanan", "acronym": "Diskan", "kind": "dinas", "admin_emails": "\n".join(ADMINS)},
            )
        self.assertRedirects(response, reverse("opd_teams:opd_list"))
        self.assertTrue(OpdTeam.objects.filter(opd__acronym="Diskan").exists())
        self.assertEqual(len(mail.outbox), 2)

    def test_form_errors_are_shown_in_indonesian_and_nothing_is_created(self):
        self.client.force_login(self.diskominfo)
        before = counts()
        response = self.client.post(
            reverse("opd_teams:onboard"),
            {"title": "Dinas Lain", "acronym": "Opd0", "kind": "dinas", "admin_emails": "\n".join(ADMINS)},
        )
        self.assertContains(response, "sudah dipakai")
        response = self.client.post(
            reverse("opd_teams:onboard"),
            {"title": "Dinas Lain", "acronym": "Lain", "kind": "dinas", "admin_emails": ADMINS[0]},
        )
        self.assertContains(response, "sedikitnya dua")
        self.assertEqual(counts(), before)

    def test_only_diskominfo_may_onboard_or_list(self):
        self.client.force_login(self.stranger)
        for name in ("opd_teams:onboard", "opd_teams:opd_list"):
            with self.subTest(name):
                self.assertIn(self.client.get(reverse(name)).status_code, {302, 403})


class ArchiveTest(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, _opds = build_region_tree(opd_count=0)
        ensure_platform_groups()
        cls.team = onboard_opd(
            title="Dinas Perikanan", acronym="Diskan", kind="dinas", admin_emails=ADMINS, invite=False
        ).team

    def test_archiving_unpublishes_with_redirects_deactivates_and_keeps_content(self):
        opd = self.team.opd
        page_count = Page.objects.descendant_of(opd, inclusive=True).count()
        news_url = NewsIndexPage.objects.child_of(opd).get().url
        result = archive_opd(self.team)
        self.assertFalse(Page.objects.descendant_of(opd, inclusive=True).live().exists())
        self.assertEqual(Page.objects.descendant_of(opd, inclusive=True).count(), page_count)
        self.assertFalse(self.team.admins().filter(is_active=True).exists())
        self.assertEqual(result["deactivated"], 2)
        redirect = Redirect.objects.get(old_path=Redirect.normalise_path(news_url))
        self.assertEqual(redirect.redirect_page_id, self.home.pk)
        response = self.client.get(news_url)
        self.assertRedirects(response, self.home.url, fetch_redirect_response=False)
        self.team.refresh_from_db()
        self.assertIsNotNone(self.team.archived_at)
        self.assertEqual(archive_opd(self.team), {"unpublished": 0, "deactivated": 0})

    def test_archive_command_dry_run_changes_nothing(self):
        out = StringIO()
        call_command("archive_opd", "diskan", "--dry-run", stdout=out)
        self.assertIn("uji coba", out.getvalue())
        self.assertTrue(self.team.opd.live)
        call_command("archive_opd", "Diskan", stdout=StringIO())
        self.team.opd.refresh_from_db()
        self.assertFalse(self.team.opd.live)

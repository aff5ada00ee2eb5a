"""The journey from the issue, through the admin as its users would take it.

Diskominfo opens "Dinas Perikanan" with two admins; an invited admin sets a password and sees
only that subtree; an operator writes a news item and submits it; the admin approves it; it
appears on the OPD page and the regional home; the operator is replaced and the draft survives.
"""

import re

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.test import TestCase
from django.urls import reverse
from wagtail.models import Page, WorkflowState
from wagtail.test.utils.form_data import nested_form_data, streamfield

from opd_pages.models import NewsIndexPage, NewsPage
from opd_teams.models import DISKOMINFO_GROUP
from opd_teams.roles import ensure_platform_groups
from tests.factories.opd_teams import UserFactory
from tests.trees import build_region_tree

PASSWORD = "Ikan-segar-2026!"


class OnboardingJourneyTest(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.other_opds = build_region_tree(opd_count=2, news_per_opd=1)
        ensure_platform_groups()
        cls.diskominfo = UserFactory(username="kominfo")
        cls.diskominfo.groups.add(Group.objects.get(name=DISKOMINFO_GROUP))

    def set_password_from_mail(self, address):
        message = next(m for m in reversed(mail.outbox) if m.to == [address])
        link = re.search(r"http://testserver(\S+)", message.body).group(1)
        response = self.client.get(link, follow=True)
        form_url = response.redirect_chain[-1][0] if response.redirect_chain else link
        self.client.post(form_url, {"new_password1": PASSWORD, "new_password2": PASSWORD})
        user = get_user_model().objects.get(email=address)
        self.client.logout()
        self.assertTrue(self.client.login(username=user.username, password=PASSWORD))
        return user

    def news_form(self, title):
        return nested_form_data(
            {
                "title": title,
                "slug": "panen-ikan",
                "date": "2026-03-19",
                "lead": "Panen raya ikan nila di kolam warga.",
                "body": streamfield([]),
                "tags": "",
                "image_caption": "",
                "image_credit": "",
                "review_interval_months": "0",
                "action-submit": "Submit",
            }
        )

    def test_new_opd_from_onboarding_to_published_news_and_handover(self):
        self.client.force_login(self.diskominfo)
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(
                reverse("opd_teams:onboard"),
                {
                    "title": "Dinas Perikanan",
                    "acronym": "Diskan",
                    "kind": "dinas",
                    "admin_emails": "budi@contohkab.go.id\nsari@contohkab.go.id",
                },
            )
        admin = self.set_password_from_mail("budi@contohkab.go.id")
        explore = self.client.get(reverse("wagtailadmin_explore", args=[self.home.pk]), follow=True)
        self.assertContains(explore, "Dinas Perikanan")
        for other in self.other_opds:
            self.assertNotContains(explore, other.title)

        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(
                reverse("opd_teams:invite", args=[admin.groups.get().opd_team_as_admin.pk]),
                {"email": "operator@contohkab.go.id", "first_name": "Operator"},
            )
        operator = self.set_password_from_mail("operator@contohkab.go.id")
        news_index = NewsIndexPage.objects.get(url_path__contains="/diskan/")
        response = self.client.post(
            reverse("wagtailadmin_pages:add", args=["opd_pages", "newspage", news_index.pk]),
            self.news_form("Panen raya ikan nila"),
        )
        self.assertEqual(response.status_code, 302, response.content[:2000])
        news = NewsPage.objects.get(title="Panen raya ikan nila")
        self.assertFalse(news.live)
        state = WorkflowState.objects.active().get(object_id=str(news.pk))
        self.assertEqual(state.requested_by, operator)
        # The operator cannot publish it directly.
        self.assertFalse(news.permissions_for_user(operator).can_publish())

        self.client.logout()
        self.client.login(username=admin.username, password=PASSWORD)
        task_state = state.current_task_state
        response = self.client.post(
            reverse("wagtailadmin_pages:workflow_action", args=[news.pk, "approve", task_state.pk]),
            {"comment": ""},
        )
        news.refresh_from_db()
        self.assertTrue(news.live)
        self.assertContains(self.client.get(news_index.get_parent().url), "Panen raya ikan nila")
        self.assertContains(self.client.get(self.home.url), "Panen raya ikan nila")

        # The operator starts a second item, then leaves; the successor takes it over.
        self.client.logout()
        self.client.login(username=operator.username, password=PASSWORD)
        form = self.news_form("Draf budidaya lele")
        form.pop("action-submit")
        form["slug"] = "budidaya-lele"
        self.client.post(reverse("wagtailadmin_pages:add", args=["opd_pages", "newspage", news_index.pk]), form)
        draft = Page.objects.get(title="Draf budidaya lele")
        self.client.logout()
        self.client.login(username=admin.username, password=PASSWORD)
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(
                reverse("opd_teams:handover", args=[admin.groups.get().opd_team_as_admin.pk, operator.pk]),
                {"email": "pengganti@contohkab.go.id"},
            )
        successor = self.set_password_from_mail("pengganti@contohkab.go.id")
        draft.refresh_from_db()
        self.assertEqual(draft.owner, successor)
        response = self.client.get(reverse("wagtailadmin_pages:edit", args=[draft.pk]))
        self.assertContains(response, "Draf budidaya lele")
        self.assertFalse(self.client.login(username=operator.username, password=PASSWORD))

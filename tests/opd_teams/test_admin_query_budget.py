"""The admin's dashboard and the regional home's explorer cost the same queries at 3 and at many OPDs.

Each OPD is onboarded (its team, groups and moderation workflow) and has a draft waiting in
moderation, so the dashboard's *Menunggu tinjauan Anda* panel lists one row per OPD and the
explorer one row per OPD section.
"""

from django.contrib.auth import get_user_model
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.admin.views.home import WorkflowObjectsToModeratePanel
from wagtail.models import Page

from core import admin_counts
from opd_pages.models import NewsIndexPage, OpdHomePage
from opd_teams.moderation_panel import ModerationPanel
from opd_teams.onboarding import adopt_opd
from tests.factories.opd_pages import NewsPageFactory, make_opd_section
from tests.factories.opd_teams import UserFactory
from tests.trees import build_region_tree

MANY_OPDS = 40


def onboard_with_draft_in_moderation(opd):
    team = adopt_opd(opd, [f"{opd.slug}.admin@contohkab.go.id", f"{opd.slug}.admin2@contohkab.go.id"]).team
    operator = UserFactory(username=f"{opd.slug}.operator")
    operator.groups.add(team.operator_group)
    draft = NewsPageFactory(
        parent=NewsIndexPage.objects.child_of(opd).get(), title=f"Draf {opd.acronym}", live=False, owner=operator
    )
    draft.save_revision(user=operator)
    draft.get_workflow().start(draft, operator)
    return team


class AdminQueryBudgetTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, opds = build_region_tree(opd_count=3, news_per_opd=1)
        cls.teams = [onboard_with_draft_in_moderation(opd) for opd in opds]
        cls.root = get_user_model().objects.create_superuser("root", "root@contohkab.go.id", "x" * 12)
        cls.opd_admin = get_user_model().objects.get(username=f"{opds[0].slug}.admin")

    def grow(self):
        for number in range(3, MANY_OPDS):
            opd = make_opd_section(self.home, acronym=f"Besar{number}", title=f"Dinas Besar {number}", news=1)
            onboard_with_draft_in_moderation(opd)

    def queries(self, user, url):
        self.client.force_login(user)
        self.client.get(url)  # caches warmed as on any later visit
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        return len(queries), response

    def test_dashboard_and_explorer_are_flat_from_3_to_40_opds(self):
        dashboard = reverse("wagtailadmin_home")
        explorer = reverse("wagtailadmin_explore", args=[self.home.pk])
        small = {
            "dashboard": self.queries(self.root, dashboard)[0],
            "explorer": self.queries(self.root, explorer)[0],
            "opd admin dashboard": self.queries(self.opd_admin, dashboard)[0],
        }
        self.grow()
        count, response = self.queries(self.root, dashboard)
        self.assertContains(response, f"Draf Besar{MANY_OPDS - 1}")  # every OPD's draft is listed
        self.assertContains(response, "Draf Opd0")
        large = {"dashboard": count}
        count, response = self.queries(self.root, explorer)
        self.assertContains(response, f"Dinas Besar {MANY_OPDS - 1}")
        large["explorer"] = count
        large["opd admin dashboard"] = self.queries(self.opd_admin, dashboard)[0]
        self.assertEqual(large, small)

    def test_the_dashboard_uses_the_flat_panel_in_place_of_wagtails(self):
        self.client.force_login(self.root)
        response = self.client.get(reverse("wagtailadmin_home"))
        panels = [type(panel) for panel in response.context["panels"]]
        self.assertIn(ModerationPanel, panels)
        self.assertNotIn(WorkflowObjectsToModeratePanel, panels)
        self.assertContains(response, "Draf Opd1")

    def test_the_flat_panel_shows_what_wagtails_shows(self):
        request = self.client.get(reverse("wagtailadmin_home")).wsgi_request
        request.user = self.root
        parent = {"request": request, "csrf_token": "token"}
        stock = WorkflowObjectsToModeratePanel().get_context_data(parent)["states"]
        flat = ModerationPanel().get_context_data(parent)["states"]

        def summary(states):
            return [
                (
                    row["obj"].pk,
                    row["task_state"].pk,
                    row["actions"],
                    [(task.pk, task.status, str(task.status_display)) for task in row["workflow_tasks"]],
                    row["workflow_action_url_name"],
                    row["workflow_preview_url_name"],
                )
                for row in states
            ]

        self.assertEqual(len(flat), 3)
        self.assertEqual(summary(flat), summary(stock))

    def test_add_child_checks_read_the_explorers_counts_and_agree_with_wagtails(self):
        opd = OpdHomePage.objects.order_by("path").first()
        annotated = admin_counts.with_child_type_counts(Page.objects.filter(pk=opd.pk)).get()
        for model in admin_counts.limited_page_models():
            with self.subTest(model=model.__name__):
                self.assertIsNotNone(admin_counts.known_child_count(annotated, model))
                with self.assertNumQueries(0):
                    from_annotation = model.can_create_at(annotated)
                self.assertEqual(from_annotation, model.can_create_at(Page.objects.get(pk=opd.pk)))
        self.assertFalse(NewsIndexPage.can_create_at(annotated))  # the OPD has its Berita section already

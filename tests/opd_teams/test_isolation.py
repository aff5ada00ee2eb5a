"""An editor of OPD A can never read or change OPD B: every page-scoped admin URL, tried.

The admin URL patterns are enumerated from the resolver, so a page-scoped view added by
Wagtail or by us is covered automatically (an unknown URL argument fails the test until
it is given a value here).
"""

import re

from django.contrib.auth.models import Group
from django.test import TestCase
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import (
    GroupPagePermission,
    ModelLogEntry,
    Page,
    PageLogEntry,
    PageViewRestriction,
    Revision,
    TaskState,
    WorkflowPage,
    WorkflowState,
)

from opd_teams.models import OpdTeam
from opd_teams.roles import USER_MANAGEMENT_CODENAMES

from .helpers import build_onboarded_region

CHOOSER_URL_NAMES = {"wagtailadmin_choose_page_child"}
PAGE_KWARGS = {"page_id", "parent_page_id", "page_to_move_id", "page_pk", "pk"}


def admin_routes():
    """(route, name, url pattern) for every admin URL pattern that names a page (or a page API object)."""

    def walk(patterns, prefix="", namespace=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                ns = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern), ns)
            elif isinstance(pattern, URLPattern):
                yield prefix + str(pattern.pattern), f"{namespace}{pattern.name}", pattern

    routes = []
    for route, name, pattern in walk(get_resolver().url_patterns):
        if not route.startswith("admin/"):
            continue
        converters = set(re.findall(r"<(?:\w+:)?(\w+)>", route))
        if name == "wagtailadmin_api:pages:detail" or name == "wagtailadmin_api:pages:action":
            routes.append((route, name))
        elif "api/" in route:
            continue
        elif converters & PAGE_KWARGS - {"pk"} or "revisions/compare" in route:
            routes.append((route, name))
    return routes


def snapshot():
    """Everything an admin action on a page could change."""
    return {
        "pages": list(
            Page.objects.order_by("pk").values_list(
                "pk",
                "path",
                "title",
                "slug",
                "live",
                "has_unpublished_changes",
                "locked",
                "locked_by",
                "latest_revision",
                "owner",
                "alias_of",
                "expire_at",
                "go_live_at",
            )
        ),
        "revisions": list(Revision.objects.order_by("pk").values_list("pk", "approved_go_live_at")),
        "page_log": PageLogEntry.objects.count(),
        "model_log": ModelLogEntry.objects.count(),
        "workflow_states": list(WorkflowState.objects.order_by("pk").values_list("pk", "status", "requested_by")),
        "task_states": list(TaskState.objects.order_by("pk").values_list("pk", "status")),
        "workflow_pages": list(WorkflowPage.objects.order_by("page").values_list("page", "workflow")),
        "restrictions": PageViewRestriction.objects.count(),
        "redirects": Redirect.objects.count(),
        "permissions": GroupPagePermission.objects.count(),
    }


class IsolationTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, (cls.a, cls.b, cls.c) = build_onboarded_region(3)

    def url_for(self, route, name, section, role_user=None, destination=None):
        """Fill the URL arguments of ``route`` with objects of ``section`` (the OPD under attack)."""
        target = section.draft
        if "parent_page_id" in route:
            target = section.news_index
        if name.endswith(":lock") or name.endswith(":unlock"):
            target = section.locked if name.endswith(":unlock") else section.live_news
        if name.endswith(":unpublish"):
            target = section.live_news
        values = {
            "page_id": target.pk,
            "parent_page_id": target.pk,
            "page_to_move_id": target.pk,
            "page_pk": section.opd.pk,
            "pk": target.pk,
            "revision_id": target.latest_revision_id,
            "destination_id": (destination or section).news_index.pk,
            "task_state_id": section.task_state.pk,
            "task_id": section.task_state.task_id,
            "workflow_state_id": section.workflow_state.pk,
            "workflow_pk": section.team.opd.workflowpage.workflow_id,
            "action_name": "approve",
            "content_type_app_name": "opd_pages",
            "content_type_model_name": "newspage",
        }
        if name == "wagtailadmin_api:pages:action":
            values["action_name"] = "copy"
        if "revisions/compare" in route:
            return reverse(name, args=[target.pk, "earliest", "latest"])
        wanted = set(re.findall(r"<(?:\w+:)?(\w+)>", route))
        missing = wanted - values.keys()
        self.assertFalse(missing, f"{name}: give the isolation test a value for {missing}")
        return reverse(name, kwargs={key: values[key] for key in wanted})

    def assertDenied(self, response, label):
        allowed = {403, 404, 405}
        if response.status_code == 302:
            self.assertEqual(response["Location"], reverse("wagtailadmin_home"), f"{label} redirected elsewhere")
        else:
            self.assertIn(response.status_code, allowed, f"{label} answered {response.status_code}")


class PageScopedUrlsTest(IsolationTestCase):
    def test_admin_url_enumeration_finds_the_page_scoped_views(self):
        names = {name for _route, name in admin_routes()}
        for expected in (
            "wagtailadmin_pages:edit",
            "wagtailadmin_pages:delete",
            "wagtailadmin_pages:move_confirm",
            "wagtailadmin_pages:copy",
            "wagtailadmin_pages:revisions_revert",
            "wagtailadmin_pages:revisions_compare",
            "wagtailadmin_pages:set_privacy",
            "wagtailadmin_pages:workflow_action",
            "wagtailadmin_pages:add_subpage",
            "wagtailadmin_pages:preview_on_edit",
            "wagtailadmin_pages:history",
            "wagtailadmin_api:pages:detail",
        ):
            with self.subTest(expected):
                self.assertIn(expected, names)
        self.assertGreaterEqual(len(names), 35)

    def test_editor_of_one_opd_is_denied_every_page_url_of_another_opd(self):
        for user in (self.a.admin, self.a.operator):
            self.client.force_login(user)
            for route, name in admin_routes():
                for target in (self.b, self.c):
                    url = self.url_for(route, name, target)
                    for method in ("get", "post"):
                        with self.subTest(user=user.username, url=url, method=method):
                            before = snapshot()
                            response = getattr(self.client, method)(url, {"title": "Dibajak", "slug": "dibajak"})
                            if name in CHOOSER_URL_NAMES and method == "get":
                                # Choosers may list published pages for linking, never drafts.
                                self.assertNotContains(response, target.draft.title)
                            else:
                                self.assertDenied(response, f"{method.upper()} {url}")
                            self.assertEqual(snapshot(), before, f"{method.upper()} {url} changed the database")

    def test_bulk_actions_on_another_opds_pages_are_denied(self):
        actions = ["delete", "publish", "unpublish", "move", "add_to_collection", "set_privacy", "add_tags"]
        self.client.force_login(self.a.admin)
        for action in actions:
            url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", action])
            for method in ("get", "post"):
                with self.subTest(action=action, method=method):
                    before = snapshot()
                    response = getattr(self.client, method)(
                        f"{url}?id={self.b.draft.pk}&id={self.b.live_news.pk}&next=/admin/",
                        {"move_applicable": "on", "chooser": self.a.news_index.pk},
                    )
                    if response.status_code == 200:
                        # Bulk views list only the pages the user may act on: B's must not be listed.
                        self.assertNotContains(response, self.b.draft.title)
                        self.assertNotContains(response, self.b.live_news.title)
                    else:
                        self.assertDenied(response, f"bulk {action}")
                    self.assertEqual(snapshot(), before)

    def test_copy_and_move_between_opds_are_denied_both_ways(self):
        self.client.force_login(self.a.admin)
        cases = [
            (
                "move B into A",
                reverse("wagtailadmin_pages:move_confirm", args=[self.b.live_news.pk, self.a.news_index.pk]),
            ),
            (
                "move A into B",
                reverse("wagtailadmin_pages:move_confirm", args=[self.a.live_news.pk, self.b.news_index.pk]),
            ),
        ]
        for label, url in cases:
            with self.subTest(label):
                before = snapshot()
                self.assertDenied(self.client.post(url), label)
                self.assertEqual(snapshot(), before)
        copy_cases = [
            ("copy B into A", self.b.live_news, self.a.news_index),
            ("copy A into B", self.a.live_news, self.b.news_index),
        ]
        for label, page, destination in copy_cases:
            with self.subTest(label):
                before = snapshot()
                response = self.client.post(
                    reverse("wagtailadmin_pages:copy", args=[page.pk]),
                    {"new_title": "Salinan", "new_slug": "salinan", "new_parent_page": destination.pk},
                )
                if response.status_code == 200:
                    self.assertContains(response, "new_parent_page")  # the form again, with an error
                else:
                    self.assertDenied(response, label)
                self.assertEqual(snapshot(), before, f"{label} changed the database")
        api_cases = [
            ("api copy A into B", self.a.live_news, {"destination_page_id": self.b.news_index.pk}, "copy"),
            ("api move A into B", self.a.live_news, {"destination_page_id": self.b.news_index.pk}, "move"),
            ("api copy B into A", self.b.live_news, {"destination_page_id": self.a.news_index.pk}, "copy"),
        ]
        for label, page, payload, action in api_cases:
            with self.subTest(label):
                before = snapshot()
                response = self.client.post(
                    reverse("wagtailadmin_api:pages:action", args=[page.pk, action]),
                    payload,
                    content_type="application/json",
                )
                self.assertIn(response.status_code, {400, 403, 404}, label)
                self.assertEqual(snapshot(), before, f"{label} changed the database")


class OwnPagesPositiveControlTest(IsolationTestCase):
    """The same URLs on the editor's own OPD work for every action the role allows."""

    #: Views that need a page of another kind (form pages, aliases, scheduled revisions).
    NOT_APPLICABLE = {
        "wagtailforms:list_submissions",
        "wagtailforms:list_submissions_results",
        "wagtailforms:delete_submissions",
        "wagtailadmin_pages:convert_alias",
        "wagtailadmin_pages:revisions_unschedule",
        "wagtailadmin_api:pages:action",
    }
    #: Needs publish (or workflow reviewer) rights: admins only.
    ADMIN_ONLY = {
        "wagtailadmin_pages:unpublish",
        "wagtailadmin_pages:lock",
        "wagtailadmin_pages:unlock",
        "wagtailadmin_pages:set_privacy",
        "wagtailadmin_pages:workflow_action",
        "wagtailadmin_pages:collect_workflow_action_data",
        "wagtailadmin_pages:workflow_preview",
        "wagtailadmin_pages:set_page_position",
    }
    POST_ONLY = {"wagtailadmin_pages:lock", "wagtailadmin_pages:unlock"}
    #: Diskominfo-only (workflow administration).
    PLATFORM_ONLY = {"wagtailadmin_workflows:remove"}

    def test_own_pages_are_reachable_for_the_actions_each_role_holds(self):
        for role, user in (("admin", self.a.admin), ("operator", self.a.operator)):
            self.client.force_login(user)
            for route, name in admin_routes():
                if name in self.NOT_APPLICABLE:
                    continue
                url = self.url_for(route, name, self.a, destination=self.a)
                expected = name not in self.PLATFORM_ONLY and (role == "admin" or name not in self.ADMIN_ONLY)
                with self.subTest(role=role, url=url):
                    response = self.client.post(url) if name in self.POST_ONLY else self.client.get(url)
                    if expected:
                        self.assertIn(response.status_code, {200, 302}, url)
                        if response.status_code == 302:
                            self.assertNotEqual(response["Location"], reverse("wagtailadmin_home"), url)
                    else:
                        self.assertDenied(response, url)

    def test_admin_can_edit_lock_and_publish_own_pages(self):
        self.client.force_login(self.a.admin)
        response = self.client.post(reverse("wagtailadmin_pages:lock", args=[self.a.live_news.pk]))
        self.assertEqual(response.status_code, 302)
        self.a.live_news.refresh_from_db()
        self.assertTrue(self.a.live_news.locked)
        response = self.client.post(reverse("wagtailadmin_pages:unpublish", args=[self.a.live_news.pk]))
        self.a.live_news.refresh_from_db()
        self.assertFalse(self.a.live_news.live)

    def test_operator_saves_a_draft_but_cannot_publish(self):
        self.client.force_login(self.a.operator)
        page = self.a.draft
        response = self.client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        self.assertEqual(response.status_code, 200)
        self.assertFalse(page.permissions_for_user(self.a.operator).can_publish())
        self.assertTrue(page.permissions_for_user(self.a.operator).can_edit())
        self.assertTrue(self.a.draft.permissions_for_user(self.a.admin).can_publish())
        published = self.a.live_news.permissions_for_user(self.a.operator)
        self.assertFalse(published.can_unpublish())
        self.assertFalse(published.can_delete())
        self.assertFalse(published.can_lock())


class ReadPathsTest(IsolationTestCase):
    def assertShowsNothingOfB(self, response, label, live_allowed=False):
        self.assertEqual(response.status_code, 200, label)
        content = response.content.decode()
        self.assertNotIn(self.b.draft.title, content, f"{label} shows B's draft")
        self.assertNotIn(self.c.draft.title, content, f"{label} shows C's draft")
        if not live_allowed:
            self.assertNotIn(self.b.locked.title, content, f"{label} shows B's pages")

    def test_page_chooser_browse_and_search_hide_other_opds_drafts(self):
        self.client.force_login(self.a.operator)
        browse = self.client.get(reverse("wagtailadmin_choose_page_child", args=[self.b.news_index.pk]))
        self.assertShowsNothingOfB(browse, "chooser browse", live_allowed=True)
        self.assertContains(browse, self.b.live_news.title)  # published pages may be linked to
        search = self.client.get(reverse("wagtailadmin_choose_page_search"), {"q": "Draf"})
        self.assertShowsNothingOfB(search, "chooser search", live_allowed=True)
        own = self.client.get(reverse("wagtailadmin_choose_page_search"), {"q": "Draf"})
        self.assertContains(own, self.a.draft.title)

    def test_admin_search_and_explorer_hide_other_opds(self):
        self.client.force_login(self.a.admin)
        for url in (
            reverse("wagtailadmin_pages:search") + "?q=Draf",
            reverse("wagtailadmin_pages:search_results") + "?q=Halaman",
            reverse("wagtailadmin_explore", args=[self.home.pk]),
        ):
            with self.subTest(url):
                self.assertShowsNothingOfB(self.client.get(url, follow=True), url)
        self.assertContains(self.client.get(reverse("wagtailadmin_pages:search") + "?q=Draf"), self.a.draft.title)

    def test_reports_hide_other_opds(self):
        self.client.force_login(self.a.admin)
        Page.objects.filter(pk=self.a.live_news.pk).update(locked=True, locked_by=self.a.admin)
        for name in (
            "wagtailadmin_reports:locked_pages",
            "wagtailadmin_reports:aging_pages",
            "wagtailadmin_reports:site_history",
            "wagtailadmin_reports:workflow",
            "wagtailadmin_reports:workflow_tasks",
        ):
            with self.subTest(name):
                response = self.client.get(reverse(name))
                if response.status_code == 302:
                    self.assertEqual(response["Location"], reverse("wagtailadmin_home"))
                    continue
                self.assertShowsNothingOfB(response, name)
        self.assertContains(self.client.get(reverse("wagtailadmin_reports:locked_pages")), self.a.live_news.title)

    def test_admin_pages_api_hides_other_opds_drafts(self):
        self.client.force_login(self.a.operator)
        listing = self.client.get(
            reverse("wagtailadmin_api:pages:listing"), {"child_of": self.b.news_index.pk, "fields": "title"}
        )
        self.assertNotContains(listing, self.b.draft.title, status_code=listing.status_code)
        search = self.client.get(reverse("wagtailadmin_api:pages:listing"), {"search": "Draf"})
        self.assertNotContains(search, self.b.draft.title, status_code=search.status_code)
        detail = self.client.get(reverse("wagtailadmin_api:pages:detail", args=[self.b.draft.pk]))
        self.assertEqual(detail.status_code, 404)
        own = self.client.get(reverse("wagtailadmin_api:pages:detail", args=[self.a.draft.pk]))
        self.assertEqual(own.status_code, 200)

    def test_image_and_document_choosers_hide_other_opds_media(self):
        self.client.force_login(self.a.operator)
        for url in (reverse("wagtailimages_chooser:choose"), reverse("wagtailimages_chooser:choose_results")):
            with self.subTest(url):
                response = self.client.get(url)
                self.assertContains(response, self.a.image.title)
                self.assertNotContains(response, self.b.image.title)
        for url in (reverse("wagtaildocs_chooser:choose"), reverse("wagtaildocs_chooser:choose_results")):
            with self.subTest(url):
                response = self.client.get(url)
                self.assertContains(response, self.a.document.title)
                self.assertNotContains(response, self.b.document.title)
        for name, obj in (
            ("wagtailimages_chooser:chosen", self.b.image),
            ("wagtaildocs_chooser:chosen", self.b.document),
            ("wagtailimages:edit", self.b.image),
            ("wagtaildocs:edit", self.b.document),
            ("wagtailimages:delete", self.b.image),
        ):
            with self.subTest(name):
                response = self.client.get(reverse(name, args=[obj.pk]))
                self.assertDenied(response, name)
        own = self.client.get(reverse("wagtailimages_chooser:chosen", args=[self.a.image.pk]))
        self.assertEqual(own.status_code, 200)

    def test_image_and_document_listings_hide_other_opds_media(self):
        self.client.force_login(self.a.admin)
        self.assertNotContains(self.client.get(reverse("wagtailimages:index")), self.b.image.title)
        self.assertNotContains(self.client.get(reverse("wagtaildocs:index")), self.b.document.title)


class GroupPermissionsTest(IsolationTestCase):
    def test_no_opd_group_holds_user_management_or_root_page_permissions(self):
        root_and_home = [Page.get_first_root_node().pk, self.home.pk]
        for team in OpdTeam.objects.all():
            for group in (team.admin_group, team.operator_group):
                with self.subTest(group=group.name):
                    codenames = set(group.permissions.values_list("codename", flat=True))
                    self.assertFalse(codenames & USER_MANAGEMENT_CODENAMES)
                    self.assertFalse(
                        GroupPagePermission.objects.filter(group=group, page_id__in=root_and_home).exists()
                    )
                    pages = GroupPagePermission.objects.filter(group=group).values_list("page", flat=True)
                    self.assertEqual(set(pages), {team.opd.pk})

    def test_opd_editors_cannot_reach_user_and_group_management(self):
        self.client.force_login(self.a.admin)
        for name in ("wagtailusers_users:index", "wagtailusers_groups:index", "wagtailusers_users:add"):
            with self.subTest(name):
                self.assertDenied(self.client.get(reverse(name)), name)

    def test_groups_exist_for_every_team(self):
        self.assertEqual(Group.objects.filter(name__endswith="— Admin").count(), 3)

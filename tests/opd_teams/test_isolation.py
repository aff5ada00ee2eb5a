"""An editor of OPD A, and humas, can never read or change OPD B: every admin URL, tried.

The admin URL patterns are enumerated from the resolver and classified by the route table
(:mod:`opd_teams.admin_routes`): a route carrying an argument that the table does not know
fails the test, so a view added by Wagtail or by us is swept as soon as it exists.
The attacker (OPD A's operator, OPD A's admin, humas) fills every route with OPD B's ids:
drafts in moderation, a live page with a newer draft, password- and login-restricted pages,
private-collection images and documents, a tag used only on B's draft. No response may
contain any of B's secrets, page-, media- and bulk-scoped routes must be refused, and the
database and the audit log stay unchanged except for the denial records.
"""

from django.contrib.auth.models import Group
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    CollectionViewRestriction,
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

from audit.models import AuditEvent
from opd_teams import admin_routes
from opd_teams.models import HUMAS_GROUP, OpdTeam
from opd_teams.roles import USER_MANAGEMENT_CODENAMES
from tests.factories.opd_pages import NewsPageFactory
from tests.factories.opd_teams import UserFactory

from .helpers import build_onboarded_region, image_file_stub

SCOPED_KINDS = {admin_routes.PAGE, admin_routes.IMAGE, admin_routes.DOCUMENT}


def routes_with_arguments():
    """(route, name, scope) of every admin route whose URL carries an argument."""
    return [
        (route, name, admin_routes.scope_for(name))
        for route, name in admin_routes.admin_routes()
        if admin_routes.url_arguments(route)
    ]


def snapshot():
    """Everything an admin action could change (the audit log without its denial records)."""
    return {
        "pages": list(
            Page.objects.order_by("pk").values_list(
                "pk",
                "path",
                "title",
                "draft_title",
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
        "audit": AuditEvent.objects.exclude(outcome="denied").count(),
        "workflow_states": list(WorkflowState.objects.order_by("pk").values_list("pk", "status", "requested_by")),
        "task_states": list(TaskState.objects.order_by("pk").values_list("pk", "status")),
        "workflow_pages": list(WorkflowPage.objects.order_by("page").values_list("page", "workflow")),
        "restrictions": PageViewRestriction.objects.count(),
        "collection_restrictions": CollectionViewRestriction.objects.count(),
        "redirects": Redirect.objects.count(),
        "permissions": GroupPagePermission.objects.count(),
        "images": list(get_image_model().objects.order_by("pk").values_list("pk", "title", "collection")),
        "documents": list(get_document_model().objects.order_by("pk").values_list("pk", "title", "collection")),
        "users": list(Group.objects.order_by("pk").values_list("pk", "user")),
    }


def add_secrets(section):
    """OPD pages and media an outsider must never see, kept on ``section.secrets`` (strings)."""
    acronym = section.opd.acronym
    news = section.live_news
    news.title = f"Judul draf baru {acronym}"
    news.save_revision(user=section.admin)
    section.live_news = Page.objects.get(pk=news.pk).specific
    section.password_page = NewsPageFactory(parent=section.news_index, title=f"Halaman bersandi {acronym}")
    section.password_page.save_revision(user=section.admin).publish()
    PageViewRestriction.objects.create(
        page=section.password_page, restriction_type=PageViewRestriction.PASSWORD, password="rahasia"
    )
    section.login_page = NewsPageFactory(parent=section.news_index, title=f"Halaman khusus pegawai {acronym}")
    section.login_page.save_revision(user=section.admin).publish()
    PageViewRestriction.objects.create(page=section.login_page, restriction_type=PageViewRestriction.LOGIN)
    private = section.team.collection.add_child(name=f"Rahasia {acronym}")
    CollectionViewRestriction.objects.create(collection=private, restriction_type=CollectionViewRestriction.LOGIN)
    section.private_image = get_image_model().objects.create(
        title=f"Foto koleksi tertutup {acronym}",
        collection=private,
        file=section.image.file.name,
        width=section.image.width,
        height=section.image.height,
    )
    section.private_document = get_document_model().objects.create(
        title=f"Dokumen koleksi tertutup {acronym}",
        collection=private,
        file=image_file_stub(f"tertutup-{acronym}"),
    )
    draft = section.draft.specific
    draft.tags.add(f"labelrahasia{acronym.lower()}")
    draft.save()
    section.draft = Page.objects.get(pk=draft.pk).specific
    section.secret_tag = f"labelrahasia{acronym.lower()}"
    section.pages = {
        "draft in moderation": section.draft,
        "live with newer draft": section.live_news,
        "password page": section.password_page,
        "login page": section.login_page,
    }
    section.secrets = [
        section.draft.title,
        f"Judul draf baru {acronym}",
        section.password_page.title,
        section.login_page.title,
        section.image.title,
        section.document.title,
        section.private_image.title,
        section.private_document.title,
        section.private_document.file.name,
        section.secret_tag,
    ]


class IsolationTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, (cls.a, cls.b, cls.c) = build_onboarded_region(3)
        for section in (cls.a, cls.b, cls.c):
            add_secrets(section)
        cls.humas = UserFactory(username="humas.uji", email="humas.uji@contohkab.go.id")
        cls.humas.groups.add(Group.objects.get(name=HUMAS_GROUP))

    def attackers(self):
        return (("operator", self.a.operator), ("admin", self.a.admin), ("humas", self.humas))

    def values_for(self, scope, section, target, destination=None):
        """URL argument values naming ``section``'s objects (``target``: the page under attack)."""
        obj_pk = {
            admin_routes.IMAGE: section.private_image.pk,
            admin_routes.DOCUMENT: section.private_document.pk,
        }.get(scope.kind if scope else None, target.pk)
        return {
            "page_id": target.pk,
            "parent_page_id": target.pk,
            "page_to_move_id": target.pk,
            "page_pk": target.pk,
            "pk": obj_pk,
            "object_id": target.pk,
            "image_id": section.private_image.pk,
            "document_id": section.private_document.pk,
            "doc_id": section.private_document.pk,
            "uploaded_file_id": 1,
            "mail_id": 1,
            "attachment_pk": 1,
            "run_id": 1,
            "item_id": 1,
            "revision_id": target.latest_revision_id,
            "destination_id": (destination or section).news_index.pk,
            "task_state_id": section.task_state.pk,
            "task_id": section.task_state.task_id,
            "workflow_state_id": section.workflow_state.pk,
            "workflow_pk": section.team.opd.workflowpage.workflow_id,
            "collection_id": section.private_image.collection_id,
            "team_id": section.team.pk,
            "user_id": section.admin.pk,
            "redirect_id": 1,
            "query_id": 1,
            "session_id": 1,
            "filter_spec": "original",
            "action_name": "approve",
            "app_label": "wagtailcore",
            "model_name": "page",
            "app_name": "opd_pages",
            "content_type_app_name": "opd_pages",
            "content_type_model_name": "newspage",
            "outcome": "featured",
            "action": "delete",
            "uidb64": "MQ",
            "token": "abc-123",
        }

    def url_for(self, route, name, scope, section, target, destination=None):
        if "revisions/compare" in route:
            return reverse(name, args=[target.pk, "earliest", "latest"])
        values = self.values_for(scope, section, target, destination)
        if name == "wagtailadmin_api:pages:action":
            values["action_name"] = "copy"
        if name.startswith("wagtailsettings:"):
            values.update(app_name="home", model_name="regionsettings")
        wanted = [arg for arg in admin_routes.url_arguments(route) if not arg.startswith("#")]
        missing = set(wanted) - values.keys()
        self.assertFalse(missing, f"{name}: give the isolation test a value for {missing}")
        return reverse(name, kwargs={key: values[key] for key in wanted})

    def assertDenied(self, response, label):
        allowed = {403, 404, 405}
        if response.status_code == 302:
            self.assertEqual(response["Location"], reverse("wagtailadmin_home"), f"{label} redirected elsewhere")
        else:
            self.assertIn(response.status_code, allowed, f"{label} answered {response.status_code}")

    def assertNoSecrets(self, response, sections, label):
        content = response.content.decode(errors="replace")
        if response.get("Location"):
            content += response["Location"]
        for section in sections:
            for secret in section.secrets:
                self.assertNotIn(secret, content, f"{label} leaks {secret!r}")


class RouteTableTest(TestCase):
    def test_every_admin_route_with_an_argument_is_classified(self):
        unclassified = [name for _route, name, scope in routes_with_arguments() if scope is None]
        self.assertEqual(unclassified, [], "classify these routes in opd_teams/admin_routes.py")
        for _route, name, scope in routes_with_arguments():
            with self.subTest(name):
                if scope.kind == admin_routes.NOT_SCOPED:
                    self.assertTrue(scope.reason, f"{name}: say why it is not page-scoped")
                else:
                    self.assertIsNotNone(scope.arg or scope.kind == admin_routes.BULK)

    def test_the_table_knows_the_routes_that_escaped_the_old_argument_list(self):
        card = admin_routes.scope_for("monitoring:opd")  # the OPD card checks its own access (test_access)
        self.assertEqual(card.kind, admin_routes.NOT_SCOPED)
        self.assertIn("can_view_opd_card", card.reason)
        ping = admin_routes.scope_for("wagtailadmin_editing_sessions:ping")
        self.assertEqual(ping.kind, admin_routes.PAGE)
        self.assertEqual(
            admin_routes.object_id(ping, (), {"app_label": "wagtailcore", "model_name": "page", "object_id": "7"}), "7"
        )
        self.assertIsNone(
            admin_routes.object_id(ping, (), {"app_label": "home", "model_name": "quicklink", "object_id": "7"})
        )
        self.assertGreaterEqual(len(routes_with_arguments()), 120)

    def test_the_middleware_enforces_the_same_table(self):
        from opd_teams import middleware

        self.assertIs(middleware.admin_routes.scope_for, admin_routes.scope_for)


class SweepTest(IsolationTestCase):
    def sweep(self, role, user):
        """Every admin route with an argument, filled with B's objects, GET and POST, for ``user``."""
        self.client.force_login(user)
        requests = 0
        for route, name, scope in routes_with_arguments():
            if name == "wagtail_bulk_action":
                continue  # swept with ?id= below
            targets = self.b.pages.items() if "page" in route or scope.kind != admin_routes.NOT_SCOPED else []
            targets = list(targets) or [("draft in moderation", self.b.draft)]
            before = snapshot()
            for label, target in targets:
                url = self.url_for(route, name, scope, self.b, target, destination=self.a)
                for method in ("get", "post"):
                    with self.subTest(role=role, url=url, target=label, method=method):
                        response = getattr(self.client, method)(url, {"title": "Dibajak", "slug": "dibajak"})
                        requests += 1
                        self.assertNoSecrets(response, [self.b], f"{role} {method.upper()} {url}")
                        published_ok = scope.kind == admin_routes.CHOOSABLE and label == "live with newer draft"
                        if scope.kind in SCOPED_KINDS or (scope.kind == admin_routes.CHOOSABLE and not published_ok):
                            self.assertDenied(response, f"{role} {method.upper()} {url}")
            self.assertEqual(snapshot(), before, f"{role} on {name} changed the database")
        return requests

    def test_opd_operator_sweep(self):
        self.assertGreater(self.sweep("operator", self.a.operator), 500)

    def test_opd_admin_sweep(self):
        self.assertGreater(self.sweep("admin", self.a.admin), 500)

    def test_humas_sweep(self):
        self.assertGreater(self.sweep("humas", self.humas), 500)

    def test_denials_are_audited(self):
        self.client.force_login(self.a.operator)
        before = AuditEvent.objects.filter(outcome="denied", action="admin.denied").count()
        self.client.get(reverse("wagtailadmin_pages:edit", args=[self.b.draft.pk]))
        self.client.get(reverse("wagtailimages_chooser:select_format", args=[self.b.private_image.pk]))
        self.assertEqual(AuditEvent.objects.filter(outcome="denied", action="admin.denied").count(), before + 2)
        event = AuditEvent.objects.filter(action="admin.denied").latest("pk")
        self.assertEqual(event.user, self.a.operator)
        self.assertEqual(event.details["route"], "wagtailimages_chooser:select_format")

    def test_bulk_actions_on_another_opds_objects_are_refused_and_list_nothing(self):
        cases = [
            ("wagtailcore", "page", [p.pk for p in self.b.pages.values()]),
            ("wagtailimages", "image", [self.b.image.pk, self.b.private_image.pk]),
            ("wagtaildocs", "document", [self.b.document.pk, self.b.private_document.pk]),
        ]
        actions = {
            "page": ["delete", "publish", "unpublish", "move", "set_privacy", "add_tags"],
            "image": ["delete", "add_to_collection", "add_tags"],
            "document": ["delete", "add_to_collection", "add_tags"],
        }
        for role, user in self.attackers():
            self.client.force_login(user)
            for app_label, model_name, ids in cases:
                for action in actions[model_name]:
                    url = reverse("wagtail_bulk_action", args=[app_label, model_name, action])
                    query = "&".join(f"id={pk}" for pk in ids)
                    for method in ("get", "post"):
                        with self.subTest(role=role, model=model_name, action=action, method=method):
                            before = snapshot()
                            response = getattr(self.client, method)(
                                f"{url}?{query}&next=/admin/",
                                {"move_applicable": "on", "chooser": self.a.news_index.pk, "tags": "dibajak"},
                            )
                            self.assertNoSecrets(response, [self.b], f"bulk {model_name} {action}")
                            self.assertDenied(response, f"bulk {model_name} {action}")
                            self.assertEqual(snapshot(), before)

    def test_positive_control_bulk_confirmation_on_own_pages(self):
        self.client.force_login(self.a.admin)
        url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "unpublish"])
        response = self.client.get(f"{url}?id={self.a.live_news.pk}&next=/admin/")
        self.assertEqual(response.status_code, 200)
        url = reverse("wagtail_bulk_action", args=["wagtailimages", "image", "add_tags"])
        self.assertEqual(self.client.get(f"{url}?id={self.a.image.pk}&next=/admin/").status_code, 200)

    def test_admin_api_listing_and_detail_show_nothing_of_b(self):
        listings = [
            (reverse("wagtailadmin_api:pages:listing"), {"child_of": self.b.news_index.pk}),
            (reverse("wagtailadmin_api:pages:listing"), {"search": "Draf"}),
            (reverse("wagtailadmin_api:pages:listing"), {"descendant_of": self.home.pk, "limit": 500}),
            (reverse("wagtailadmin_api:images:listing"), {"limit": 500}),
            (reverse("wagtailadmin_api:documents:listing"), {"limit": 500}),
        ]
        details = [reverse("wagtailadmin_api:pages:detail", args=[page.pk]) for page in self.b.pages.values()] + [
            reverse("wagtailadmin_api:images:detail", args=[self.b.private_image.pk]),
            reverse("wagtailadmin_api:images:detail", args=[self.b.image.pk]),
            reverse("wagtailadmin_api:documents:detail", args=[self.b.private_document.pk]),
            reverse("wagtailadmin_api:documents:detail", args=[self.b.document.pk]),
        ]
        for role, user in self.attackers():
            self.client.force_login(user)
            for url, params in listings:
                with self.subTest(role=role, url=url, params=params):
                    self.assertNoSecrets(self.client.get(url, params), [self.b, self.c], f"{role} {url}")
            for url in details:
                with self.subTest(role=role, url=url):
                    response = self.client.get(url)
                    self.assertNoSecrets(response, [self.b, self.c], f"{role} {url}")
                    self.assertIn(response.status_code, {302, 403, 404})
        # Positive control: the operator reads its own OPD's draft and media.
        self.client.force_login(self.a.operator)
        self.assertContains(self.client.get(reverse("wagtailadmin_api:pages:detail", args=[self.a.draft.pk])), "id")
        self.assertContains(self.client.get(reverse("wagtailadmin_api:images:listing")), self.a.image.title)
        self.assertContains(self.client.get(reverse("wagtailadmin_api:documents:listing")), self.a.document.title)

    def test_tag_autocomplete_suggests_no_tag_of_another_opds_draft(self):
        for role, user in self.attackers():
            self.client.force_login(user)
            for url in (
                reverse("wagtailadmin_tag_autocomplete"),
                reverse("wagtailadmin_tag_model_autocomplete", args=["taggit", "tag"]),
            ):
                with self.subTest(role=role, url=url):
                    response = self.client.get(url, {"term": "labelrahasia"})
                    self.assertEqual(response.status_code, 200)
                    self.assertNotIn(self.b.secret_tag, response.json())
        self.client.force_login(self.a.operator)
        response = self.client.get(reverse("wagtailadmin_tag_autocomplete"), {"term": "labelrahasia"})
        self.assertIn(self.a.secret_tag, response.json())  # positive control: own draft's tag

    def test_choosers_show_other_opds_pages_only_published_with_published_titles(self):
        for role, user in self.attackers():
            self.client.force_login(user)
            for url, params in (
                (reverse("wagtailadmin_choose_page_child", args=[self.b.news_index.pk]), {}),
                (reverse("wagtailadmin_choose_page_search"), {"q": "Berita"}),
                (reverse("wagtailadmin_choose_page_search"), {"q": "Judul"}),
                (reverse("wagtailadmin_choose_page_search"), {"q": "Halaman"}),
                (reverse("published_page_chooser:choose"), {}),
                (reverse("published_page_chooser:choose_results"), {"q": "Berita"}),
                (reverse("published_page_chooser:chosen", args=[self.b.live_news.pk]), {}),
            ):
                with self.subTest(role=role, url=url, params=params):
                    response = self.client.get(url, params)
                    self.assertNoSecrets(response, [self.b, self.c], f"{role} {url}")
            browse = self.client.get(reverse("wagtailadmin_choose_page_child", args=[self.b.news_index.pk]))
            self.assertContains(browse, self.b.live_news.title)  # the published title, to link to
            for page in (self.b.draft, self.b.password_page, self.b.login_page):
                with self.subTest(role=role, header=page.title):
                    self.assertDenied(
                        self.client.get(reverse("wagtailadmin_choose_page_child", args=[page.pk])), "chooser header"
                    )
                    self.assertDenied(
                        self.client.get(reverse("published_page_chooser:chosen", args=[page.pk])), "Sorotan chosen"
                    )
        self.client.force_login(self.a.operator)
        own = self.client.get(reverse("wagtailadmin_choose_page_child", args=[self.a.news_index.pk]))
        self.assertContains(own, self.a.draft.title)
        self.assertContains(own, f"Judul draf baru {self.a.opd.acronym}")  # own drafts keep their draft title

    def test_image_chooser_format_step_and_chosen_views_refuse_other_opds_media(self):
        for role, user in self.attackers():
            self.client.force_login(user)
            for url in (
                reverse("wagtailimages_chooser:select_format", args=[self.b.private_image.pk]),
                reverse("wagtailimages_chooser:select_format", args=[self.b.image.pk]),
                reverse("wagtailimages_chooser:chosen", args=[self.b.private_image.pk]),
                reverse("wagtaildocs_chooser:chosen", args=[self.b.private_document.pk]),
            ):
                with self.subTest(role=role, url=url):
                    response = self.client.get(url)
                    self.assertDenied(response, url)
                    self.assertNoSecrets(response, [self.b], url)
        self.client.force_login(self.a.operator)
        own = self.client.get(reverse("wagtailimages_chooser:select_format", args=[self.a.private_image.pk]))
        self.assertContains(own, self.a.private_image.title)


class CopyAndMoveTest(IsolationTestCase):
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
        "wagtailadmin_editing_sessions:ping",  # needs an editing session: answers 404 without one
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
    #: Diskominfo-only (workflow administration) and humas-only (front-page curation).
    PLATFORM_ONLY = {"wagtailadmin_workflows:remove", "home_proposal_decide"}
    POST_ONLY = {"wagtailadmin_pages:lock", "wagtailadmin_pages:unlock"}

    def page_for(self, name, route):
        if "parent_page_id" in route:
            return self.a.news_index
        if name.endswith(":unlock"):
            return self.a.locked
        if name.endswith(":lock") or name.endswith(":unpublish"):
            return self.a.live_news
        if name == "monitoring:opd":
            return self.a.opd
        return self.a.draft

    def test_own_pages_are_reachable_for_the_actions_each_role_holds(self):
        for role, user in (("admin", self.a.admin), ("operator", self.a.operator)):
            self.client.force_login(user)
            for route, name, scope in routes_with_arguments():
                if name in self.NOT_APPLICABLE or scope.kind != admin_routes.PAGE:
                    continue
                url = self.url_for(route, name, scope, self.a, self.page_for(name, route), destination=self.a)
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
        Page.objects.filter(pk=self.a.live_news.pk).update(
            locked=True, locked_by=self.a.admin, locked_at=timezone.now()
        )
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
        self.assertContains(self.client.get(reverse("wagtailadmin_reports:locked_pages")), self.a.live_news.draft_title)

    def test_page_type_usage_listings_hide_other_opds_drafts(self):
        self.client.force_login(self.a.admin)
        for url in (
            reverse("wagtailadmin_pages:type_use", args=["opd_pages", "newspage"]),
            reverse("wagtailadmin_pages:type_use_results", args=["opd_pages", "newspage"]),
            reverse("wagtailadmin_reports:page_types_usage"),
        ):
            with self.subTest(url):
                response = self.client.get(url)
                if response.status_code == 302:
                    self.assertEqual(response["Location"], reverse("wagtailadmin_home"))
                    continue
                self.assertShowsNothingOfB(response, url)

    def test_admin_pages_api_hides_other_opds_drafts(self):
        self.client.force_login(self.a.operator)
        listing = self.client.get(
            reverse("wagtailadmin_api:pages:listing"), {"child_of": self.b.news_index.pk, "fields": "title"}
        )
        self.assertNotContains(listing, self.b.draft.title, status_code=listing.status_code)
        search = self.client.get(reverse("wagtailadmin_api:pages:listing"), {"search": "Draf"})
        self.assertNotContains(search, self.b.draft.title, status_code=search.status_code)
        detail = self.client.get(reverse("wagtailadmin_api:pages:detail", args=[self.b.draft.pk]))
        self.assertIn(detail.status_code, {302, 404})  # the page-scope middleware answers first
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

    def test_opd_editors_cannot_change_the_regional_home(self):
        home_news = [
            ("wagtailadmin_pages:edit", [self.home.pk]),
            ("wagtailadmin_pages:delete", [self.home.pk]),
            ("wagtailadmin_pages:unpublish", [self.home.pk]),
            ("wagtailadmin_pages:add_subpage", [self.home.pk]),
            ("wagtailadmin_pages:add", ["opd_pages", "opdhomepage", self.home.pk]),
            ("wagtailadmin_pages:set_privacy", [self.home.pk]),
            ("wagtailadmin_pages:lock", [self.home.pk]),
            ("wagtailadmin_pages:move_confirm", [self.a.opd.pk, self.b.opd.pk]),
            ("wagtailadmin_pages:move_confirm", [self.a.news_index.pk, self.home.pk]),
            ("wagtailadmin_pages:delete", [self.a.opd.pk]),
        ]
        for user in (self.a.admin, self.a.operator):
            self.client.force_login(user)
            for name, args in home_news:
                for method in ("get", "post"):
                    with self.subTest(user=user.username, name=name, args=args, method=method):
                        before = snapshot()
                        response = getattr(self.client, method)(reverse(name, args=args), {"title": "Dibajak"})
                        self.assertDenied(response, name)
                        self.assertEqual(snapshot(), before)

    def test_groups_exist_for_every_team(self):
        self.assertEqual(Group.objects.filter(name__endswith="— Admin").count(), 3)


class ChooserBreadcrumbTest(IsolationTestCase):
    """The page chooser's breadcrumb names the ancestors of the page being browsed."""

    def test_breadcrumb_shows_published_titles_of_another_opds_pages(self):
        """Wagtail labels them with draft titles (opd_teams' chooser/_browse_results.html)."""
        opd_home = self.b.news_index.get_parent().specific
        published_title = opd_home.title
        opd_home.title = "Beranda draf rahasia B"
        opd_home.save_revision(user=self.b.admin)
        url = reverse("wagtailadmin_choose_page_child", args=[self.b.news_index.pk])
        for role, user in self.attackers():
            with self.subTest(role=role):
                self.client.force_login(user)
                response = self.client.get(url)
                self.assertEqual(response.status_code, 200)
                self.assertNotContains(response, "Beranda draf rahasia B")
                if role == "humas":  # a regional editor's breadcrumb runs through B's section
                    self.assertContains(response, published_title)
        self.client.force_login(self.b.operator)  # positive control: B's own team sees its draft title
        self.assertContains(self.client.get(url), "Beranda draf rahasia B")

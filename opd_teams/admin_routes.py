"""Every admin route, classified: which object its URL names and who checks access to it.

:data:`ROUTES` maps each admin URL name that carries an object id to a :class:`Scope`:

* ``PAGE``: the URL names a page (argument ``arg``: a keyword such as ``page_id``/``pk``, a
  position for regex routes, or a function of the URL arguments); the page must be
  *explorable* for the user (a permission on it, or an ancestor of such a page);
* ``CHOOSABLE``: a page offered for linking or featuring: it must be published and public,
  or explorable;
* ``IMAGE`` / ``DOCUMENT``: the user must hold a permission in the file's collection;
* ``BULK``: ids in the query string (``?id=``): each must pass the check of its model;
* ``NOT_SCOPED``: no OPD-owned object, or the view's own check suffices; ``reason`` says why.

Routes whose URL carries no argument at all name no object (listings, which Wagtail filters
by permission; forms). :class:`opd_teams.middleware.AdminPageScopeMiddleware` enforces the
table in front of every view; ``tests/opd_teams/test_isolation.py`` fails for an admin
route carrying an argument that the table does not classify, and sweeps each one.
"""

import dataclasses
import re
from collections.abc import Callable

from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver

PAGE = "page"
CHOOSABLE = "choosable page"
IMAGE = "image"
DOCUMENT = "document"
BULK = "bulk"
NOT_SCOPED = "not page-scoped"


@dataclasses.dataclass(frozen=True)
class Scope:
    kind: str
    arg: str | int | Callable | None = None
    reason: str = ""


def not_scoped(reason):
    return Scope(NOT_SCOPED, reason=reason)


def page_of_editing_session(args, kwargs):
    """Wagtail's editing-sessions ping names ``app_label/model_name/object_id``: a page when the model is one."""
    from wagtail.models import Page

    try:
        model = apps.get_model(kwargs["app_label"], kwargs["model_name"])
    except (LookupError, KeyError):
        return None
    if issubclass(model, Page):
        return kwargs.get("object_id")
    return None


def page(arg):
    return Scope(PAGE, arg)


MODEL_PERMISSION = "Wagtail checks a model permission no OPD group holds"

ROUTES = {
    # Pages: explorer, editor, actions, history, workflows
    "wagtailadmin_explore": page("parent_page_id"),
    "wagtailadmin_explore_results": page("parent_page_id"),
    "wagtailadmin_pages:add": page("parent_page_id"),
    "wagtailadmin_pages:preview_on_add": page("parent_page_id"),
    "wagtailadmin_pages:add_subpage": page("parent_page_id"),
    "wagtailadmin_pages:usage": page("page_id"),
    "wagtailadmin_pages:edit": page("page_id"),
    "wagtailadmin_pages:preview_on_edit": page("page_id"),
    "wagtailadmin_pages:view_draft": page("page_id"),
    "wagtailadmin_pages:delete": page("page_id"),
    "wagtailadmin_pages:unpublish": page("page_id"),
    "wagtailadmin_pages:convert_alias": page("page_id"),
    "wagtailadmin_pages:move": page("page_to_move_id"),
    "wagtailadmin_pages:move_confirm": page("page_to_move_id"),  # destination: before_move_page hook
    "wagtailadmin_pages:set_page_position": page("page_to_move_id"),
    "wagtailadmin_pages:copy": page("page_id"),
    "wagtailadmin_pages:workflow_action": page("page_id"),
    "wagtailadmin_pages:collect_workflow_action_data": page("page_id"),
    "wagtailadmin_pages:confirm_workflow_cancellation": page("page_id"),
    "wagtailadmin_pages:workflow_preview": page("page_id"),
    "wagtailadmin_pages:set_privacy": page("page_id"),
    "wagtailadmin_pages:lock": page("page_id"),
    "wagtailadmin_pages:unlock": page("page_id"),
    "wagtailadmin_pages:revisions_index": page("page_id"),
    "wagtailadmin_pages:revisions_view": page("page_id"),
    "wagtailadmin_pages:revisions_revert": page("page_id"),
    "wagtailadmin_pages:revisions_unschedule": page("page_id"),
    "wagtailadmin_pages:revisions_compare": page(0),
    "wagtailadmin_pages:workflow_history": page("page_id"),
    "wagtailadmin_pages:workflow_history_detail": page("page_id"),
    "wagtailadmin_pages:history": page("page_id"),
    "wagtailadmin_pages:history_results": page("page_id"),
    "wagtailadmin_pages:type_use": not_scoped("names a page type; the listing is filtered by the page policy"),
    "wagtailadmin_pages:type_use_results": not_scoped("names a page type; the listing is filtered by the page policy"),
    "wagtailadmin_pages:choose_parent": not_scoped("names a page type; offers only pages the user may add to"),
    "wagtailadmin_workflows:remove": page("page_pk"),
    "wagtailforms:list_submissions": page("page_id"),
    "wagtailforms:list_submissions_results": page("page_id"),
    "wagtailforms:delete_submissions": page("page_id"),
    "wagtailadmin_editing_sessions:ping": page(page_of_editing_session),
    "wagtailadmin_editing_sessions:release": not_scoped("an editing session of the requesting user only"),
    "monitoring:opd": not_scoped("an OPD card: monitoring.access.can_view_opd_card (Diskominfo or that OPD's admins)"),
    # Choosers and front-page curation: published public pages may be linked or featured
    "wagtailadmin_choose_page_child": Scope(CHOOSABLE, "parent_page_id"),
    "published_page_chooser:chosen": Scope(CHOOSABLE, "pk"),
    "home_proposal_decide": Scope(CHOOSABLE, "page_id"),
    # Admin API
    "wagtailadmin_api:pages:detail": page("pk"),
    "wagtailadmin_api:pages:action": page("pk"),
    "wagtailadmin_api:images:detail": Scope(IMAGE, "pk"),
    "wagtailadmin_api:documents:detail": Scope(DOCUMENT, "pk"),
    # Media
    "wagtailimages:edit": Scope(IMAGE, "image_id"),
    "wagtailimages:delete": Scope(IMAGE, "image_id"),
    "wagtailimages:url_generator": Scope(IMAGE, "image_id"),
    "wagtailimages:url_generator_output": Scope(IMAGE, "image_id"),
    "wagtailimages:preview": Scope(IMAGE, "image_id"),
    "wagtailimages:image_usage": Scope(IMAGE, "image_id"),
    "wagtailimages:edit_multiple": Scope(IMAGE, "image_id"),
    "wagtailimages:delete_multiple": Scope(IMAGE, "image_id"),
    "wagtailimages_chooser:chosen": Scope(IMAGE, "pk"),
    "wagtailimages_chooser:select_format": Scope(IMAGE, "image_id"),
    "wagtaildocs:edit": Scope(DOCUMENT, "document_id"),
    "wagtaildocs:delete": Scope(DOCUMENT, "document_id"),
    "wagtaildocs:edit_multiple": Scope(DOCUMENT, "doc_id"),
    "wagtaildocs:delete_multiple": Scope(DOCUMENT, "doc_id"),
    "wagtaildocs:document_usage": Scope(DOCUMENT, "document_id"),
    "wagtaildocs_chooser:chosen": Scope(DOCUMENT, "pk"),
    "wagtailimages:create_multiple_from_uploaded_image": not_scoped("an upload of the requesting user only"),
    "wagtailimages:delete_upload_multiple": not_scoped("an upload of the requesting user only"),
    "wagtaildocs:create_multiple_from_uploaded_document": not_scoped("an upload of the requesting user only"),
    "wagtaildocs:delete_upload_multiple": not_scoped("an upload of the requesting user only"),
    "wagtail_bulk_action": Scope(BULK),
    "wagtailadmin_tag_model_autocomplete": not_scoped("shadowed by portal_tag_model_autocomplete (portal/urls.py)"),
    "portal_tag_model_autocomplete": not_scoped("names a tag model; opd_teams.tags suggests only visible tags"),
    # Platform administration: model permissions that no OPD group holds (tested in GroupPermissionsTest)
    "wagtailadmin_collections:edit": not_scoped(MODEL_PERMISSION + " (collections)"),
    "wagtailadmin_collections:delete": not_scoped(MODEL_PERMISSION + " (collections)"),
    "wagtailadmin_collections:set_privacy": not_scoped(MODEL_PERMISSION + " (collections)"),
    "wagtailadmin_workflows:enable": not_scoped(MODEL_PERMISSION + " (workflows)"),
    "wagtailadmin_workflows:disable": not_scoped(MODEL_PERMISSION + " (workflows)"),
    "wagtailadmin_workflows:edit": not_scoped(MODEL_PERMISSION + " (workflows)"),
    "wagtailadmin_workflows:usage": not_scoped(MODEL_PERMISSION + " (workflows)"),
    "wagtailadmin_workflows:usage_results": not_scoped(MODEL_PERMISSION + " (workflows)"),
    "wagtailadmin_workflows:add_task": not_scoped(MODEL_PERMISSION + " (workflow tasks)"),
    "wagtailadmin_workflows:edit_task": not_scoped(MODEL_PERMISSION + " (workflow tasks)"),
    "wagtailadmin_workflows:disable_task": not_scoped(MODEL_PERMISSION + " (workflow tasks)"),
    "wagtailadmin_workflows:enable_task": not_scoped(MODEL_PERMISSION + " (workflow tasks)"),
    "wagtailadmin_workflows:task_chosen": not_scoped(MODEL_PERMISSION + " (workflow tasks)"),
    "wagtailredirects:edit": not_scoped(MODEL_PERMISSION + " (redirects)"),
    "wagtailredirects:delete": not_scoped(MODEL_PERMISSION + " (redirects)"),
    "wagtailsettings:edit": not_scoped(MODEL_PERMISSION + " (settings; humas and Diskominfo)"),
    "wagtailsettings:preview_on_edit": not_scoped(MODEL_PERMISSION + " (settings; humas and Diskominfo)"),
    "wagtailsearchpromotions:edit": not_scoped(MODEL_PERMISSION + " (search promotions)"),
    "wagtailsearchpromotions:delete": not_scoped(MODEL_PERMISSION + " (search promotions)"),
    "opd_teams:archive": not_scoped("an OPD team: Diskominfo only (DiskominfoRequiredMixin)"),
    "opd_teams:invite": not_scoped("an OPD team: TeamMixin resolves only teams the user administers"),
    "opd_teams:deactivate": not_scoped("a team member: TeamMixin + team.belongs_only_to"),
    "opd_teams:resend": not_scoped("a team member: TeamMixin + team.belongs_only_to"),
    "opd_teams:handover": not_scoped("a team member: TeamMixin + team.belongs_only_to"),
    "opd_teams:replace_admin": not_scoped("a team member: TeamMixin + team.belongs_only_to"),
    "opd_teams:reactivate": not_scoped("a team member: Diskominfo only"),
    "opd_teams:approve_media": not_scoped("media approval: the view checks the OPD admin's collection"),
    "wagtailadmin_password_reset_confirm": not_scoped("a signed password-reset token, not an object id"),
    "outbox_retry": not_scoped("an outgoing mail, no OPD object: Diskominfo only (outbox.views)"),
    "accounts:reset": not_scoped("another user's second factor: Diskominfo only (accounts.views)"),
    "accounts:passkey_remove": not_scoped("the user's own passkey: PasskeyRemoveView finds only theirs (404)"),
    "complaints_admin:detail": not_scoped("a complaint: ScopedCaseMixin finds only cases of the user's OPDs (404)"),
    "complaints_admin:action": not_scoped("a complaint: ScopedCaseMixin finds only cases of the user's OPDs (404)"),
    "complaints_admin:attachment": not_scoped("a complaint's file: ScopedCaseMixin, identity rules of casework"),
    "complaints_admin:export_json": not_scoped("a complaint: ScopedCaseMixin finds only cases of the user's OPDs"),
    "ppid_admin:detail": not_scoped("an information request: PpidStaffMixin and the handled OPDs' queryset"),
    "wordpress_import:run": not_scoped("an import run: Diskominfo only (DiskominfoRequiredMixin)"),
    "wordpress_import:start": not_scoped("an import run: Diskominfo only (DiskominfoRequiredMixin)"),
    "wordpress_import:report": not_scoped("an import run: Diskominfo only (DiskominfoRequiredMixin)"),
    "wordpress_import:release": not_scoped("a quarantined item: Diskominfo only (DiskominfoRequiredMixin)"),
    "audit_log:edit": not_scoped("the audit log: view-only and Diskominfo only (audit.views permission policy)"),
    "audit_log:delete": not_scoped("the audit log: view-only and Diskominfo only (audit.views permission policy)"),
    "audit_log:history": not_scoped("the audit log: view-only and Diskominfo only (audit.views permission policy)"),
    "audit_log:history_results": not_scoped("the audit log: Diskominfo only (audit.views permission policy)"),
    "audit_log:usage": not_scoped("the audit log: view-only and Diskominfo only (audit.views permission policy)"),
    "audit_log:inspect": not_scoped("the audit log: view-only and Diskominfo only (audit.views permission policy)"),
}

#: URL name prefixes of viewsets generated per model (snippets, sites, users, groups).
PREFIXES = {
    "wagtailsnippets_": MODEL_PERMISSION + " (snippets: humas' curation, Diskominfo's synonyms)",
    "wagtailsnippetchoosers_": MODEL_PERMISSION + " (snippet choosers)",
    "wagtailsites:": MODEL_PERMISSION + " (sites)",
    "wagtailusers_users:": MODEL_PERMISSION + " (users)",
    "wagtailusers_groups:": MODEL_PERMISSION + " (groups)",
}


def scope_for(view_name):
    """The :class:`Scope` of an admin URL name, or ``None`` when the table does not know it."""
    if view_name in ROUTES:
        return ROUTES[view_name]
    for prefix, reason in PREFIXES.items():
        if view_name.startswith(prefix):
            return not_scoped(reason)
    return None


def url_arguments(route):
    """Argument names of a route (converters and named groups); positional groups count as ``"#n"``."""
    names = re.findall(r"<(?:\w+:)?(\w+)>", route) + re.findall(r"\(\?P<(\w+)>", route)
    unnamed = re.findall(r"\((?!\?)", route)
    return names + [f"#{i}" for i in range(len(unnamed))]


def admin_routes(admin_prefix="admin/"):
    """(route, view name) of every URL pattern under the admin, walked from the resolver."""

    def walk(patterns, prefix="", namespace=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                ns = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern), ns)
            elif isinstance(pattern, URLPattern):
                yield prefix + str(pattern.pattern), f"{namespace}{pattern.name}"

    return [(route, name) for route, name in walk(get_resolver().url_patterns) if route.startswith(admin_prefix)]


def object_id(scope, args, kwargs):
    """The id the URL names for ``scope`` (``None`` when the URL names none)."""
    if callable(scope.arg):
        return scope.arg(args, kwargs)
    if isinstance(scope.arg, int):
        return args[scope.arg] if len(args) > scope.arg else None
    return kwargs.get(scope.arg)

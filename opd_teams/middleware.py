"""Refuse every admin URL that names an object outside the editor's reach, by the route table.

Wagtail checks permissions per view, and a few views render before checking (the move
confirmation, the workflow-cancellation dialog, the chooser header, the image chooser's
format step, bulk-action confirmations). This middleware is the one rule in front of all of
them: :mod:`opd_teams.admin_routes` says for every admin route which object its URL names;
the object must be within reach (see there). A refusal is Wagtail's own answer (back to the
admin home with a message; 403 for POST) and is written to the audit log.
"""

from django.core.exceptions import PermissionDenied
from wagtail.admin.auth import permission_denied
from wagtail.documents import get_document_model
from wagtail.documents.permissions import permission_policy as document_policy
from wagtail.images import get_image_model
from wagtail.images.permissions import permission_policy as image_policy
from wagtail.models import Page

from audit import log as audit_log

from . import admin_routes
from .permissions import RegionScopedPagePermissionPolicy

MEDIA_ACTIONS = ["choose", "add", "change", "delete"]


def explorable(user, page_ids):
    return RegionScopedPagePermissionPolicy().explorable_instances(user).filter(pk__in=page_ids)


def page_reachable(user, page_id, choosable=False):
    """``None`` when no such page (the view answers 404), else whether ``user`` may reach it."""
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return None
    if choosable and page.live and Page.objects.filter(pk=page.pk).public().exists():
        return True
    return explorable(user, [page.pk]).exists()


def media_reachable(user, model, policy, object_id):
    obj = model.objects.filter(pk=object_id).first()
    if obj is None:
        return None
    return policy.user_has_any_permission_for_instance(user, MEDIA_ACTIONS, obj)


def bulk_reachable(user, kwargs, ids):
    """Each ``?id=`` of a bulk action on pages, images or documents must be within reach."""
    model = (kwargs.get("app_label"), kwargs.get("model_name"))
    if not ids:
        return True
    if model == ("wagtailcore", "page"):
        return explorable(user, ids).count() == Page.objects.filter(pk__in=ids).count()
    for media_model, policy in ((get_image_model(), image_policy), (get_document_model(), document_policy)):
        if model == (media_model._meta.app_label, media_model._meta.model_name):
            reachable = policy.instances_user_has_any_permission_for(user, MEDIA_ACTIONS).filter(pk__in=ids)
            return reachable.count() == media_model.objects.filter(pk__in=ids).count()
    return True  # users and snippets: Wagtail's model permissions


def is_int(value):
    return str(value).isdigit()


def reachable(user, scope, args, kwargs, request):
    if scope.kind == admin_routes.BULK:
        ids = [value for value in request.GET.getlist("id") if is_int(value)]
        return bulk_reachable(user, kwargs, ids)
    if scope.kind == admin_routes.NOT_SCOPED:
        return True
    object_id = admin_routes.object_id(scope, args, kwargs)
    if object_id is None or not is_int(object_id):
        return True  # the view answers 404 for an id that is no id
    if scope.kind in (admin_routes.PAGE, admin_routes.CHOOSABLE):
        return page_reachable(user, object_id, choosable=scope.kind == admin_routes.CHOOSABLE) is not False
    if scope.kind == admin_routes.IMAGE:
        return media_reachable(user, get_image_model(), image_policy, object_id) is not False
    if scope.kind == admin_routes.DOCUMENT:
        return media_reachable(user, get_document_model(), document_policy, object_id) is not False
    return True


class AdminPageScopeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = getattr(request, "resolver_match", None)
        user = getattr(request, "user", None)
        if match is None or user is None or not user.is_authenticated or user.is_superuser:
            return None
        if not request.path.startswith(admin_prefix()):
            return None
        scope = admin_routes.scope_for(match.view_name)
        if scope is None or reachable(user, scope, view_args, view_kwargs, request):
            return None
        audit_log.record(
            "admin.denied",
            request=request,
            outcome="denied",
            target=f"{scope.kind}:{admin_routes.object_id(scope, view_args, view_kwargs) or ''}",
            route=match.view_name,
        )
        # Wagtail's own answer: back to the admin home with a message (403 for XHR and POST).
        if request.method != "GET":
            raise PermissionDenied
        return permission_denied(request)


def admin_prefix():
    from django.urls import reverse

    return reverse("wagtailadmin_home")

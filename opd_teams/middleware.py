"""Refuse every page-scoped admin view for a page outside the editor's reach.

Wagtail checks permissions per view, and a few views render before checking (the move
confirmation, the workflow-cancellation dialog). This middleware is the one rule in front
of all of them, so a view added later is covered too: a non-superuser may open an admin URL
naming a page (``page_id``, ``parent_page_id``, ``page_to_move_id``, ``page_pk``) only if the
page is explorable for them (they hold a permission on it, or it is an ancestor of such a
page). Choosers are exempt: they list published pages for linking, filtered by our
``construct_page_chooser_queryset`` hook.
"""

from django.core.exceptions import PermissionDenied
from wagtail.models import Page
from wagtail.permissions import page_permission_policy

PAGE_URL_KWARGS = ("page_id", "parent_page_id", "page_to_move_id", "page_pk")
EXEMPT_URL_NAMES = {"wagtailadmin_choose_page_child"}
COMPARE_URL_NAME = "revisions_compare"


def page_id_from(resolver_match, view_args, view_kwargs):
    for key in PAGE_URL_KWARGS:
        if key in view_kwargs:
            return view_kwargs[key]
    if resolver_match.url_name == COMPARE_URL_NAME and view_args:
        return view_args[0]
    return None


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
        if match.view_name in EXEMPT_URL_NAMES:
            return None
        page_id = page_id_from(match, view_args, view_kwargs)
        if page_id is None:
            return None
        if not Page.objects.filter(pk=page_id).exists():
            return None  # the view answers 404 itself
        if not page_permission_policy.explorable_instances(user).filter(pk=page_id).exists():
            raise PermissionDenied
        return None


def admin_prefix():
    from django.urls import reverse

    return reverse("wagtailadmin_home")

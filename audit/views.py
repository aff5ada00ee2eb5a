"""The audit log in the admin: a read-only list for Diskominfo, filterable and exportable."""

import django_filters
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import BasePermissionPolicy

from opd_pages.models import OpdHomePage

from .models import AuditEvent

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """Text a spreadsheet would run as a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


class DiskominfoOnlyPolicy(BasePermissionPolicy):
    """Only Diskominfo (and superusers) may read the log; nobody may add, change or delete it."""

    def user_has_permission(self, user, action):
        return action == "view" and is_platform_admin(user)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        from django.contrib.auth import get_user_model

        return get_user_model().objects.none()


class AuditEventFilterSet(WagtailFilterSet):
    opd = django_filters.ModelChoiceFilter(label=_("OPD"), queryset=OpdHomePage.objects.order_by("title"))
    action = django_filters.CharFilter(label=_("Tindakan"), lookup_expr="startswith")
    outcome = django_filters.ChoiceFilter(label=_("Hasil"), choices=AuditEvent._meta.get_field("outcome").choices)
    username = django_filters.CharFilter(label=_("Nama pengguna"), lookup_expr="iexact")
    created_at = django_filters.DateFromToRangeFilter(label=_("Tanggal"), widget=DateRangePickerWidget)

    class Meta:
        model = AuditEvent
        fields = ["opd", "action", "outcome", "username", "created_at"]


class AuditEventIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("opd")

    def preprocess_field_value(self, field, value, export_format):
        return neutralise(super().preprocess_field_value(field, value, export_format))


class AuditEventViewSet(ModelViewSet):
    model = AuditEvent
    icon = "list-ul"
    menu_label = _("Log audit")
    menu_order = 620
    add_to_settings_menu = True
    url_prefix = "log-audit"
    inspect_view_enabled = True
    copy_view_enabled = False
    index_view_class = AuditEventIndexView
    list_display = ["created_at", "action", "outcome", "username", "opd", "ip_address", "target"]
    list_export = ["created_at", "action", "outcome", "username", "opd", "ip_address", "path", "target", "details"]
    export_filename = "log-audit"
    filterset_class = AuditEventFilterSet
    list_per_page = 50
    # The log is never edited (the policy refuses add/change/delete); the form exists for the viewset only.
    form_fields = ["target"]
    inspect_view_fields = [
        "created_at",
        "action",
        "outcome",
        "username",
        "opd",
        "ip_address",
        "path",
        "target",
        "details",
    ]

    @property
    def permission_policy(self):
        return DiskominfoOnlyPolicy(self.model)


def is_platform_admin(user):
    """Superusers and the Diskominfo group (as opd_teams.roles.is_diskominfo; audit imports no feature app)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return user.is_superuser or user.groups.filter(name=settings.PORTAL_DISKOMINFO_GROUP).exists()

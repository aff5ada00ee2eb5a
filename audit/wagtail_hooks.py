"""Admin wiring: the audit log viewset (Diskominfo only)."""

from wagtail import hooks

from .views import AuditEventViewSet


@hooks.register("register_admin_viewset")
def register_audit_viewset():
    return AuditEventViewSet("audit_log")

"""The one function every app calls to write the audit log."""

import logging

from .models import AuditEvent

logger = logging.getLogger("portal.audit")


def client_address(request):
    """The client address Django sees (``REMOTE_ADDR``; a trusted-proxy middleware may rewrite it)."""
    if request is None:
        return None
    return request.META.get("REMOTE_ADDR") or None


def record(action, *, request=None, user=None, opd=None, target="", outcome="ok", **details):
    """Store an audit event; never raises (an audit failure must not break the action it records).

    ``target`` is a short description of the object concerned (an account, a page, a file);
    ``details`` must be JSON-serialisable.
    """
    if request is not None and outcome == "denied":
        # The refusal is on record with its details: the admin's 403 logger must not add another.
        request.portal_denial_recorded = True
    if user is None and request is not None:
        request_user = getattr(request, "user", None)
        if request_user is not None and request_user.is_authenticated:
            user = request_user
    try:
        return AuditEvent.objects.create(
            action=action,
            outcome=outcome,
            user=user if user is not None and user.pk else None,
            username=(user.get_username() if user is not None else details.pop("username", "")) or "",
            opd=opd,
            ip_address=client_address(request),
            path=(request.get_full_path()[:500] if request is not None else ""),
            target=str(target)[:255],
            details=details,
        )
    except Exception:  # noqa: BLE001 - the log must never take the action down with it
        logger.exception("Could not write audit event %s", action)
        return None

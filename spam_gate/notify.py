"""Tell Diskominfo when the gate stops something: the audit log and an e-mail through the outbox."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext as _

from audit.log import record
from outbox.mail import queue_mail


def diskominfo_addresses():
    DISKOMINFO_GROUP = settings.PORTAL_DISKOMINFO_GROUP

    users = (
        get_user_model().objects.filter(is_active=True).filter(Q(groups__name=DISKOMINFO_GROUP) | Q(is_superuser=True))
    )
    addresses = {email for email in users.values_list("email", flat=True) if email}
    addresses.update(settings.PORTAL_SECURITY_EMAILS)
    return sorted(addresses)


def report_spam(what, verdict, *, request=None, user=None, admin_url=""):
    """Record and announce that ``what`` (a page, a snippet, a document title) was stopped by the gate."""
    record(
        "spam.blocked",
        request=request,
        user=user,
        target=str(what)[:255],
        outcome="denied",
        reasons=verdict.reasons,
    )
    recipients = diskominfo_addresses()
    if not recipients:
        return
    editor = user or getattr(request, "user", None)
    body = _(
        "Penyaring judi online menahan konten sebelum tayang.\n\nKonten: %(what)s\nPengelola: %(editor)s\n"
        "Alasan:\n%(reasons)s\n\n%(url)s\n\nPeriksa apakah akun pengelola ini disalahgunakan."
    ) % {
        "what": what,
        "editor": editor.get_username() if editor is not None and editor.is_authenticated else "-",
        "reasons": "\n".join(f"- {reason}" for reason in verdict.reasons),
        "url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + admin_url if admin_url else "",
    }
    queue_mail(
        _("[Portal] Konten judi online ditahan: %(what)s") % {"what": str(what)[:120]},
        body,
        recipients,
        kind="spam_gate",
    )

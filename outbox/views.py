"""Diskominfo's view of undelivered mail (*E-mail belum terkirim*), with a retry button."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .mail import deliver, deliver_due
from .models import OutgoingMail

ROWS = 200


def can_view_outbox(user):
    # As opd_teams.roles.is_diskominfo; outbox sits below opd_teams and imports no feature app.
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return user.is_superuser or user.groups.filter(name=settings.PORTAL_DISKOMINFO_GROUP).exists()


def undelivered(request):
    if not can_view_outbox(request.user):
        raise PermissionDenied
    mails = OutgoingMail.objects.undelivered().order_by("-created_at", "-pk")
    return TemplateResponse(
        request,
        "outbox/undelivered.html",
        {"title": _("E-mail belum terkirim"), "mails": mails[:ROWS], "total": mails.count()},
    )


@require_POST
def retry(request, mail_id=None):
    if not can_view_outbox(request.user):
        raise PermissionDenied
    if mail_id is None:
        sent, failed = deliver_due()
        messages.success(request, _("%(sent)s terkirim, %(failed)s masih gagal.") % {"sent": sent, "failed": failed})
    else:
        mail = get_object_or_404(OutgoingMail.objects.undelivered(), pk=mail_id)
        if deliver(mail):
            messages.success(request, _("E-mail “%(subject)s” terkirim.") % {"subject": mail.subject})
        else:
            messages.error(request, _("Masih gagal: %(error)s") % {"error": mail.last_error})
    return redirect("outbox_undelivered")

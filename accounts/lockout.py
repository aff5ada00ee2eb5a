"""Login lockout (django-axes): the Indonesian answer while locked, and Diskominfo's unlock."""

from axes.models import AccessAttempt
from django.conf import settings
from django.contrib import messages
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.admin.views.account import LoginView

from audit.log import record


def lockout_minutes():
    return int(settings.AXES_COOLOFF_TIME.total_seconds() // 60) if settings.AXES_COOLOFF_TIME else 0


def lockout_message():
    return _(
        "Akun atau alamat ini dikunci sementara karena terlalu banyak percobaan masuk yang gagal. "
        "Coba lagi setelah %(minutes)s menit, atau hubungi Diskominfo untuk membuka kunci."
    ) % {"minutes": lockout_minutes()}


def lockout_response(request, original_response=None, credentials=None):
    """``AXES_LOCKOUT_CALLABLE``: the login page again, with the lockout message, status 429."""
    view = LoginView()
    view.setup(request)
    messages.error(request, lockout_message())
    context = view.get_context_data(form=view.get_form_class()(request))
    response = TemplateResponse(request, view.template_name, context, status=settings.AXES_HTTP_RESPONSE_CODE)
    return response.render()


def recent_attempts():
    """Failed-login records still inside the cool-off window, newest first, locked ones marked."""
    since = timezone.now() - settings.AXES_COOLOFF_TIME
    attempts = list(AccessAttempt.objects.filter(attempt_time__gte=since).order_by("-attempt_time")[:200])
    for attempt in attempts:
        attempt.is_locked = attempt.failures_since_start >= settings.AXES_FAILURE_LIMIT
    return attempts


def unlock(attempt, *, request):
    """Remove one failed-login record (its account or address may log in again); audited."""
    from django.contrib.auth import get_user_model

    from .two_factor import user_opd

    target_user = get_user_model().objects.filter(username=attempt.username).first() if attempt.username else None
    record(
        "login.unlock",
        request=request,
        target=f"{attempt.username or '-'} @ {attempt.ip_address or '-'}",
        opd=user_opd(target_user),
        failures=attempt.failures_since_start,
        locked_username=attempt.username or "",
        locked_ip=attempt.ip_address or "",
    )
    attempt.delete()

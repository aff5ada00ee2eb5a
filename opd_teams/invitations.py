"""Invitation e-mails with a set-password link (Django's password-reset token machinery)."""

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from outbox.mail import queue_mail


def set_password_url(user):
    """Absolute link to Wagtail's set-new-password form for ``user``.

    Valid for :func:`link_valid_days` days (Django's ``PASSWORD_RESET_TIMEOUT``) and only until
    the password is set.
    """
    path = reverse(
        "wagtailadmin_password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def link_valid_days():
    """Days a set-password link stays valid (Django's ``PASSWORD_RESET_TIMEOUT``, 3 days by default)."""
    return max(1, settings.PASSWORD_RESET_TIMEOUT // (24 * 60 * 60))


def send_invitation(user, team, role_label):
    """E-mail ``user`` an invitation to edit ``team``'s section, with a link to set a password."""
    context = {
        "user": user,
        "team": team,
        "opd": team.opd,
        "role_label": role_label,
        "set_password_url": set_password_url(user),
        "valid_days": link_valid_days(),
        "login_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("editor_login"),
    }
    subject = _("Undangan pengelola situs %(opd)s") % {"opd": team.opd.title}
    body = render_to_string("opd_teams/email/invitation.txt", context)
    # Stored with the onboarding's transaction, delivered after commit; a mail server that is
    # down leaves it in the outbox for send_outbox to retry (nothing is lost, no 500).
    queue_mail(subject, body, [user.email], kind="invitation")

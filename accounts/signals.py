"""Audit receivers for logins, failed logins and lockouts."""

from axes.signals import user_locked_out
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed

from audit.log import record

from .two_factor import user_opd

USERNAME_FIELD_MAX = 150


def on_logged_in(sender, request, user, **kwargs):
    record("login", request=request, user=user, target=f"user:{user.pk} {user.get_username()}", opd=user_opd(user))


def on_logged_out(sender, request, user, **kwargs):
    if user is not None:
        record("logout", request=request, user=user, target=f"user:{user.pk} {user.get_username()}")


def on_login_failed(sender, credentials, request=None, **kwargs):
    username = str(credentials.get("username", ""))[:USERNAME_FIELD_MAX]
    user = get_user_model().objects.filter(username=username).first() if username else None
    locked = bool(getattr(request, "axes_locked_out", False))
    record(
        "login.locked" if locked else "login.failed",
        request=request,
        user=user,
        username=username,
        target=username,
        opd=user_opd(user),
        outcome="denied" if locked else "failed",
    )


def on_locked_out(sender, request, username, ip_address, **kwargs):
    username = str(username or "")[:USERNAME_FIELD_MAX]
    user = get_user_model().objects.filter(username=username).first() if username else None
    record(
        "login.lockout",
        request=request,
        user=user,
        username=username,
        target=f"{username or '-'} @ {ip_address or '-'}",
        opd=user_opd(user),
        outcome="denied",
    )


def connect():
    user_logged_in.connect(on_logged_in, dispatch_uid="accounts_login")
    user_logged_out.connect(on_logged_out, dispatch_uid="accounts_logout")
    user_login_failed.connect(on_login_failed, dispatch_uid="accounts_login_failed")
    user_locked_out.connect(on_locked_out, dispatch_uid="accounts_locked_out")

"""Audit receivers for logins, failed logins and lockouts."""

import time

from axes.signals import user_locked_out
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import pre_save

from audit.log import record

from .middleware import LAST_SEEN_SESSION_KEY
from .two_factor import user_opd

USERNAME_FIELD_MAX = 150


def on_logged_in(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        # The idle clock starts at login (saved with the login's session), not at the first page.
        request.session[LAST_SEEN_SESSION_KEY] = int(time.time())
    record("login", request=request, user=user, target=f"user:{user.pk} {user.get_username()}", opd=user_opd(user))


def on_logged_out(sender, request, user, **kwargs):
    if user is not None:
        record("logout", request=request, user=user, target=f"user:{user.pk} {user.get_username()}")


def on_login_failed(sender, credentials, request=None, **kwargs):
    username = str(credentials.get("username", ""))[:USERNAME_FIELD_MAX]
    user = get_user_model().objects.filter(username=username).first() if username else None
    locked = refused_while_locked(request)
    record(
        "login.locked" if locked else "login.failed",
        request=request,
        user=user,
        username=username,
        target=username,
        opd=user_opd(user),
        outcome="denied" if locked else "failed",
    )


def refused_while_locked(request):
    """True when django-axes refused the attempt before the password was checked.

    Axes counts a failure (``axes_failures_since_start``) only for attempts it let through; an
    attempt that reached the limit is a plain failure that also triggers the lockout.
    """
    return (
        bool(getattr(request, "axes_locked_out", False)) and getattr(request, "axes_failures_since_start", None) is None
    )


def on_locked_out(sender, request, username, ip_address, **kwargs):
    if refused_while_locked(request):
        return  # axes repeats the signal for every refused attempt; on_login_failed logs those
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


def on_user_saved(sender, instance, **kwargs):
    """A changed password or a deactivation of an existing account is logged (creation is not)."""
    if not instance.pk:
        return
    # ``set_password`` keeps the new raw password in ``_password`` until the save (Django's own
    # hook for ``password_changed``); an existing row with it set is a password change.
    if getattr(instance, "_password", None) is not None:
        record("password.change", user=instance, target=f"user:{instance.pk} {instance.get_username()}")


def connect():
    pre_save.connect(on_user_saved, sender=get_user_model(), dispatch_uid="accounts_user_saved")
    user_logged_in.connect(on_logged_in, dispatch_uid="accounts_login")
    user_logged_out.connect(on_logged_out, dispatch_uid="accounts_logout")
    user_login_failed.connect(on_login_failed, dispatch_uid="accounts_login_failed")
    user_locked_out.connect(on_locked_out, dispatch_uid="accounts_locked_out")

"""Admin sessions: an idle timeout, and the second step after the password where it is required."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from audit.log import record

from .two_factor import has_two_factor, requires_two_factor

LAST_SEEN_SESSION_KEY = "portal_admin_last_seen"
LAST_SEEN_RESOLUTION = 60
#: Reachable before the second step (the login itself, its way out and the 2FA screens).
OPEN_URL_NAMES = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",  # the icon sprite every admin page (the 2FA ones too) fetches
    "wagtailadmin_password_reset",
    "wagtailadmin_password_reset_done",
    "wagtailadmin_password_reset_confirm",
    "wagtailadmin_password_reset_complete",
}
#: Before the second step, a user without a second factor may open the 2FA screens (to enrol one,
#: an app or a passkey); a user who has one may only pass it: the code form, the passkey ceremony.
#: (Otherwise a stolen password would enrol a new app or print new recovery codes.)
ENROL_NAMESPACES = {"accounts", "otp_webauthn"}
VERIFY_URL_NAMES = {"accounts:verify"} | {
    f"otp_webauthn:{name}"
    for name in ("credential-authentication-begin", "credential-authentication-complete", "js-i18n-catalog")
}
#: Requests the admin sends by itself: they do not count as activity.
BACKGROUND_NAMESPACES = {"wagtailadmin_editing_sessions"}


def admin_prefix():
    return reverse("wagtailadmin_home")


class AdminSessionMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path_info.startswith(admin_prefix()) or not request.user.is_authenticated:
            return self.get_response(request)
        try:
            match = resolve(request.path_info)
        except Resolver404:
            match = None
        namespaces = set(match.namespaces) if match else set()
        if self.idle_expired(request):
            return self.end_idle_session(request)
        now = int(time.time())
        last_seen = request.session.get(LAST_SEEN_SESSION_KEY)
        # Written at most once a minute: a session save is a query on every admin page otherwise.
        if not namespaces & BACKGROUND_NAMESPACES and (last_seen is None or now - last_seen >= LAST_SEEN_RESOLUTION):
            request.session[LAST_SEEN_SESSION_KEY] = now
        enforced = settings.PORTAL_2FA_ENFORCED and not request.user.is_verified()
        if enforced and not self.open_before_second_step(request, match, namespaces):
            return self.second_step(request)
        return self.get_response(request)

    def open_before_second_step(self, request, match, namespaces):
        if match is None:
            return False
        if match.url_name in OPEN_URL_NAMES or match.view_name in VERIFY_URL_NAMES:
            return True
        return bool(namespaces & ENROL_NAMESPACES) and not has_two_factor(request.user)

    def idle_expired(self, request):
        minutes = settings.PORTAL_ADMIN_IDLE_MINUTES
        last_seen = request.session.get(LAST_SEEN_SESSION_KEY)
        return bool(minutes) and last_seen is not None and time.time() - last_seen > minutes * 60

    def end_idle_session(self, request):
        user = request.user
        record("logout.idle", request=request, user=user, target=f"user:{user.pk} {user.get_username()}")
        logout(request)
        messages.info(request, _("Sesi Anda berakhir karena tidak ada aktivitas. Silakan masuk lagi."))
        return redirect_to_login(request.get_full_path(), reverse("wagtailadmin_login"))

    def second_step(self, request):
        query = "?" + urlencode({"next": request.get_full_path()})
        if has_two_factor(request.user):
            return redirect(reverse("accounts:verify") + query)
        if requires_two_factor(request.user):
            return redirect(reverse("accounts:setup") + query)
        return self.get_response(request)

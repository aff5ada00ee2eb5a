"""Passkeys (WebAuthn, django-otp-webauthn) as a second factor beside the authenticator app.

The library's four JSON endpoints, mounted in the admin under the ``otp_webauthn`` namespace
(its template tags reverse those names), with the portal's rules added:

* a passkey is a second factor only: the password comes first (``OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN``
  is off) and the ceremony is always bound to the logged-in user, so another user's credential
  is refused (``CredentialUserMismatch``);
* a user who already has a second factor must have passed it in this session before adding a
  passkey (the library's ``NotVerified`` check, kept);
* every passkey added, used (or failing) is written to the audit log like the app's events;
* the first passkey of a user without recovery codes gets a fresh set, shown once on the 2FA page.
"""

import json

from django.urls import path
from django.utils.translation import gettext as _
from django.views.i18n import JavaScriptCatalog
from django_otp_webauthn import exceptions
from django_otp_webauthn.models import WebAuthnCredential
from django_otp_webauthn.views import (
    BeginCredentialAuthenticationView,
    BeginCredentialRegistrationView,
    CompleteCredentialAuthenticationView,
    CompleteCredentialRegistrationView,
)

from audit.log import record

from .two_factor import new_recovery_codes, remaining_recovery_codes, user_opd

#: Recovery codes made with a user's first passkey, shown once by the 2FA page.
FRESH_CODES_SESSION_KEY = "accounts_fresh_recovery_codes"
#: The URL names reachable while the second step is still due (verifying with a passkey).
AUTHENTICATION_URL_NAMES = {"credential-authentication-begin", "credential-authentication-complete", "js-i18n-catalog"}


def user_target(user):
    return f"user:{user.pk} {user.get_username()}"


def confirmed_passkeys(user):
    return WebAuthnCredential.objects.filter(user=user, confirmed=True)


class AuditedFailureMixin:
    """Records a refused ceremony (wrong user, unknown or disabled credential, bad signature)."""

    audit_action = ""

    def handle_exception(self, exc):
        user = self.request.user
        if isinstance(exc, exceptions.OTPWebAuthnApiError) and user.is_authenticated:
            record(
                self.audit_action,
                request=self.request,
                outcome="denied" if exc.status_code in (401, 403) else "failed",
                target=user_target(user),
                opd=user_opd(user),
                method="passkey",
                reason=exc.code,
            )
        return super().handle_exception(exc)


class CompleteRegistrationView(AuditedFailureMixin, CompleteCredentialRegistrationView):
    audit_action = "2fa.passkey.add"

    def post(self, *args, **kwargs):
        response = super().post(*args, **kwargs)
        user = self.request.user
        device = WebAuthnCredential.objects.get(pk=response_id(response), user=user)
        number = WebAuthnCredential.objects.filter(user=user).count()
        device.name = _("Kunci sandi %(number)s") % {"number": number}
        device.save(update_fields=["name"])
        if not remaining_recovery_codes(user):
            self.request.session[FRESH_CODES_SESSION_KEY] = new_recovery_codes(user)
        record(
            "2fa.passkey.add",
            request=self.request,
            target=user_target(user),
            opd=user_opd(user),
            passkey=device.pk,
        )
        return response


class CompleteAuthenticationView(AuditedFailureMixin, CompleteCredentialAuthenticationView):
    audit_action = "login.2fa"

    def check_can_authenticate(self):
        # Never passwordless: the password step must have logged the user in.
        if not self.request.user.is_authenticated:
            raise exceptions.NotAuthenticated()
        super().check_can_authenticate()

    def complete_auth(self, device):
        super().complete_auth(device)
        user = self.request.user
        record("login.2fa", request=self.request, target=user_target(user), opd=user_opd(user), method="passkey")


class BeginAuthenticationView(BeginCredentialAuthenticationView):
    def check_can_authenticate(self):
        if not self.request.user.is_authenticated:
            raise exceptions.NotAuthenticated()
        super().check_can_authenticate()


def response_id(response):
    return json.loads(response.content)["id"]


urlpatterns = [
    path(
        "pendaftaran/mulai/",
        BeginCredentialRegistrationView.as_view(),
        name="credential-registration-begin",
    ),
    path(
        "pendaftaran/selesai/",
        CompleteRegistrationView.as_view(),
        name="credential-registration-complete",
    ),
    path(
        "verifikasi/mulai/",
        BeginAuthenticationView.as_view(),
        name="credential-authentication-begin",
    ),
    path(
        "verifikasi/selesai/",
        CompleteAuthenticationView.as_view(),
        name="credential-authentication-complete",
    ),
    path(
        "jsi18n/",
        JavaScriptCatalog.as_view(packages=["django_otp_webauthn", "accounts"]),
        name="js-i18n-catalog",
    ),
]

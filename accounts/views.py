"""Admin views: the second factor (enrol, verify, recovery codes, Diskominfo reset), lockouts,
the throttled password reset and the account page that accepts a single name."""

import hashlib
import time
from base64 import b32encode

import segno
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import FormView, TemplateView
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp_webauthn.models import WebAuthnCredential
from wagtail.admin.views import account as wagtail_account
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from audit.log import client_address, record
from opd_teams.roles import is_diskominfo

from . import lockout
from .forms import CodeForm, SingleNameEmailForm
from .passkeys import FRESH_CODES_SESSION_KEY
from .two_factor import (
    confirm_totp_device,
    has_passkey,
    has_totp,
    has_two_factor,
    new_recovery_codes,
    pending_totp_device,
    remaining_recovery_codes,
    remove_passkey,
    remove_two_factor,
    requires_two_factor,
    user_opd,
    verification_devices,
)


def safe_next(request, default=None):
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return default or reverse("wagtailadmin_home")


def user_target(user):
    return f"user:{user.pk} {user.get_username()}"


class AdminPageMixin(WagtailAdminTemplateMixin):
    def get_breadcrumbs_items(self):
        return [*super().get_breadcrumbs_items(), {"url": "", "label": self.get_page_title()}]


class DiskominfoRequiredMixin:
    def dispatch(self, request, *args, **kwargs):
        if not is_diskominfo(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class SecondStepPassedMixin:
    """Managing a second factor needs it passed first: a password alone never enrols a new app,
    prints new recovery codes or removes a factor (whether or not the admin enforces the step)."""

    def dispatch(self, request, *args, **kwargs):
        if has_two_factor(request.user) and not request.user.is_verified():
            return redirect(reverse("accounts:verify") + "?" + urlencode({"next": reverse("accounts:two_factor")}))
        return super().dispatch(request, *args, **kwargs)


class TwoFactorView(SecondStepPassedMixin, AdminPageMixin, TemplateView):
    """The user's own second factor: status, enrol an app or passkeys, new recovery codes, switch
    off (if allowed)."""

    template_name = "accounts/two_factor.html"
    page_title = gettext_lazy("Verifikasi dua langkah")
    header_icon = "key"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context.update(
            enrolled=has_two_factor(user),
            has_totp=has_totp(user),
            passkeys=WebAuthnCredential.objects.filter(user=user, confirmed=True).order_by("created_at"),
            required=requires_two_factor(user),
            recovery_left=remaining_recovery_codes(user),
            fresh_codes=self.request.session.pop(FRESH_CODES_SESSION_KEY, None),
        )
        return context


class PasskeyRemoveView(SecondStepPassedMixin, View):
    """Remove one of the user's own passkeys (another user's: 404); never a required role's last factor."""

    def post(self, request, pk):
        credential = get_object_or_404(WebAuthnCredential, pk=pk, user=request.user)
        others = WebAuthnCredential.objects.filter(user=request.user, confirmed=True).exclude(pk=pk).exists()
        if requires_two_factor(request.user) and not others and not has_totp(request.user):
            record("2fa.passkey.remove", request=request, outcome="denied", target=user_target(request.user))
            messages.error(
                request,
                _("Ini faktor kedua terakhir Anda dan peran Anda wajib memakainya. Tambahkan yang lain dulu."),
            )
        else:
            remove_passkey(credential, request=request)
            messages.success(request, _("Kunci sandi dihapus."))
        return redirect("accounts:two_factor")


class TotpSetupView(SecondStepPassedMixin, AdminPageMixin, FormView):
    """Enrol an authenticator app: QR code and secret, then one code to confirm."""

    template_name = "accounts/setup.html"
    form_class = CodeForm
    page_title = gettext_lazy("Aktifkan verifikasi dua langkah")
    header_icon = "key"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        device = pending_totp_device(self.request.user)
        secret = b32encode(device.bin_key).decode()
        context.update(
            qr_svg=segno.make(device.config_url, error="m").svg_inline(scale=5, border=4, light="#fff"),
            secret=secret,
            secret_groups=" ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
            required=requires_two_factor(self.request.user),
            next=safe_next(self.request, reverse("accounts:two_factor")),
        )
        return context

    def form_valid(self, form):
        device = pending_totp_device(self.request.user)
        if not device.verify_is_allowed()[0]:
            form.add_error("code", _("Terlalu banyak kode salah. Tunggu sebentar, lalu coba lagi."))
            return self.form_invalid(form)
        if not device.verify_token(form.cleaned_data["code"]):
            record("2fa.enrol", request=self.request, outcome="failed", target=user_target(self.request.user))
            form.add_error("code", _("Kode tidak cocok. Periksa jam ponsel Anda dan masukkan kode yang sedang tampil."))
            return self.form_invalid(form)
        codes = confirm_totp_device(device)
        otp_login(self.request, device)
        record(
            "2fa.enrol", request=self.request, target=user_target(self.request.user), opd=user_opd(self.request.user)
        )
        return TemplateResponse(
            self.request,
            "accounts/recovery_codes.html",
            {
                **self.get_context_data(),
                "codes": codes,
                "enrolled_now": True,
                "next": safe_next(self.request, reverse("accounts:two_factor")),
            },
        )


class RecoveryCodesView(SecondStepPassedMixin, AdminPageMixin, View):
    """New recovery codes (the old ones stop working); POST only."""

    page_title = gettext_lazy("Kode pemulihan")
    header_icon = "key"

    def post(self, request):
        if not has_two_factor(request.user):
            return redirect("accounts:setup")
        codes = new_recovery_codes(request.user)
        record("2fa.recovery_codes", request=request, target=user_target(request.user), opd=user_opd(request.user))
        return TemplateResponse(
            request,
            "accounts/recovery_codes.html",
            {**self.get_context_data(), "codes": codes, "next": reverse("accounts:two_factor")},
        )


class DisableTwoFactorView(SecondStepPassedMixin, View):
    """An operator may switch the second factor off again; required roles may not."""

    def post(self, request):
        if requires_two_factor(request.user):
            record("2fa.remove", request=request, outcome="denied", target=user_target(request.user))
            messages.error(request, _("Peran Anda wajib memakai verifikasi dua langkah; hubungi Diskominfo."))
        else:
            remove_two_factor(request.user, request=request)
            messages.success(request, _("Verifikasi dua langkah dinonaktifkan."))
        return redirect("accounts:two_factor")


class VerifyView(FormView):
    """The second step after the password: a code from the app, a passkey or a recovery code."""

    template_name = "accounts/verify.html"
    form_class = CodeForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_verified():
            return redirect(safe_next(request))
        if not has_two_factor(request.user):
            return redirect(reverse("accounts:setup") + f"?next={safe_next(request)}")
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["next"] = safe_next(self.request)
        context["has_totp"] = has_totp(self.request.user)
        context["has_passkey"] = has_passkey(self.request.user)
        return context

    def form_valid(self, form):
        user = self.request.user
        code = form.cleaned_data["code"]
        throttled = False
        for device in verification_devices(user, code):
            allowed, _data = device.verify_is_allowed()
            if not allowed:
                throttled = True
                continue
            if device.verify_token(code):
                otp_login(self.request, device)
                recovery = isinstance(device, StaticDevice)
                record(
                    "login.2fa",
                    request=self.request,
                    target=user_target(user),
                    opd=user_opd(user),
                    method="recovery_code" if recovery else "totp",
                )
                if recovery:
                    messages.warning(
                        self.request,
                        _("Anda masuk dengan kode pemulihan; sisa %(count)s kode. Buat kode baru bila hampir habis.")
                        % {"count": remaining_recovery_codes(user)},
                    )
                return redirect(safe_next(self.request))
        record(
            "login.2fa",
            request=self.request,
            outcome="denied" if throttled else "failed",
            target=user_target(user),
            opd=user_opd(user),
        )
        if throttled:
            form.add_error("code", _("Terlalu banyak kode salah. Tunggu sebentar, lalu coba lagi."))
        else:
            form.add_error("code", _("Kode salah atau sudah dipakai."))
        return self.form_invalid(form)


class ResetUserTwoFactorView(DiskominfoRequiredMixin, AdminPageMixin, TemplateView):
    """Diskominfo removes another user's second factor (a lost phone); the user enrols again."""

    template_name = "accounts/confirm.html"
    page_title = gettext_lazy("Reset verifikasi dua langkah")
    header_icon = "key"

    def get_target(self):
        target = get_object_or_404(get_user_model(), pk=self.kwargs["user_id"])
        if target.is_superuser and not self.request.user.is_superuser:
            record("2fa.reset", request=self.request, outcome="denied", target=user_target(target))
            raise PermissionDenied
        return target

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        target = self.get_target()
        context["message"] = _(
            "Hapus aplikasi autentikator dan kode pemulihan milik %(name)s? Saat masuk berikutnya ia harus "
            "mendaftarkan verifikasi dua langkah lagi."
        ) % {"name": target.get_full_name() or target.get_username()}
        context["cancel_url"] = reverse("wagtailusers_users:index")
        return context

    def post(self, request, user_id):
        target = self.get_target()
        remove_two_factor(target, request=request, action="2fa.reset", by=request.user)
        messages.success(request, _("Verifikasi dua langkah %(name)s telah direset.") % {"name": target.get_username()})
        return redirect("wagtailusers_users:index")


class LockoutListView(DiskominfoRequiredMixin, AdminPageMixin, TemplateView):
    """Failed logins still counted by django-axes; Diskominfo unlocks an account or address."""

    template_name = "accounts/lockouts.html"
    page_title = gettext_lazy("Kunci masuk")
    header_icon = "lock"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["attempts"] = lockout.recent_attempts()
        context["failure_limit"] = settings.AXES_FAILURE_LIMIT
        context["minutes"] = lockout.lockout_minutes()
        return context

    def post(self, request):
        attempt = get_object_or_404(AccessAttempt, pk=request.POST.get("attempt"))
        lockout.unlock(attempt, request=request)
        messages.success(request, _("Kunci dibuka untuk %(who)s.") % {"who": attempt.username or attempt.ip_address})
        return redirect("accounts:lockouts")


def throttle_key(kind, value):
    return f"accounts:reset:{kind}:" + hashlib.sha256(str(value).encode()).hexdigest()


def over_limit(kind, value, limit):
    """Count one request for ``value``; True once more than ``limit`` fall inside the window."""
    key = throttle_key(kind, value)
    cache.add(key, 0, timeout=settings.PORTAL_PASSWORD_RESET_WINDOW_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:
        cache.set(key, 1, timeout=settings.PORTAL_PASSWORD_RESET_WINDOW_SECONDS)
        count = 1
    return count > limit


class PasswordResetView(wagtail_account.PasswordResetView):
    """Wagtail's reset form, throttled per address and per client, answering in a fixed minimum time."""

    def post(self, request, *args, **kwargs):
        started = time.monotonic()
        email = request.POST.get("email", "").strip().lower()
        client_over = over_limit("client", client_address(request), settings.PORTAL_PASSWORD_RESET_LIMIT_PER_CLIENT)
        address_over = bool(email) and over_limit("address", email, settings.PORTAL_PASSWORD_RESET_LIMIT_PER_ADDRESS)
        if client_over or address_over:
            record(
                "password_reset.throttled",
                request=request,
                outcome="denied",
                target=email[:255],
                by="client" if client_over else "address",
            )
            form = self.get_form()
            form.is_valid()
            form.add_error(None, _("Terlalu banyak permintaan atur ulang kata sandi. Coba lagi dalam satu jam."))
            response = TemplateResponse(request, self.template_name, self.get_context_data(form=form), status=429)
        else:
            response = super().post(request, *args, **kwargs)
        remaining = settings.PORTAL_PASSWORD_RESET_MIN_SECONDS - (time.monotonic() - started)
        if remaining > 0:
            time.sleep(remaining)
        return response


class NameEmailSettingsPanel(wagtail_account.NameEmailSettingsPanel):
    form_class = SingleNameEmailForm


class AccountView(wagtail_account.AccountView):
    """Wagtail's account page with a name form that accepts a single name."""

    def get_panels(self):
        return [
            NameEmailSettingsPanel(self.request, self.request.user, panel.profile)
            if isinstance(panel, wagtail_account.NameEmailSettingsPanel)
            else panel
            for panel in super().get_panels()
        ]

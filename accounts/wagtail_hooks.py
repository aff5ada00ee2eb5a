"""Admin wiring: the 2FA screens, the lockout list for Diskominfo, user-list and account-menu entries."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from opd_teams.roles import is_diskominfo

from . import passkeys, urls


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("akun/", include(urls, namespace="accounts")),
        # django-otp-webauthn's ceremonies (JSON), under the name its template tags reverse.
        path("akun/kunci-sandi/", include((passkeys.urlpatterns, "otp_webauthn"), namespace="otp_webauthn")),
    ]


class DiskominfoMenuItem(MenuItem):
    def is_shown(self, request):
        return is_diskominfo(request.user)


@hooks.register("register_settings_menu_item")
def register_lockout_menu_item():
    return DiskominfoMenuItem(_("Kunci masuk"), reverse("accounts:lockouts"), icon_name="lock", order=610)


@hooks.register("register_account_menu_item")
def register_two_factor_account_item(request):
    return {
        "url": reverse("accounts:two_factor"),
        "label": _("Verifikasi dua langkah"),
        "help_text": _("Aplikasi autentikator, kunci sandi (passkey) dan kode pemulihan untuk masuk."),
    }


@hooks.register("register_user_listing_buttons")
def user_listing_buttons(user, request_user):
    if is_diskominfo(request_user) and (request_user.is_superuser or not user.is_superuser):
        yield Button(
            _("Reset verifikasi dua langkah"),
            reverse("accounts:reset", args=[user.pk]),
            priority=60,
            icon_name="key",
        )

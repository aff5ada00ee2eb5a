"""Forms of the accounts app: the 2FA code, the account name, the background password reset."""

from django import forms
from django.conf import settings
from django.contrib.sites.shortcuts import get_current_site
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.account import NameEmailForm
from wagtail.admin.forms.auth import PasswordResetForm

from audit.log import record


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Kode verifikasi"),
        max_length=32,
        help_text=_("Enam angka dari aplikasi autentikator, atau salah satu kode pemulihan."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "text", "autofocus": True}),
    )

    def clean_code(self):
        return "".join(self.cleaned_data["code"].split())


class SingleNameEmailForm(NameEmailForm):
    """Wagtail's name and e-mail form, but a single name (no last name) is allowed."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["first_name"].label = _("Nama depan")
        self.fields["last_name"].label = _("Nama belakang")
        self.fields["last_name"].required = False
        self.fields["last_name"].help_text = _("Kosongkan bila nama Anda hanya satu kata.")


class BackgroundPasswordResetForm(PasswordResetForm):
    """Hands the lookup and the mail to a background task: known and unknown addresses cost the same."""

    def save(self, domain_override=None, use_https=False, request=None, **kwargs):
        from .tasks import send_password_reset

        email = self.cleaned_data["email"]
        if domain_override:
            site_name = domain = domain_override
        else:
            site = get_current_site(request)
            site_name, domain = site.name, site.domain
        record("password_reset.request", request=request, target=email)
        send_password_reset.enqueue(
            email=email,
            domain=domain,
            site_name=site_name or settings.WAGTAIL_SITE_NAME,
            use_https=use_https,
            subject_template_name=kwargs.get("subject_template_name") or "registration/password_reset_subject.txt",
            email_template_name=kwargs.get("email_template_name") or "registration/password_reset_email.html",
            html_email_template_name=kwargs.get("html_email_template_name"),
        )

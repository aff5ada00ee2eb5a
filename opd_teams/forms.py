"""Admin forms: Tambah OPD, invite an operator, Ganti operator."""

from django import forms
from django.utils.translation import gettext_lazy as _

from opd_pages.models import OpdKind


class OnboardingForm(forms.Form):
    title = forms.CharField(label=_("Nama OPD"), max_length=255, help_text=_("Nama resmi, misalnya 'Dinas Perikanan'."))
    acronym = forms.CharField(
        label=_("Singkatan"),
        max_length=30,
        help_text=_("Singkatan yang dikenal warga, misalnya 'Diskan'. Menjadi alamat bagian OPD (/diskan/)."),
    )
    kind = forms.ChoiceField(label=_("Jenis OPD"), choices=OpdKind.choices, initial=OpdKind.DINAS)
    admin_emails = forms.CharField(
        label=_("Surel para admin"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Sedikitnya dua alamat surel, satu per baris. Setiap admin menerima undangan untuk membuat sandi."),
    )

    hostname = forms.CharField(
        label=_("Alamat situs sendiri (opsional)"),
        max_length=253,
        required=False,
        help_text=_(
            "Nama host khusus OPD, misalnya 'diskan.contohkab.go.id' (DNS dan sertifikat diatur Diskominfo). "
            "Kosongkan bila OPD cukup di alamat bagian portal."
        ),
    )

    def clean_hostname(self):
        from opd_hosts.sites import clean_hostname

        value = self.cleaned_data.get("hostname", "")
        return clean_hostname(value) if value.strip() else ""

    def clean_admin_emails(self):
        raw = self.cleaned_data["admin_emails"].replace(",", "\n").replace(";", "\n")
        emails = []
        for line in raw.splitlines():
            email = line.strip().lower()
            if not email:
                continue
            forms.EmailField().clean(email)
            if email not in emails:
                emails.append(email)
        if len(emails) < 2:
            raise forms.ValidationError(_("Isi sedikitnya dua alamat surel admin yang berbeda."))
        return emails


class InviteForm(forms.Form):
    first_name = forms.CharField(label=_("Nama"), max_length=150, required=False)
    email = forms.EmailField(
        label=_("Surel"), help_text=_("Undangan berisi tautan untuk membuat sandi dikirim ke sini.")
    )


class HandoverForm(forms.Form):
    first_name = forms.CharField(label=_("Nama pengganti"), max_length=150, required=False)
    email = forms.EmailField(
        label=_("Surel pengganti"),
        help_text=_(
            "Draf, kuncian dan kiriman moderasi akun lama dipindahkan ke akun ini, lalu akun lama dinonaktifkan."
        ),
    )

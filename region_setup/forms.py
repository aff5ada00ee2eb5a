from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from home.models import RegionKind

from .setup import TIME_ZONES


class RegionSetupForm(forms.Form):
    name = forms.CharField(
        label=_("Nama daerah"), max_length=120, help_text=_("Nama resmi, misalnya 'Kabupaten Contoh'.")
    )
    kind = forms.ChoiceField(label=_("Jenis daerah"), choices=RegionKind.choices, initial=RegionKind.KABUPATEN)
    domain = forms.CharField(label=_("Domain go.id"), max_length=200, help_text=_("Misalnya contohkab.go.id."))
    time_zone = forms.ChoiceField(
        label=_("Zona waktu"),
        choices=[(zone, f"{label} ({zone})") for zone, label in TIME_ZONES.items()],
        help_text=_("Harus sama dengan variabel lingkungan TIME_ZONE portal."),
    )
    government_name = forms.CharField(label=_("Nama pemerintah daerah"), max_length=150, required=False)
    address = forms.CharField(label=_("Alamat kantor"), widget=forms.Textarea(attrs={"rows": 2}), required=False)
    phone = forms.CharField(label=_("Telepon"), max_length=50, required=False)
    email = forms.EmailField(label=_("Surel resmi (go.id)"), required=False)
    logo = forms.ImageField(label=_("Lambang daerah"), required=False)
    diskominfo_emails = forms.CharField(
        label=_("Surel akun Diskominfo"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Satu alamat per baris; setiap akun menerima undangan untuk membuat kata sandi."),
    )
    opds_csv = forms.FileField(
        label=_("Daftar OPD (CSV, opsional)"),
        required=False,
        help_text=_("Kolom: name, acronym, kind, admin_emails (surel admin dipisah spasi atau titik koma)."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["time_zone"].initial = settings.TIME_ZONE

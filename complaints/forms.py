"""The citizen's report form and the staff's action forms."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from casework.antispam import HoneypotFormMixin
from opd_pages.models import OpdHomePage

from .models import Complaint, ComplaintCategory

MAX_FILES = 3


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Up to :data:`MAX_FILES` files; each is checked later by ``casework.uploads.validate_upload``."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault(
            "widget", MultipleFileInput(attrs={"accept": "image/jpeg,image/png,image/webp,application/pdf"})
        )
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        if len(files) > MAX_FILES:
            raise ValidationError(_("Paling banyak %(count)d berkas.") % {"count": MAX_FILES})
        return [super(MultipleFileField, self).clean(f, initial) for f in files]


class ComplaintForm(HoneypotFormMixin, forms.ModelForm):
    """What a citizen fills in; works without JavaScript on a small phone."""

    opd = forms.ModelChoiceField(
        label=_("OPD yang dituju"),
        queryset=OpdHomePage.objects.none(),
        required=False,
        empty_label=_("Saya tidak tahu — biar koordinator yang meneruskan"),
        help_text=_("Boleh dikosongkan; kategori menentukan OPD tujuan."),
    )
    files = MultipleFileField(
        label=_("Foto atau dokumen (opsional)"),
        required=False,
        help_text=_("Paling banyak 3 berkas JPG, PNG, WebP atau PDF, masing-masing maksimum 5 MB."),
    )

    class Meta:
        model = Complaint
        fields = [
            "title",
            "description",
            "category",
            "opd",
            "kelurahan",
            "location_detail",
            "latitude",
            "longitude",
            "occurred_on",
            "contact_name",
            "contact_email",
            "contact_phone",
            "allow_public",
            "confidential",
        ]
        labels = {
            "title": _("Judul singkat"),
            "description": _("Apa yang terjadi?"),
            "kelurahan": _("Kelurahan/desa"),
            "location_detail": _("Lokasi rinci (jalan, RT/RW, patokan)"),
            "latitude": _("Lintang (opsional)"),
            "longitude": _("Bujur (opsional)"),
            "occurred_on": _("Kapan terjadi?"),
            "contact_name": _("Nama (opsional)"),
            "contact_email": _("E-mail"),
            "contact_phone": _("Nomor telepon/WhatsApp"),
            "allow_public": _("Laporan dan jawabannya boleh ditampilkan di situs tanpa data pribadi saya"),
            "confidential": _("Rahasiakan identitas saya (hanya koordinator pengaduan yang melihatnya, bukan OPD)"),
        }
        help_texts = {
            "title": _("Misalnya 'Lampu jalan mati di Jl. Melati'."),
            "description": _("Ceritakan masalahnya: apa, siapa yang terdampak, sejak kapan."),
            "latitude": _("Contoh -6.914744. Dari aplikasi peta di ponsel Anda."),
            "longitude": _("Contoh 107.609810."),
            "contact_email": _("Nomor pelacakan dan tautan pribadi dikirim ke sini. Isi e-mail atau telepon."),
            "contact_phone": _("Isi e-mail atau telepon agar petugas dapat menghubungi Anda."),
            "allow_public": "",
            "confidential": "",
        }
        widgets = {
            "description": forms.Textarea(attrs={"rows": 6}),
            "occurred_on": forms.DateInput(attrs={"type": "date"}),
            "contact_phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
            "contact_email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "contact_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "latitude": forms.NumberInput(attrs={"step": "any", "inputmode": "decimal"}),
            "longitude": forms.NumberInput(attrs={"step": "any", "inputmode": "decimal"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["opd"].queryset = OpdHomePage.objects.live().order_by("title")
        self.fields["category"].queryset = ComplaintCategory.objects.all()
        self.fields["category"].required = True
        self.fields["category"].empty_label = _("Pilih kategori")
        self.fields["kelurahan"].required = True
        self.fields["occurred_on"].required = False

    def clean_latitude(self):
        value = self.cleaned_data.get("latitude")
        if value is not None and not -90 <= value <= 90:
            raise ValidationError(_("Lintang harus antara -90 dan 90."))
        return value

    def clean_longitude(self):
        value = self.cleaned_data.get("longitude")
        if value is not None and not -180 <= value <= 180:
            raise ValidationError(_("Bujur harus antara -180 dan 180."))
        return value

    def clean(self):
        data = super().clean()
        if not data.get("contact_email") and not data.get("contact_phone"):
            raise ValidationError(_("Isi e-mail atau nomor telepon agar kami dapat memberi kabar."))
        if (data.get("latitude") is None) != (data.get("longitude") is None):
            raise ValidationError(_("Isi lintang dan bujur bersama-sama, atau kosongkan keduanya."))
        return data


class AnswerForm(forms.Form):
    public_text = forms.CharField(
        label=_("Jawaban untuk pelapor"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Dikirim ke pelapor dan, bila pelapor mengizinkan, tampil di situs."),
    )
    internal_note = forms.CharField(
        label=_("Catatan internal (opsional)"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Alasan untuk pelapor"), widget=forms.Textarea(attrs={"rows": 3}))


class NoteForm(forms.Form):
    internal_note = forms.CharField(
        label=_("Catatan internal"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Hanya untuk petugas; tidak pernah terlihat oleh pelapor atau publik."),
    )


class ForwardForm(forms.Form):
    to_opd = forms.ModelChoiceField(
        label=_("Teruskan ke"),
        queryset=OpdHomePage.objects.none(),
        required=False,
        empty_label=_("Kembalikan ke koordinator"),
    )
    reason = forms.CharField(label=_("Alasan"), widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, exclude_opd=None, **kwargs):
        super().__init__(*args, **kwargs)
        queryset = OpdHomePage.objects.live().order_by("title")
        if exclude_opd is not None:
            queryset = queryset.exclude(pk=exclude_opd)
        self.fields["to_opd"].queryset = queryset


class LaporForm(forms.Form):
    lapor_tracking_id = forms.CharField(label=_("Nomor tiket SP4N-LAPOR!"), max_length=40, required=False)

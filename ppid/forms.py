"""Citizens' forms (permohonan 1A/1B, keberatan) and the PPID's answer and extension forms."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from casework.antispam import HoneypotFormMixin
from opd_pages.models import OpdHomePage

from .models import (
    AnswerKind,
    ApplicantKind,
    DeliveryMethod,
    InformationRequest,
    Objection,
    ObjectionOutcome,
)


class InformationRequestForm(HoneypotFormMixin, forms.ModelForm):
    """Formulir permohonan informasi: 1A (perorangan) and 1B (badan) in one form."""

    opd = forms.ModelChoiceField(
        label=_("Ditujukan kepada"),
        queryset=OpdHomePage.objects.none(),
        empty_label=_("— pilih OPD —"),
        help_text=_("OPD yang menguasai informasi. Bila ragu, pilih Diskominfo (PPID Utama)."),
    )

    class Meta:
        model = InformationRequest
        fields = [
            "opd",
            "applicant_kind",
            "contact_name",
            "body_name",
            "identity_number",
            "address",
            "contact_email",
            "contact_phone",
            "information",
            "purpose",
            "receive_method",
            "delivery_method",
        ]
        labels = {
            "applicant_kind": _("Pemohon"),
            "contact_name": _("Nama lengkap"),
            "body_name": _("Nama badan hukum / kelompok (formulir 1B)"),
            "identity_number": _("Nomor identitas (NIK KTP, atau nomor akta/SK badan hukum)"),
            "address": _("Alamat"),
            "contact_email": _("Surel"),
            "contact_phone": _("Nomor telepon / WhatsApp"),
            "information": _("Rincian informasi yang dibutuhkan"),
            "purpose": _("Tujuan penggunaan informasi"),
            "receive_method": _("Cara memperoleh informasi"),
            "delivery_method": _("Cara mendapatkan salinan"),
        }
        help_texts = {
            "contact_email": _("Isi surel atau telepon (salah satu wajib) agar kami dapat mengirim jawaban."),
            "information": _("Sebutkan judul dokumen, tahun, atau uraian informasi sejelas mungkin."),
        }
        widgets = {
            "applicant_kind": forms.RadioSelect,
            "receive_method": forms.RadioSelect,
            "delivery_method": forms.RadioSelect,
            "address": forms.Textarea(attrs={"rows": 2}),
            "information": forms.Textarea(attrs={"rows": 4}),
            "purpose": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, opds=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["opd"].queryset = opds if opds is not None else OpdHomePage.objects.published().order_by("title")
        self.fields["opd"].label_from_instance = lambda opd: f"{opd.acronym} — {opd.title}"
        self.fields["contact_email"].widget.attrs["autocomplete"] = "email"
        self.fields["contact_phone"].widget.attrs.update(autocomplete="tel", inputmode="tel")
        self.fields["contact_name"].widget.attrs["autocomplete"] = "name"
        self.fields["identity_number"].widget.attrs["inputmode"] = "numeric"

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("contact_email") and not cleaned.get("contact_phone"):
            raise ValidationError(_("Isi alamat surel atau nomor telepon agar jawaban dapat dikirim."))
        if cleaned.get("applicant_kind") == ApplicantKind.BODY and not cleaned.get("body_name", "").strip():
            self.add_error("body_name", _("Tulis nama badan hukum atau kelompok (formulir 1B)."))
        if cleaned.get("delivery_method") == DeliveryMethod.EMAIL and not cleaned.get("contact_email"):
            self.add_error("contact_email", _("Isi alamat surel bila salinan dikirim lewat surel."))
        return cleaned


class TrackForm(forms.Form):
    number = forms.CharField(label=_("Nomor permohonan"), max_length=20, help_text=_("Misalnya PPID-2026-000123."))
    token = forms.CharField(label=_("Kode akses"), max_length=64, help_text=_("Tercantum pada tanda bukti."))


class ObjectionForm(forms.ModelForm):
    class Meta:
        model = Objection
        fields = ["reason", "statement"]
        labels = {"reason": _("Alasan keberatan"), "statement": _("Uraian keberatan")}
        widgets = {"reason": forms.RadioSelect, "statement": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, reasons=None, **kwargs):
        super().__init__(*args, **kwargs)
        if reasons:
            self.fields["reason"].initial = reasons[0]


class AnswerForm(forms.Form):
    answer_kind = forms.ChoiceField(label=_("Keputusan"), choices=AnswerKind.choices, widget=forms.RadioSelect)
    answer = forms.CharField(
        label=_("Jawaban kepada pemohon"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Untuk dikabulkan sebagian: sebutkan bagian yang dihitamkan dan alasannya."),
    )
    exemption = forms.CharField(
        label=_("Dasar pengecualian"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Wajib bila ditolak atau dikabulkan sebagian: pasal 17 UU 14/2008 dan hasil uji konsekuensi."),
    )
    forward_to = forms.ModelChoiceField(
        label=_("Teruskan ke OPD"),
        queryset=OpdHomePage.objects.none(),
        required=False,
        help_text=_("Bila informasi tidak dikuasai tetapi dikuasai OPD lain: permohonan diteruskan ke sana."),
    )

    def __init__(self, *args, current_opd=None, **kwargs):
        super().__init__(*args, **kwargs)
        opds = OpdHomePage.objects.live().order_by("title")
        if current_opd is not None:
            opds = opds.exclude(pk=current_opd.pk)
        self.fields["forward_to"].queryset = opds

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("answer_kind")
        if kind in (AnswerKind.REFUSED, AnswerKind.PARTLY) and not cleaned.get("exemption", "").strip():
            self.add_error("exemption", _("Sebutkan dasar pengecualian (pasal dan uji konsekuensi)."))
        if cleaned.get("forward_to") and kind != AnswerKind.NOT_HELD:
            self.add_error("forward_to", _("Hanya permohonan yang informasinya tidak dikuasai yang dapat diteruskan."))
        return cleaned


class ExtensionForm(forms.Form):
    reason = forms.CharField(
        label=_("Alasan perpanjangan (tertulis)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Pemohon membaca alasan ini. Perpanjangan hanya satu kali, 7 hari kerja."),
    )


class ObjectionDecisionForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Putusan"), choices=ObjectionOutcome.choices, widget=forms.RadioSelect)
    decision = forms.CharField(label=_("Tanggapan Atasan PPID"), widget=forms.Textarea(attrs={"rows": 5}))

from django import forms
from django.utils.translation import gettext_lazy as _

from opd_pages.models import OpdHomePage

MAX_EXPORT_BYTES = 512 * 1024 * 1024


class ImportUploadForm(forms.Form):
    opd = forms.ModelChoiceField(
        label=_("OPD tujuan"),
        queryset=OpdHomePage.objects.none(),
        help_text=_("Konten situs lama masuk ke bagian OPD ini, medianya ke koleksi media OPD ini."),
    )
    export_file = forms.FileField(
        label=_("Berkas ekspor WordPress (.xml)"),
        help_text=_("Dari dasbor WordPress lama: Alat → Ekspor → Semua konten."),
    )
    uploads_file = forms.FileField(
        label=_("Arsip wp-content/uploads (.zip, opsional)"),
        required=False,
        help_text=_("Salinan folder unggahan situs lama; tanpa ini gambar dan dokumen dilaporkan hilang."),
    )
    moderate = forms.BooleanField(
        label=_("Lewat moderasi OPD"),
        required=False,
        help_text=_("Pos yang terbit di situs lama menunggu persetujuan admin OPD, tidak langsung tayang."),
    )

    fetch_missing = forms.BooleanField(
        label=_("Unduh berkas yang hilang dari situs lama"),
        required=False,
        help_text=_(
            "Lampiran yang tidak ada di arsip diunduh dari alamatnya di situs lama, hanya dari host situs lama "
            "itu sendiri (dan host yang diizinkan di pengaturan), tidak pernah dari alamat jaringan dalam."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["opd"].queryset = OpdHomePage.objects.filter(
            team__isnull=False, team__archived_at__isnull=True
        ).order_by("title")

    def clean_export_file(self):
        upload = self.cleaned_data["export_file"]
        if not upload.name.lower().endswith(".xml"):
            raise forms.ValidationError(_("Unggah berkas .xml hasil ekspor WordPress."))
        if upload.size > MAX_EXPORT_BYTES:
            raise forms.ValidationError(_("Berkas lebih dari 512 MB; impor lewat perintah manage.py import_wordpress."))
        head = upload.read(4096)
        upload.seek(0)
        if b"<rss" not in head and b"<?xml" not in head:
            raise forms.ValidationError(_("Berkas ini bukan ekspor WordPress (WXR)."))
        return upload

    def clean_uploads_file(self):
        import zipfile

        upload = self.cleaned_data.get("uploads_file")
        if not upload:
            return upload
        if not zipfile.is_zipfile(upload):
            raise forms.ValidationError(_("Arsip unggahan harus berupa berkas .zip."))
        upload.seek(0)
        return upload

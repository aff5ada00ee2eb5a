"""Factories for OPD forms (surveys, registrations) and their submissions."""

import wagtail_factories

from opd_forms.models import OpdFormField, OpdFormPage

SURVEY_FIELDS = [
    {"label": "Nama", "field_type": "singleline", "required": True},
    {
        "label": "Seberapa puas Anda dengan layanan kami?",
        "field_type": "radio",
        "required": True,
        "choices": "Sangat puas\nPuas\nKurang puas\nTidak puas",
    },
    {"label": "Saran", "field_type": "multiline", "required": False},
]


class OpdFormPageFactory(wagtail_factories.PageFactory):
    title = "Survei Kepuasan Masyarakat"
    slug = "survei-kepuasan"
    intro = "<p>Bantu kami memperbaiki layanan. Isian tidak lebih dari dua menit.</p>"
    thank_you_text = "<p>Hasil survei diumumkan setiap triwulan.</p>"

    class Meta:
        model = OpdFormPage


def make_survey(opd, fields=SURVEY_FIELDS, **kwargs):
    """A published survey form under ``opd`` with ``fields`` (Wagtail form-builder fields)."""
    page = OpdFormPageFactory(parent=opd, **kwargs)
    for order, spec in enumerate(fields):
        OpdFormField.objects.create(page=page, sort_order=order, **spec)
    page.save_revision().publish()
    page.refresh_from_db()
    return page

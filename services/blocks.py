"""Blocks of a service page: a requirement (optionally with its form to download) and a procedure step."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock


class RequirementBlock(blocks.StructBlock):
    """One persyaratan: what the citizen brings, optionally with a blank form to download."""

    text = blocks.CharBlock(label=_("Persyaratan"), max_length=255, help_text=_("Misalnya 'Fotokopi KK (1 lembar)'."))
    note = blocks.CharBlock(
        label=_("Keterangan"), max_length=255, required=False, help_text=_("Opsional, misalnya 'asli diperlihatkan'.")
    )
    form = DocumentChooserBlock(
        label=_("Formulir unduhan"), required=False, help_text=_("Formulir kosong yang dapat diunduh warga (PDF).")
    )

    class Meta:
        icon = "list-ul"
        label = _("Persyaratan")
        template = "components/services/requirement_block.html"
        preview_value = {"text": "Fotokopi Kartu Keluarga", "note": "Asli diperlihatkan"}


class StepBlock(blocks.StructBlock):
    """One step of the prosedur, in the order the citizen goes through it."""

    title = blocks.CharBlock(label=_("Langkah"), max_length=160, help_text=_("Misalnya 'Ambil nomor antrean'."))
    description = blocks.TextBlock(label=_("Penjelasan"), required=False)

    class Meta:
        icon = "list-ol"
        label = _("Langkah")
        template = "components/services/step_block.html"
        preview_value = {"title": "Serahkan berkas di loket", "description": "Petugas memeriksa kelengkapan berkas."}


class RequirementsBlock(blocks.StreamBlock):
    item = RequirementBlock()


class ProcedureBlock(blocks.StreamBlock):
    step = StepBlock()

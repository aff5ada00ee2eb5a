"""The shared StreamField block set used for the body of every content page."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock

RICH_TEXT_FEATURES = ["bold", "italic", "h2", "h3", "h4", "ol", "ul", "link", "document-link", "hr"]


class HeadingBlock(blocks.StructBlock):
    """A section heading inside the body."""

    text = blocks.CharBlock(label=_("Judul"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Tingkat"),
        choices=[("h2", _("Judul bagian (H2)")), ("h3", _("Sub-judul (H3)"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Judul bagian")
        template = "components/streamfield/blocks/heading_block.html"
        preview_value = {"text": "Persyaratan layanan", "level": "h2"}


class CaptionedImageBlock(blocks.StructBlock):
    """A photo in the body with its caption and credit."""

    image = ImageBlock(label=_("Gambar"))
    caption = blocks.CharBlock(label=_("Keterangan"), required=False, max_length=255)
    credit = blocks.CharBlock(label=_("Kredit foto"), required=False, max_length=255)

    class Meta:
        icon = "image"
        label = _("Gambar")
        template = "components/streamfield/blocks/image_block.html"


class QuoteBlock(blocks.StructBlock):
    """A quotation, e.g. from the head of the OPD."""

    quote = blocks.TextBlock(label=_("Kutipan"))
    attribution = blocks.CharBlock(label=_("Sumber kutipan"), required=False, max_length=255)

    class Meta:
        icon = "openquote"
        label = _("Kutipan")
        template = "components/streamfield/blocks/quote_block.html"
        preview_value = {
            "quote": "Pelayanan yang cepat dan ramah adalah hak setiap warga.",
            "attribution": "Kepala Dinas",
        }


class DocumentLinkBlock(blocks.StructBlock):
    """A downloadable document (PDF, spreadsheet) with a readable title."""

    document = DocumentChooserBlock(label=_("Dokumen"))
    title = blocks.CharBlock(label=_("Judul tautan"), required=False, max_length=255)

    class Meta:
        icon = "doc-full"
        label = _("Dokumen unduhan")
        template = "components/streamfield/blocks/document_block.html"


class BodyStreamBlock(blocks.StreamBlock):
    """The body of news items, announcements, events and profile pages."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Paragraf"),
        features=RICH_TEXT_FEATURES,
        icon="pilcrow",
        template="components/streamfield/blocks/paragraph_block.html",
        preview_value="<p>Warga dapat mengurus layanan ini tanpa biaya di kantor kecamatan.</p>",
    )
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    document = DocumentLinkBlock()

    class Meta:
        template = "components/streamfield/stream_block.html"

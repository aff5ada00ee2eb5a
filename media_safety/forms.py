"""Wagtail's image and document forms with the content checks (WAGTAIL*_FORM_BASE settings)."""

import willow
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from audit.log import record

from .checks import check_upload, reencode_image


class CheckedUploadMixin:
    upload_kind = ""

    def _checked_file(self):
        uploaded = self.cleaned_data.get("file")
        if isinstance(uploaded, UploadedFile):
            check_upload(uploaded, self.upload_kind)
        return uploaded

    def clean(self):
        cleaned = super().clean()
        errors = self._errors.get("file") if self._errors else None
        if errors:
            uploaded = self.files.get(self.add_prefix("file"))
            record(
                "upload.refused",
                user=getattr(self, "user", None),
                target=getattr(uploaded, "name", "")[:255],
                outcome="denied",
                kind=self.upload_kind,
                reasons=[str(message) for message in errors],
                size=getattr(uploaded, "size", None),
            )
        return cleaned


class SafeImageField(WagtailImageField):
    """Wagtail's image field with our checks run *before* Willow opens the file: Wagtail's own
    pixel check decodes lazily outside its error handling, so a decompression bomb or a broken
    file would otherwise answer 500 (test: tests/media_safety, "bom.png", "rusak.jpg")."""

    def to_python(self, data):
        if isinstance(data, UploadedFile):
            check_upload(data, "image")
        return super().to_python(data)


class SafeImageForm(CheckedUploadMixin, BaseImageForm):
    """Images: allowed by content, within the pixel cap, re-encoded before they are stored."""

    upload_kind = "image"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if field is not None and type(field) is WagtailImageField:
            # Same field, same options; only to_python gains the content checks.
            field.__class__ = SafeImageField

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if isinstance(uploaded, UploadedFile):
            clean = reencode_image(uploaded)
            # Wagtail's field annotates the upload with its Willow image; annotate the new bytes alike.
            clean.image = willow.Image.open(clean.file)
            clean.file.seek(0)
            return clean
        return uploaded


class SafeDocumentForm(CheckedUploadMixin, BaseDocumentForm):
    """Documents: allowed by content, size-capped, inspected for bombs, macros and scripts.

    Titles pass the judi-online gate.
    """

    upload_kind = "document"

    def clean_file(self):
        return self._checked_file()

    def clean_title(self):
        title = self.cleaned_data.get("title", "")
        from spam_gate.checks import check_text

        verdict = check_text(title)
        if verdict.is_spam:
            raise ValidationError(" ".join(verdict.reasons), code="spam")
        return title

"""Every citizen's upload passes :func:`validate_upload` before it is kept.

``validate_upload(file, kind)`` returns the bytes to store (images re-encoded, which drops
camera metadata such as GPS position) or raises ``ValidationError`` with a message in Bahasa
Indonesia. When the hardening engineer's ``media_safety.checks.check_upload(file, kind)`` is
on the branch, it is called first here (the one line marked below).
"""

import io

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

IMAGE = "image"
DOCUMENT = "document"
IMAGE_FORMATS = {"JPEG": ("image/jpeg", "jpg"), "PNG": ("image/png", "png"), "WEBP": ("image/webp", "webp")}
DOCUMENT_SIGNATURES = {b"%PDF-": ("application/pdf", "pdf")}
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
MAX_PIXELS = 40_000_000


class CheckedUpload:
    """What is stored: the content, its type and a safe file name."""

    def __init__(self, content, content_type, extension, original_name):
        self.content, self.content_type, self.extension, self.original_name = (
            content,
            content_type,
            extension,
            original_name,
        )


def max_bytes():
    return getattr(settings, "PORTAL_CASEWORK_MAX_UPLOAD_BYTES", DEFAULT_MAX_BYTES)


def validate_upload(file, kind=None):
    """Check one uploaded file (``kind`` None: image or PDF) and return a :class:`CheckedUpload`."""
    name = (getattr(file, "name", "") or "berkas")[-200:]
    if file.size > max_bytes():
        raise ValidationError(
            _("Berkas %(name)s terlalu besar (maksimum %(max)d MB).") % {"name": name, "max": max_bytes() // 2**20}
        )
    file.seek(0)
    head = file.read(8)
    file.seek(0)
    if kind in (None, DOCUMENT):
        for signature, (content_type, extension) in DOCUMENT_SIGNATURES.items():
            if head.startswith(signature):
                return CheckedUpload(file.read(), content_type, extension, name)
        if kind == DOCUMENT:
            raise ValidationError(_("Berkas %(name)s bukan dokumen PDF.") % {"name": name})
    return _checked_image(file, name)


def _checked_image(file, name):
    refused = ValidationError(
        _("Berkas %(name)s bukan foto yang dapat dibaca (JPG, PNG atau WebP) atau dokumen PDF.") % {"name": name}
    )
    try:
        with Image.open(file) as probe:
            image_format = probe.format
            probe.verify()
        file.seek(0)
        with Image.open(file) as image:
            if image.width * image.height > MAX_PIXELS or image_format not in IMAGE_FORMATS:
                raise refused
            image.load()
            content_type, extension = IMAGE_FORMATS[image_format]
            output = io.BytesIO()
            if image_format == "JPEG" and image.mode not in ("RGB", "L"):
                image = image.convert("RGB")
            image.save(output, format=image_format)
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
        raise refused from exc
    return CheckedUpload(output.getvalue(), content_type, extension, name)


def store_attachment(case, checked, model):
    """Save a :class:`CheckedUpload` as ``model`` (a concrete CaseAttachment) of ``case``, under a random name."""
    import uuid

    from django.core.files.base import ContentFile

    attachment = model(
        case=case,
        original_name=checked.original_name,
        content_type=checked.content_type,
        size=len(checked.content),
    )
    attachment.file.save(f"{uuid.uuid4().hex}.{checked.extension}", ContentFile(checked.content), save=False)
    attachment.save()
    return attachment


def attachment_response(attachment):
    """Serve a private attachment: the caller has checked permission; the browser may not run it."""
    from django.http import FileResponse

    response = FileResponse(
        attachment.file.open("rb"),
        content_type=attachment.content_type,
        as_attachment=not attachment.is_image,
        filename=attachment.original_name,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; img-src 'self'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response

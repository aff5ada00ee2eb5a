"""The two checks every imported item passes: the spam gate and the upload checks.

Both belong to other apps (``spam_gate`` and ``media_safety``, built on the hardening
branch); this module is the one place the importer calls them. Until those apps are
installed, a small interim check stands in (judi-online vocabulary; Pillow verification of
images) so imports are never unguarded.
"""

import dataclasses
import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# Interim vocabulary of the gambling spam injected into go.id sites (see docs/operations.md).
GAMBLING_TERMS = re.compile(
    r"\b(slot\s*gacor|slot\s*online|situs\s*slot|judi\s*online|judi\s*bola|togel|toto\s*macau|maxwin|"
    r"scatter\s*hitam|rtp\s*live|gates\s*of\s*olympus|mahjong\s*ways|sbobet|pragmatic\s*play|bandar\s*judi|"
    r"deposit\s*pulsa|link\s*alternatif|bocoran\s*slot|slot88|slot\s*thailand|gacor)\b",
    re.IGNORECASE,
)


@dataclasses.dataclass
class InterimVerdict:
    is_spam: bool
    reasons: list


def _interim_check_text(text, *, html=False):
    hits = sorted({match.group(0).lower() for match in GAMBLING_TERMS.finditer(text or "")})
    if len(hits) >= 2:
        return InterimVerdict(True, [_("Kosakata judi online: %(terms)s") % {"terms": ", ".join(hits[:6])}])
    return InterimVerdict(False, [])


def spam_reasons(title, html):
    """Why the spam gate refuses this content (empty when it passes)."""
    try:
        from spam_gate.checks import check_text
    except ImportError:
        check_text = _interim_check_text
    verdict = check_text(f"{title}\n{html}", html=True)
    return [str(reason) for reason in verdict.reasons] if verdict.is_spam else []


def _interim_check_upload(uploaded_file, kind):
    if kind == "image":
        from PIL import Image

        try:
            uploaded_file.seek(0)
            with Image.open(uploaded_file) as picture:
                picture.verify()
        except Exception as error:  # noqa: BLE001 - any decoding failure means "not an image"
            raise ValidationError(_("Berkas bukan gambar yang sah.")) from error
        finally:
            uploaded_file.seek(0)


def upload_refusal(uploaded_file, kind):
    """The reason the upload checks refuse this file (``None`` when it is accepted)."""
    try:
        from media_safety.checks import check_upload
    except ImportError:
        check_upload = _interim_check_upload
    try:
        check_upload(uploaded_file, kind)
    except ValidationError as error:
        return "; ".join(str(message) for message in error.messages)
    return None

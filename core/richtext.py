"""Rich text that names a page, document or image by a non-numeric id is refused at save time.

Draftail never writes such ids, but a crafted form post can, and Wagtail's link and embed
handlers answer 500 when the published page is rendered. ``BasePage.clean`` calls
:func:`check_rich_text_references` on every rich-text and StreamField value.
"""

import json
import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

REFERENCE_TAG = re.compile(r"<(?:a|embed)\b[^>]*\b(?:linktype|embedtype)=\"(page|document|image)\"[^>]*>", re.I)
ID_ATTRIBUTE = re.compile(r"\bid=\"([^\"]*)\"")


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _strings(item)


def bad_references(html):
    """(kind, id) of every page/document/image reference whose id is not a number."""
    found = []
    for tag in REFERENCE_TAG.finditer(html or ""):
        match = ID_ATTRIBUTE.search(tag.group(0))
        if match is None or not match.group(1).isdigit():
            found.append((tag.group(1), match.group(1) if match else ""))
    return found


def check_rich_text_references(instance):
    from wagtail.fields import RichTextField, StreamField

    errors = {}
    for field in type(instance)._meta.concrete_fields:
        if not isinstance(field, (RichTextField, StreamField)):
            continue
        value = getattr(instance, field.attname, None)
        if isinstance(field, StreamField):
            raw = value.raw_data if hasattr(value, "raw_data") else value
            if isinstance(raw, str):
                try:
                    raw = json.loads(raw)
                except ValueError:
                    raw = [raw]
            texts = list(_strings(list(raw or [])))
        else:
            texts = [value or ""]
        bad = [ref for text in texts for ref in bad_references(text)]
        if bad:
            kind, ref_id = bad[0]
            errors[field.name] = _(
                "Isi memuat tautan atau sisipan %(kind)s dengan id tidak sah (“%(id)s”). Hapus lalu pilih ulang "
                "tautannya dengan tombol di editor."
            ) % {"kind": kind, "id": ref_id[:40]}
    if errors:
        raise ValidationError(errors)

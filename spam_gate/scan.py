"""Find gambling spam in what is already public.

Live pages, Sorotan, quick links, document titles, search promotions.
"""

from dataclasses import dataclass

from django.apps import apps
from wagtail.models import Page

from .checks import check_fields, check_page


@dataclass
class Finding:
    kind: str
    label: str
    object_id: int
    reasons: list


def _model_findings(kind, model, fields):
    for obj in model.objects.all().iterator(chunk_size=500):
        verdict = check_fields(*(getattr(obj, name, "") for name in fields))
        if verdict.is_spam:
            yield Finding(kind, str(obj)[:200], obj.pk, verdict.reasons)


def scan_published():
    """Every public item the gate rejects."""
    for page in Page.objects.live().specific().iterator(chunk_size=200):
        verdict = check_page(page)
        if verdict.is_spam:
            yield Finding("halaman", page.title, page.pk, verdict.reasons)
    sources = [
        ("sorotan", "home.Highlight", ["title", "summary"]),
        ("tautan layanan", "home.QuickLink", ["title", "description", "url"]),
        ("dokumen", "wagtaildocs.Document", ["title"]),
        ("promosi pencarian", "wagtailsearchpromotions.SearchPromotion", ["description", "external_link_text"]),
    ]
    for kind, label, fields in sources:
        try:
            model = apps.get_model(label)
        except LookupError:
            continue
        yield from _model_findings(
            kind, model, [f for f in fields if hasattr(model, f) or f in {x.name for x in model._meta.fields}]
        )

"""The explorer's "add child page" checks without one COUNT per row and page type.

Wagtail's ``Page.can_create_at`` counts a parent's children of a type with
``max_count_per_parent`` (an OPD's single *Berita*, *Pengumuman*, *Layanan*… section) every time
it is asked, and the explorer asks it for every row: three counts per OPD on the regional home,
148 queries at 40 OPDs. :func:`with_child_type_counts` annotates the explorer's rows with those
counts in the listing's own query (``construct_explorer_page_queryset``, core/wagtail_hooks.py);
:meth:`core.models.BasePage.can_create_at` uses an annotation when the parent carries one and
asks the database otherwise.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from wagtail.models import Page, get_page_models

PREFIX = "portal_children_of_type_"


def limited_page_models():
    """Page types with a ``max_count_per_parent``."""
    return [model for model in get_page_models() if model.max_count_per_parent is not None]


def annotation_name(model):
    return PREFIX + model._meta.label_lower.replace(".", "_")


def with_child_type_counts(queryset):
    """``queryset`` with, per page, its number of children of every limited page type (one query)."""
    annotations = {}
    for model in limited_page_models():
        children = (
            Page.objects.filter(
                content_type=ContentType.objects.get_for_model(model),
                depth=OuterRef("depth") + 1,
                path__startswith=OuterRef("path"),
            )
            .order_by()
            .values("content_type")
            .annotate(count=Count("pk"))
            .values("count")
        )
        annotations[annotation_name(model)] = Coalesce(Subquery(children), Value(0), output_field=IntegerField())
    return queryset.annotate(**annotations) if annotations else queryset


def known_child_count(parent, model):
    """The annotated count of ``parent``'s children of type ``model``, or None when not annotated."""
    return getattr(parent, annotation_name(model), None)

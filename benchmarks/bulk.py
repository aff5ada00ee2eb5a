"""Insert many pages at once while keeping Wagtail's page tree valid.

Pages are normally added one by one with ``parent.add_child()``, which costs several
queries per page. Here we compute what treebeard and Wagtail would compute (materialised
``path``, ``depth``, ``numchild``, ``url_path``), insert the ``wagtailcore_page`` rows with
one ``bulk_create`` and then the rows of the specific page type (multi-table inheritance)
with a raw insert of its local fields. ``Page.find_problems()`` finds nothing afterwards.

Only page types whose sole concrete parent is ``Page`` are supported (every portal page type).
"""

import uuid

from django.contrib.contenttypes.models import ContentType
from django.core.management.color import no_style
from django.db import connections, router
from wagtail.models import Page, PageLogEntry

from core.bulk_insert import insert_many

PAGE_FIELDS = [field for field in Page._meta.concrete_fields if not field.primary_key]


def _child_path(parent, position):
    return Page._get_path(parent.path, parent.depth + 1, position)


def _next_position(parent):
    last = Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1).order_by("-path").first()
    return Page._str2int(last.path[-Page.steplen :]) + 1 if last else 1


def insert_rows(model, fields, objects, using):
    """Insert ``objects``' ``fields`` with one prepared statement (values prepared as Django saves them).

    Much cheaper than ``bulk_create`` for tens of thousands of rows: the statement is compiled
    once instead of once per batch of hundreds of rows × every field.
    """
    if not objects:
        return
    connection = connections[using]
    rows = [[field.get_db_prep_save(field.pre_save(obj, True), connection) for field in fields] for obj in objects]
    insert_many(connection, model._meta.db_table, [field.column for field in fields], rows)


def _insert_specific_rows(model, pages, using):
    """Insert the rows of ``model``'s own table for pages whose ``wagtailcore_page`` rows exist."""
    insert_rows(model, list(model._meta.local_concrete_fields), pages, using)


def add_children(parent, pages, published_at, owner=None):
    """Add unsaved specific ``pages`` as live children of ``parent``, in order; return them saved.

    ``published_at`` is a list of aware datetimes (one per page) used as first/last publication
    time. Each page also gets a ``wagtail.publish`` audit-log entry at that time, as if an editor
    had published it then. ``parent`` is refreshed (``numchild``) from the database afterwards.
    """
    if not pages:
        return []
    using = router.db_for_write(Page)
    position = _next_position(parent)
    content_types = {}
    for offset, (page, when) in enumerate(zip(pages, published_at, strict=True)):
        model = type(page)
        if model not in content_types:
            if model._meta.get_parent_list() != [Page]:
                raise ValueError(f"{model.__name__} must inherit directly from Page for bulk insertion.")
            content_types[model] = ContentType.objects.get_for_model(model)
        page.content_type = content_types[model]
        page.path = _child_path(parent, position + offset)
        page.depth = parent.depth + 1
        page.numchild = 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.locale_id = parent.locale_id
        page.draft_title = page.title
        page.live = True
        page.has_unpublished_changes = False
        page.first_published_at = page.last_published_at = page.latest_revision_created_at = when
        page.owner = owner
        if hasattr(page, "sync_listing_fields"):
            page.sync_listing_fields()  # denormalised copies (NewsPage.listing_published_at)

    # The wagtailcore_page rows straight from the specific instances, with ids given here (the
    # sequence is moved past them afterwards): no Page copies to build, no ids to read back.
    connection = connections[using]
    last_id = Page._base_manager.using(using).order_by("-pk").values_list("pk", flat=True).first() or 0
    by_model = {}
    for number, page in enumerate(pages, start=1):
        page.pk = page.page_ptr_id = page.id = last_id + number
        page._state.adding = False
        page._state.db = using
        by_model.setdefault(type(page), []).append(page)
    insert_rows(Page, [Page._meta.pk, *PAGE_FIELDS], pages, using)
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), [Page]):
            cursor.execute(statement)
    for model, model_pages in by_model.items():
        _insert_specific_rows(model, model_pages, using)

    log_fields = [field for field in PageLogEntry._meta.concrete_fields if not field.primary_key]
    insert_rows(
        PageLogEntry,
        log_fields,
        [
            PageLogEntry(
                content_type=page.content_type,
                label=page.title,
                action="wagtail.publish",
                data={},
                timestamp=when,
                uuid=uuid.uuid4(),
                user=owner,
                page_id=page.pk,
                content_changed=True,
            )
            for page, when in zip(pages, published_at, strict=True)
        ],
        using,
    )
    numchild = Page.objects.using(using).filter(path__startswith=parent.path, depth=parent.depth + 1).count()
    Page.objects.using(using).filter(pk=parent.pk).update(numchild=numchild)
    parent.numchild = numchild
    return pages

"""Keeping :class:`search.models.SearchDocument` (and SQLite's FTS5 table) in step with live pages.

Called by the ``portal_documents`` search backend (so both ``update_index`` and the page
signals of :mod:`search.signal_handlers` reach it) and by the ``post_page_move`` signal (a
move changes the path and possibly the OPD of a whole subtree).
"""

from django.db import connection, transaction
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import slugify
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from core.bulk_insert import insert_many

from .models import SearchDocument
from .text import analyze, tokenize

MAX_BODY_CHARS = 60_000
SUMMARY_BOOST = 2  # search fields boosted at least this much count as "summary" (weight B)
FTS_TABLE = "search_document_fts"


def kind_key(page_class):
    """A stable facet key for a page class: its citizen-facing label, slugified ("berita", "agenda")."""
    return slugify(str(getattr(page_class, "kind_label", "Halaman")))


def _text_of(page, field):
    if isinstance(field, index.RelatedFields):
        related = getattr(page, field.field_name, None)
        if related is None:
            return ""
        objects = related.all() if hasattr(related, "all") else [related]
        return " ".join(str(getattr(obj, sub.field_name, "") or "") for obj in objects for sub in field.fields)
    value = getattr(page, field.field_name, "")
    if callable(value):
        value = value()
    try:
        model_field = page._meta.get_field(field.field_name)
    except Exception:
        model_field = None
    if isinstance(model_field, StreamField):
        return " ".join(model_field.get_searchable_content(value))
    return "" if value is None else str(value)


def page_text(page):
    """(summary, body) plain text of a specific page, from its own ``search_fields``."""
    summary, body = [], []
    for field in page.get_search_fields():
        if isinstance(field, index.SearchField | index.RelatedFields) and field.field_name != "title":
            text = strip_tags(_text_of(page, field))
            boost = getattr(field, "boost", None) or 1
            if isinstance(field, index.RelatedFields):
                boost = max((getattr(sub, "boost", None) or 1) for sub in field.fields)
            (summary if boost >= SUMMARY_BOOST else body).append(text)
    if page.search_description:
        summary.append(page.search_description)
    return " ".join(filter(None, summary)), " ".join(filter(None, body))[:MAX_BODY_CHARS]


def page_date(page):
    for name in ("date", "start"):
        value = getattr(page, name, None)
        if value is not None:
            return timezone.localdate(value) if hasattr(value, "hour") else value
    when = page.first_published_at or page.last_published_at
    return timezone.localdate(when) if when else None


def opd_homes():
    """Path → OPD home page of every OPD (a few dozen rows, one query)."""
    from opd_pages.models import OpdHomePage

    return {opd.path: opd for opd in OpdHomePage.objects.only("id", "path", "title", "acronym")}


def owning_opd(page, opds):
    steplen = Page.steplen
    for end in range(len(page.path), 0, -steplen):
        opd = opds.get(page.path[:end])
        if opd is not None:
            return opd
    return None


def build_document(page, opds):
    summary, body = page_text(page)
    opd = owning_opd(page, opds)
    if opd is not None:
        # Pages carry their OPD's name and acronym, so "dinkes vaksin" finds Dinkes news about vaccines.
        body = f"{body} {opd.acronym} {opd.title}".strip()
    date = page_date(page)
    return SearchDocument(
        page_id=page.pk,
        path=page.path,
        opd_id=opd.pk if opd else None,
        kind=kind_key(type(page)),
        date=date,
        year=date.year if date else None,
        title=page.title,
        summary=summary,
        body=body,
    )


def uses_fts5():
    return connection.vendor == "sqlite"


def facet_terms(opd_id=None, kind=None, year=None):
    """The FTS5 ``facets`` terms of a document, or of a filter: ``o<OPD id>``, ``k<kind, hex>``,
    ``y<year>``. The kind is hex-encoded so that any key is one token ("layanan-opd" would be two).

    Migration 0005 writes the same terms in SQL (``'k' || lower(hex(kind))``).
    """
    terms = []
    if opd_id is not None:
        terms.append(f"o{opd_id}")
    if kind is not None:
        terms.append("k" + kind.encode().hex())
    if year is not None:
        terms.append(f"y{year}")
    return terms


FTS_COLUMNS = "rowid, title, summary, body, title_words, facets"


def _fts_rows(documents):
    return [
        (
            doc.page_id,
            " ".join(analyze(doc.title)),
            " ".join(analyze(doc.summary)),
            " ".join(analyze(doc.body)),
            " ".join(tokenize(doc.title)),
            " ".join(facet_terms(doc.opd_id, doc.kind, doc.year)),
        )
        for doc in documents
    ]


def _delete_ids(ids):
    SearchDocument.objects.filter(page_id__in=ids).delete()
    if uses_fts5() and ids:
        with connection.cursor() as cursor:
            cursor.executemany(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [(pk,) for pk in ids])


def index_pages(pages):
    """Index live pages among ``pages`` (specific instances) and drop the others; returns the count indexed."""
    pages = [page for page in pages if page.pk]
    opds = opd_homes()
    documents = [build_document(page, opds) for page in pages if page.live and page.depth > 1]
    with transaction.atomic():
        _delete_ids([page.pk for page in pages])
        SearchDocument.objects.bulk_create(documents)
        if uses_fts5() and documents:
            with connection.cursor() as cursor:
                cursor.executemany(
                    f"INSERT INTO {FTS_TABLE} ({FTS_COLUMNS}) VALUES (%s, %s, %s, %s, %s, %s)",
                    _fts_rows(documents),
                )
    return len(documents)


def index_new_pages(pages, opds):
    """Bulk-index pages that have no index rows yet (a bulk load): no delete, one prepared insert.

    ``opds`` maps tree path → OPD home page (as :func:`opd_homes` does), so building the
    documents needs no query when the pages' related objects are already in memory.
    """
    documents = [build_document(page, opds) for page in pages if page.live and page.depth > 1]
    if not documents:
        return 0
    fields = [field for field in SearchDocument._meta.concrete_fields if not field.generated]
    values = [[field.get_db_prep_save(field.pre_save(doc, True), connection) for field in fields] for doc in documents]
    with transaction.atomic():
        insert_many(connection, SearchDocument._meta.db_table, [field.column for field in fields], values)
        if uses_fts5():
            with connection.cursor() as cursor:
                cursor.executemany(
                    f"INSERT INTO {FTS_TABLE} ({FTS_COLUMNS}) VALUES (%s, %s, %s, %s, %s, %s)",
                    _fts_rows(documents),
                )
    return len(documents)


def remove_page(page_id):
    with transaction.atomic():
        _delete_ids([page_id])


def reindex_subtree(page):
    """Re-index a page and all its descendants (after a move)."""
    path = Page.objects.values_list("path", flat=True).get(pk=page.pk)  # the path after the move
    pages = Page.objects.filter(path__startswith=path).order_by("path").specific()
    for start in range(0, pages.count(), 500):
        index_pages(list(pages[start : start + 500]))


def remove_orphans():
    """Drop index rows whose page is gone or no longer live (cheap; run after a rebuild)."""
    stale = SearchDocument.objects.exclude(page__live=True).values_list("page_id", flat=True)
    _delete_ids(list(stale))
    if uses_fts5():
        with connection.cursor() as cursor:
            cursor.execute(
                f"DELETE FROM {FTS_TABLE} WHERE rowid NOT IN (SELECT page_id FROM {SearchDocument._meta.db_table})"
            )

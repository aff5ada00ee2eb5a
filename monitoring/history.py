"""Publication history: what counts as "a publication" and how many each OPD made in a period.

A publication is the **first publication of a content page** of an OPD: a news item (Berita),
an announcement (Pengumuman) or an event (Agenda). Its time is the earliest ``wagtail.publish``
entry of that page in Wagtail's audit log (``PageLogEntry``). Consequences, on purpose:

- republishing an edited page is not a new publication; unpublishing does not erase one;
- a scheduled page counts when it actually went live (the log entry of the publish job);
- a page deleted from the tree (spam, mistakes) no longer counts;
- nothing reads ``first_published_at`` or any stored counter, so the figures for a past period
  stay the same later, whatever editors do to the pages' fields.

The inner query (ORM) groups the log by page to find each page's first publication; the outer
query sums those per OPD and content type into the requested time buckets (see
:func:`publication_stats`).
"""

import datetime
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import Min, Q, Subquery
from django.db.models.functions import Substr
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from wagtail.models import PageLogEntry

from opd_pages.models import AnnouncementPage, EventPage, NewsPage

PUBLISH_ACTION = "wagtail.publish"
#: Page types whose first publication counts as a publication of their OPD.
PUBLICATION_MODELS = (NewsPage, AnnouncementPage, EventPage)


def publication_content_types():
    """{content type id: model} of the counted page types (cached by Django after the first call)."""
    by_model = ContentType.objects.get_for_models(*PUBLICATION_MODELS, for_concrete_models=False)
    return {content_type.pk: model for model, content_type in by_model.items()}


def first_publications(opd_path_length):
    """One row per counted page: its OPD's path prefix, content type and first publication time."""
    queryset = PageLogEntry.objects.filter(action=PUBLISH_ACTION, content_type__in=list(publication_content_types()))
    return (
        queryset.annotate(opd_path=Substr("page__path", 1, opd_path_length))
        .values("page_id", "opd_path", "content_type_id")
        .annotate(first_published=Min("timestamp"))
        .order_by()
    )


@dataclass
class OpdPublications:
    """Publications of one OPD: the last one before ``until`` and counts per bucket and per kind."""

    last_published_at: datetime.datetime | None = None
    counts: list = field(default_factory=list)
    counts_by_model: dict = field(default_factory=dict)

    def count(self, index):
        return self.counts[index] if self.counts else 0


def _to_datetime(value):
    if value is None or isinstance(value, datetime.datetime):
        return value
    parsed = parse_datetime(value)
    return timezone.make_aware(parsed, datetime.UTC) if timezone.is_naive(parsed) else parsed


def _aggregate(inner, buckets, until):
    """Run the outer aggregate over ``inner`` (rows of first publications): per OPD path and type."""
    inner_sql, inner_params = inner.query.sql_with_params()
    adapt = connection.ops.adapt_datetimefield_value
    columns, params = [], []
    if until is None:
        columns.append("MAX(f.first_published)")
    else:
        columns.append("MAX(CASE WHEN f.first_published < %s THEN f.first_published END)")
        params.append(adapt(until))
    for start, end in buckets:
        columns.append("SUM(CASE WHEN f.first_published >= %s AND f.first_published < %s THEN 1 ELSE 0 END)")
        params.extend([adapt(start), adapt(end)])
    sql = (
        f"SELECT f.opd_path, f.content_type_id, {', '.join(columns)} "
        f"FROM ({inner_sql}) f GROUP BY f.opd_path, f.content_type_id"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, *inner_params])
        return cursor.fetchall()


def _subtree(opds):
    """Pages below any of ``opds``, as ranges on the indexed path (LIKE 'x%' cannot use the index)."""
    condition = Q()
    for opd in opds:
        condition |= Q(page__path__gt=opd.path, page__path__lt=opd.path + "Z" * 40)
    return condition


def publication_stats(opds, buckets, until=None):
    """Per OPD (dict keyed by OPD pk): last publication before ``until`` and counts in ``buckets``.

    ``buckets`` is a list of ``(start, end)`` aware datetimes, each half-open ``[start, end)``.
    Fast on a large log: the counts only look at pages with a publish entry inside the buckets
    (a first publication inside a bucket is such an entry). For an OPD with a first publication
    there, the newest one is its last publication; for the others one more query looks at their
    whole history. At most two queries, whatever the number of OPDs and pages.
    """
    opds = list(opds)
    result = {opd.pk: OpdPublications(counts=[0] * len(buckets)) for opd in opds}
    if not opds:
        return result
    path_length = len(opds[0].path)
    by_path = {opd.path: opd.pk for opd in opds if len(opd.path) == path_length}
    models = publication_content_types()

    recent = PageLogEntry.objects.filter(action=PUBLISH_ACTION, content_type__in=list(models))
    window_start = min((start for start, _end in buckets), default=None)
    if buckets:
        recent = recent.filter(timestamp__gte=window_start, timestamp__lt=max(end for _start, end in buckets))
    inner = first_publications(path_length).filter(page_id__in=Subquery(recent.values("page_id")))
    if len(opds) == 1:
        inner = inner.filter(_subtree(opds))
    for opd_path, content_type_id, last, *counts in _aggregate(inner, buckets, until):
        opd_pk = by_path.get(opd_path)
        if opd_pk is None:
            continue
        stats = result[opd_pk]
        last = _to_datetime(last)
        if last and window_start and last >= window_start:
            # A page republished in the window but first published before it may hide a newer
            # first publication outside the window: such OPDs get the full look-up below.
            _note_last(stats, last)
        counts = [int(value or 0) for value in counts]
        stats.counts = [total + value for total, value in zip(stats.counts, counts, strict=True)]
        stats.counts_by_model[models.get(content_type_id)] = counts

    without_recent = [opd for opd in opds if result[opd.pk].last_published_at is None]
    if without_recent:
        inner = first_publications(path_length).filter(_subtree(without_recent))
        for opd_path, _content_type_id, last in _aggregate(inner, [], until):
            if opd_path in by_path:
                _note_last(result[by_path[opd_path]], last)
    return result


def _note_last(stats, last):
    last = _to_datetime(last)
    if last and (stats.last_published_at is None or last > stats.last_published_at):
        stats.last_published_at = last

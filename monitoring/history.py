"""Publication history: what counts as "a publication" and how many each OPD made in a period.

A publication is the **first publication of a content page** of an OPD: a news item (Berita),
an announcement (Pengumuman) or an event (Agenda). Its time is the earliest ``wagtail.publish``
entry of that page in Wagtail's audit log (``PageLogEntry``). Consequences, on purpose:

- republishing an edited page is not a new publication; unpublishing does not erase one;
- a scheduled page counts when it actually went live (the log entry of the publish job);
- a page deleted from the tree (spam, mistakes) no longer counts;
- nothing reads ``first_published_at`` or any stored counter, so the figures for a past period
  stay the same later, whatever editors do to the pages' fields.

All figures come from one SQL query: the inner query (ORM) groups the log by page to find the
first publication; the outer query sums those per OPD and content type into the requested
time buckets.
"""

import datetime
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import Min
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


def first_publications(opd_path_length, path_prefix=""):
    """One row per counted page: its OPD's path prefix, content type and first publication time."""
    queryset = PageLogEntry.objects.filter(action=PUBLISH_ACTION, content_type__in=list(publication_content_types()))
    if path_prefix:
        queryset = queryset.filter(page__path__startswith=path_prefix)
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


def publication_stats(opds, buckets, until=None):
    """Per OPD (dict keyed by OPD pk): last publication before ``until`` and counts in ``buckets``.

    ``buckets`` is a list of ``(start, end)`` aware datetimes, each half-open ``[start, end)``.
    One query, whatever the number of OPDs and pages.
    """
    opds = list(opds)
    result = {opd.pk: OpdPublications(counts=[0] * len(buckets)) for opd in opds}
    if not opds:
        return result
    path_length = len(opds[0].path)
    by_path = {opd.path: opd.pk for opd in opds if len(opd.path) == path_length}
    prefix = opds[0].path if len(opds) == 1 else ""
    inner_sql, inner_params = first_publications(path_length, prefix).query.sql_with_params()

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
    models = publication_content_types()
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, *inner_params])
        rows = cursor.fetchall()
    for opd_path, content_type_id, last, *counts in rows:
        opd_pk = by_path.get(opd_path)
        if opd_pk is None:
            continue
        stats = result[opd_pk]
        last = _to_datetime(last)
        if last and (stats.last_published_at is None or last > stats.last_published_at):
            stats.last_published_at = last
        counts = [int(value or 0) for value in counts]
        stats.counts = [total + value for total, value in zip(stats.counts, counts, strict=True)]
        stats.counts_by_model[models.get(content_type_id)] = counts
    return result

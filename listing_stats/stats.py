"""Recompute and read the precomputed listing counts (see ``listing_stats.models``).

``refresh()`` recomputes every row from the published, public pages (a few aggregate queries
over all content: about a second at 100,000 pages), so there is nothing to keep in step by
hand. ``schedule_refresh()`` runs it once after the current transaction commits, through a
background task (the worker in production, inline where ``TASKS`` runs tasks immediately).
The readers build the rows on first use after a bulk load or a migration that left them empty.
"""

from django.db import connection, transaction
from django.db.models import Count, Max
from django.db.models.functions import Substr, TruncMonth
from wagtail.models import Page, Site

from core.queries import not_restricted
from opd_pages.models import NewsPage, NewsPageTag, OpdHomePage

from .models import NewsCount, SectionStat


def _opd_prefixes():
    """``{path: pk}`` of every OPD home and the length of their paths (they share one depth)."""
    paths = dict(OpdHomePage.objects.values_list("path", "pk"))
    return paths, len(next(iter(paths))) if paths else 0


def _news_rows(opd_paths, prefix_length):
    news = NewsPage.objects.live().filter(not_restricted())
    rows = [NewsCount(kind=NewsCount.Kind.TOTAL, count=news.count())]
    if prefix_length:
        per_prefix = news.annotate(prefix=Substr("path", 1, prefix_length)).values("prefix").annotate(n=Count("pk"))
        rows += [
            NewsCount(kind=NewsCount.Kind.OPD, opd_id=opd_paths[row["prefix"]], count=row["n"])
            for row in per_prefix.order_by()
            if row["prefix"] in opd_paths
        ]
    per_month = news.annotate(first_day=TruncMonth("date")).values("first_day").annotate(n=Count("pk")).order_by()
    rows += [NewsCount(kind=NewsCount.Kind.MONTH, month=row["first_day"], count=row["n"]) for row in per_month]
    per_tag = (
        NewsPageTag.objects.filter(content_object__in=news.values("pk")).values("tag_id").annotate(n=Count("pk"))
    ).order_by()
    rows += [NewsCount(kind=NewsCount.Kind.TAG, tag_id=row["tag_id"], count=row["n"]) for row in per_tag]
    return rows


def _section_rows(opd_paths, prefix_length):
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        return [SectionStat(opd_id=None, pages=0)]
    pages = Page.objects.descendant_of(site.root_page, inclusive=True).live().filter(not_restricted())
    sections = {None: SectionStat(opd_id=None, pages=0)}
    grouped = (
        pages.annotate(prefix=Substr("path", 1, prefix_length or len(site.root_page.path)))
        .values("prefix")
        .annotate(n=Count("pk"), last=Max("last_published_at"))
        .order_by()
    )
    for row in grouped:
        opd = opd_paths.get(row["prefix"])
        section = sections.setdefault(opd, SectionStat(opd_id=opd, pages=0))
        section.pages += row["n"]
        if row["last"] and (section.last_published_at is None or row["last"] > section.last_published_at):
            section.last_published_at = row["last"]
    return list(sections.values())


def refresh():
    """Recompute every count from the published, public pages (replaces all rows at once)."""
    opd_paths, prefix_length = _opd_prefixes()
    news_rows = _news_rows(opd_paths, prefix_length)
    section_rows = _section_rows(opd_paths, prefix_length)
    with transaction.atomic():
        NewsCount.objects.all().delete()
        NewsCount.objects.bulk_create(news_rows, batch_size=500)
        SectionStat.objects.all().delete()
        SectionStat.objects.bulk_create(section_rows, batch_size=500)


class _RefreshAfterCommit:
    """The on-commit callback; one per transaction (see ``schedule_refresh``)."""

    def __init__(self, transaction_id):
        self.transaction_id = transaction_id

    def __call__(self):
        from .tasks import refresh_listing_stats

        try:
            refresh_listing_stats.enqueue()
        except Exception:  # a failing task queue leaves the counts stale, it never fails the publish
            import logging

            logging.getLogger(__name__).exception("Statistik daftar publik tidak dapat dijadwalkan ulang.")


def _current_transaction():
    """(outermost atomic block, its savepoint id) ignoring a TestCase's blocks, or ``None``.

    As in ``page_cache.cache``: a reused ``Atomic`` object gets a new savepoint id each run, so
    two transactions are told apart; TestCase blocks are skipped so that each change a test
    makes is its own transaction, as in production.
    """
    for position, block in enumerate(connection.atomic_blocks if connection.in_atomic_block else []):
        if not getattr(block, "_from_testcase", False):
            return id(block), connection.savepoint_ids[position - 1] if position else None
    return None


def schedule_refresh():
    """Recompute the counts once the current transaction commits (once per transaction)."""
    current = _current_transaction()
    if current is not None:
        for _savepoints, callback, *_robust in connection.run_on_commit:
            if isinstance(callback, _RefreshAfterCommit) and callback.transaction_id == current:
                return
    transaction.on_commit(_RefreshAfterCommit(current))


def news_counts():
    """``{"total": int, "opd": {pk: n}, "month": {date: n}, "tag": {tag_id: n}}`` (one query)."""
    rows = list(NewsCount.objects.values_list("kind", "opd_id", "month", "tag_id", "count"))
    if not any(kind == NewsCount.Kind.TOTAL for kind, *_rest in rows):
        refresh()
        rows = list(NewsCount.objects.values_list("kind", "opd_id", "month", "tag_id", "count"))
    counts = {"total": 0, "opd": {}, "month": {}, "tag": {}}
    for kind, opd_id, month, tag_id, count in rows:
        if kind == NewsCount.Kind.TOTAL:
            counts["total"] = count
        elif kind == NewsCount.Kind.OPD:
            counts["opd"][opd_id] = count
        elif kind == NewsCount.Kind.MONTH:
            counts["month"][month] = count
        else:
            counts["tag"][tag_id] = count
    return counts


def section_stats():
    """``{opd pk or None: SectionStat}`` for the sitemap index (one query)."""
    stats = {stat.opd_id: stat for stat in SectionStat.objects.all()}
    if None not in stats:
        refresh()
        stats = {stat.opd_id: stat for stat in SectionStat.objects.all()}
    return stats

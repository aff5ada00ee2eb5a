"""Wagtail's database search backend, with pages answered from the portal's own index.

Listed as ``default`` in ``WAGTAILSEARCH_BACKENDS`` when no ``SEARCH_URL`` is set
(:mod:`portal.search_backends`). Every ``queryset.search()`` / ``.autocomplete()`` on pages —
the admin page search and explorer search, the page chooser, the public API's ``?search=`` —
goes through :class:`PortalPageResults`, which filters the caller's queryset (so permissions,
``live().public()``, ``child_of`` and every other filter still apply) by the pages that match in
:class:`search.models.SearchDocument` (FTS5 on SQLite, the GIN-indexed ``tsvector`` on
PostgreSQL). Pages are therefore not written to Wagtail's own index tables at all: the portal
never reads them, and indexing every page twice made publishing and ``fill_region`` slow.

Other models (images, documents, snippets, users) keep Wagtail's stock database search; their
tables are small.

The portal's index holds live pages only; the admin also finds drafts (pages never published)
by title, with the same plain "every word in the title" filter the admin searches fall back to
when OpenSearch fails (:mod:`search.backends.fallback`). If the portal index query itself fails,
the whole search degrades to that filter, never to a 500.
"""

import logging
from contextlib import nullcontext
from functools import reduce
from operator import and_

from django.db import DatabaseError, connection, transaction
from django.db.models import Q
from django.db.models.expressions import RawSQL
from django.db.models.lookups import Exact
from modelsearch.backends import database as stock_database
from modelsearch.backends.base import BaseSearchResults, EmptySearchResults
from wagtail.models import Page

from search import engine as engines
from search.backends.fallback import _query_text
from search.indexing import FTS_TABLE
from search.models import SearchDocument
from search.text import STOP_WORDS, tokenize

logger = logging.getLogger("portal.search")

#: Counting stops here, as on the public search page (search.engine.COUNT_LIMIT): counting every
#: page that contains "pelayanan" is what made the stock search slow on a large region. The
#: API's ``total_count`` for a search is therefore at most 1,000.
COUNT_LIMIT = engines.COUNT_LIMIT
#: With relevance ordering, a query matching at most RANK_WINDOW pages is ranked by the portal's
#: engine (:meth:`search.engine.DatabaseEngine.ranked_ids`); one matching more is answered newest first.
RANK_WINDOW = engines.RANK_WINDOW
MAX_WORDS = 10
#: :meth:`PortalPageResults.bounded` reads at most this many of the newest matches as a list.
BOUNDED_READ_MAX = 16 * COUNT_LIMIT


def savepoint():
    """A savepoint on PostgreSQL (a failed query would abort the request's transaction); nothing on
    SQLite, whose transactions begin IMMEDIATE (portal/settings): one around a read would hold the
    write lock while the search runs."""
    return transaction.atomic() if connection.vendor == "postgresql" else nullcontext()


def is_page_model(model):
    return isinstance(model, type) and issubclass(model, Page)


def live_only(queryset):
    """Whether the queryset's own filters already keep live pages only (``.live()``)."""

    def walk(node):
        for child in getattr(node, "children", []):
            if isinstance(child, Exact) and getattr(getattr(child.lhs, "target", None), "name", None) == "live":
                if child.rhs is True and not node.negated and node.connector == "AND":
                    return True
            elif hasattr(child, "children") and child.connector == "AND" and not child.negated and walk(child):
                return True
        return False

    return walk(queryset.query.where)


class PortalPageResults(BaseSearchResults):
    """Search results for a page queryset, from :class:`search.models.SearchDocument`."""

    autocomplete = False

    # --- the query ------------------------------------------------------------------------

    @property
    def text(self):
        return engines.normalize_query(_query_text(self.query_compiler.query))

    @property
    def all_words(self):
        query = self.query_compiler.query
        return getattr(query, "operator", "and") != "or"

    def _words(self):
        return [word for word in tokenize(self.text) if word not in STOP_WORDS][:MAX_WORDS]

    def match_sql(self):
        """(sql, params) selecting the ids of matching pages in the portal index, or None."""
        if self.autocomplete:
            tokens = tokenize(self.text)[:8]
            if not tokens:
                return None
            *whole, prefix = tokens
            whole = [word for word in whole if word not in STOP_WORDS]
            if connection.vendor == "postgresql":
                terms = " & ".join([f"'{w}'" for w in whole] + [f"'{prefix}':*"])
                return (
                    f"SELECT page_id FROM {SearchDocument._meta.db_table} "
                    "WHERE title_vector @@ to_tsquery('simple', %s)",
                    [terms],
                )
            terms = [f'"{w}"' for w in whole] + [f'"{prefix}"*']
            return f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", [
                "title_words : (" + " AND ".join(terms) + ")"
            ]
        parsed = self.parsed()
        if not parsed.groups:
            return None
        engine = engines.database_engine()
        if isinstance(engine, engines.PostgresEngine):
            return (
                f"SELECT page_id FROM {SearchDocument._meta.db_table} "
                "WHERE search_vector @@ to_tsquery('indonesian', %s)",
                [engine.tsquery(parsed.groups, self.all_words)],
            )
        return f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", [
            engine.fts_expression(parsed.groups, self.all_words)
        ]

    def parsed(self):
        return engines.parse_query(self.text)

    def draft_condition(self, queryset):
        """Pages not live (drafts) whose title holds every word: the index has live pages only."""
        if live_only(queryset):
            return None
        words = self._words() or tokenize(self.text)[:MAX_WORDS]
        if not words:
            return None
        return Q(live=False) & reduce(and_, (Q(title__icontains=word) for word in words))

    def matching(self):
        """The caller's queryset restricted to matching pages (its own ordering kept), or None."""
        queryset = self.query_compiler.queryset
        match = self.match_sql()
        if match is None:
            return None
        condition = Q(pk__in=RawSQL(*match))
        drafts = self.draft_condition(queryset)
        if drafts is not None:
            condition |= drafts
        return queryset.filter(condition)

    # --- evaluation -----------------------------------------------------------------------

    def _fallback(self, exc):
        from search.backends.fallback import database_results

        logger.warning("Portal page index failed (%s); page search answers from titles", exc)
        return database_results(self.query_compiler)

    def _slice(self, queryset):
        return queryset[self.start : self.stop] if self.stop is not None else queryset[self.start :]

    def _do_search(self):
        try:
            with savepoint():
                return self._search()
        except DatabaseError as exc:
            return list(self._slice(self._fallback(exc)))

    def _do_count(self):
        try:
            with savepoint():
                if self.match_sql() is None:
                    return 0
                if not self.draft_free():
                    return max(0, self.matching().order_by()[:COUNT_LIMIT].count() - self.start)
                return max(0, self.bounded(lambda qs: qs.order_by()[:COUNT_LIMIT].count(), COUNT_LIMIT) - self.start)
        except DatabaseError as exc:
            return max(0, self._fallback(exc).count() - self.start)

    def draft_free(self):
        """Whether only indexed pages can answer (the caller keeps live pages only, so no draft is
        found by title): then the match set can be read newest first, a bounded list at a time."""
        return self.draft_condition(self.query_compiler.queryset) is None

    def newest_ids(self, size):
        """Ids of the newest ``size`` matching pages in the portal index, newest first."""
        # Kept on the query compiler, which the count and the sliced results share (one search).
        read = self.query_compiler.__dict__.setdefault("_portal_newest_ids", {})
        if size not in read:
            sql, params = self.match_sql()
            order = "page_id" if connection.vendor == "postgresql" else "rowid"
            with connection.cursor() as cursor:
                cursor.execute(f"{sql} ORDER BY {order} DESC LIMIT {int(size)}", params)
                read[size] = [row[0] for row in cursor.fetchall()]
        return read[size]

    def bounded(self, answer, needed):
        """``answer(queryset)`` for the caller's queryset restricted to the newest matches, with
        enough of them read: ``needed`` (a count or a row count) reached, or every match read.

        A common word matches most pages; restricting the queryset to all of them (an ``IN`` of
        80,000 ids) cost tens of milliseconds per query on SQLite, and every answer the API
        gives (a count stopping at COUNT_LIMIT, a page newest first) depends on the newest
        matches only. Any match not read is older than every match read, so it could only come
        after them. Past BOUNDED_READ_MAX matches the whole set is used at once.
        """
        queryset = self.query_compiler.queryset
        size = max(needed, COUNT_LIMIT)
        while size <= BOUNDED_READ_MAX:
            ids = self.newest_ids(size)
            result = answer(queryset.filter(pk__in=ids))
            if len(ids) < size or (result if isinstance(result, int) else len(result)) >= needed:
                return result
            size *= 4
        return answer(self.matching())

    def _search(self):
        matching = self.matching()
        if matching is None:
            return []
        if not self.query_compiler.order_by_relevance:
            return list(self._slice(matching))
        if self.autocomplete:
            return list(self._slice(matching.order_by("-pk")))
        # The best matches of the window first (in the engine's order), then the rest, newest first.
        ranked = self.ranked_window()
        ordered = []
        if ranked:
            allowed = matching.filter(pk__in=ranked).order_by().in_bulk()
            ordered = [allowed[pk] for pk in ranked if pk in allowed]
        start, stop = self.start, self.stop
        head = ordered[start:stop]
        if stop is not None and stop <= len(ordered):
            return head
        rest_start = max(0, start - len(ordered))
        if not ranked and stop is not None and self.draft_free():
            # More matches than RANK_WINDOW (or none): newest first, read a bounded list at a time.
            return head + self.bounded(lambda qs: list(qs.order_by("-pk")[rest_start:stop]), stop - rest_start)
        rest = (matching.exclude(pk__in=ranked) if ranked else matching).order_by("-pk")
        rest = rest[rest_start : stop - len(ordered)] if stop is not None else rest[rest_start:]
        return head + list(rest)

    def ranked_window(self):
        """Ids of the best matches in the portal index, best first, when there are at most
        RANK_WINDOW of them; none (so newest first) for a word in more pages than that.

        Scoring every page that contains a common word ("pelayanan": most of the region) cost
        close to a second on SQLite; the public search page ranks such words within a window
        of the newest matches, which is still too slow for an API answer.
        """
        parsed = self.parsed()
        if not parsed.groups:
            return []
        engine = engines.database_engine()
        match, match_params = engine.match_clause(parsed.groups, self.all_words)
        total = engine._fetch(
            f"SELECT COUNT(*) FROM (SELECT 1 FROM {engine.from_clause()} WHERE {match} LIMIT {RANK_WINDOW + 1}) AS m",
            [*engine.from_params(parsed, self.all_words), *match_params],
        )[0][0]
        if not total or total > RANK_WINDOW:
            return []
        return engine.ranked_ids(parsed, engines.Filters(), 0, RANK_WINDOW, total, self.all_words)


class PortalPageAutocompleteResults(PortalPageResults):
    autocomplete = True


class PortalPagesMixin:
    """Mixed into the stock database backend class chosen for the database in use."""

    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        queryset = model_or_queryset if hasattr(model_or_queryset, "query") else None
        model = queryset.model if queryset is not None else model_or_queryset
        if not is_page_model(model):
            return super()._search(query_compiler_class, query, model_or_queryset, **kwargs)
        if queryset is None:
            queryset = model.objects.all()
        if query == "" or (kwargs.get("fields") is not None and len(kwargs["fields"]) == 0):
            return EmptySearchResults()
        compiler = query_compiler_class(queryset, query, **kwargs)
        autocomplete = query_compiler_class is self.autocomplete_query_compiler_class
        results_class = PortalPageAutocompleteResults if autocomplete else PortalPageResults
        return results_class(self, compiler)

    def get_index_for_model(self, model):
        index = super().get_index_for_model(model)
        if is_page_model(model) and index is not None:
            return PageSkippingIndex(index)
        return index

    def add(self, obj):
        if not isinstance(obj, Page):
            super().add(obj)

    def add_bulk(self, model, obj_list):
        if not is_page_model(model):
            super().add_bulk(model, obj_list)

    def delete(self, obj):
        if not isinstance(obj, Page):
            super().delete(obj)


class PageSkippingIndex:
    """Wagtail's index for page models, minus the page rows (``update_index`` writes none)."""

    def __init__(self, index):
        self._index = index

    def __getattr__(self, name):
        return getattr(self._index, name)

    def add_model(self, model):
        pass

    def add_items(self, model, items):
        if not is_page_model(model):
            self._index.add_items(model, items)

    def add_item(self, item):
        if not isinstance(item, Page):
            self._index.add_item(item)

    def delete_item(self, item):
        if not isinstance(item, Page):
            self._index.delete_item(item)


_classes = {}


def SearchBackend(params):  # noqa: N802 - Wagtail looks the backend class up by this name
    stock = stock_database.SearchBackend(params)
    base = type(stock)
    if base not in _classes:
        _classes[base] = type(f"Portal{base.__name__}", (PortalPagesMixin, base), {})
    return _classes[base](params)

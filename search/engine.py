"""The query layer of the public search: one call gives the page of hits, the total and the facets.

Two database engines query :class:`search.models.SearchDocument` directly (FTS5 on SQLite,
a GIN-indexed ``tsvector`` with the ``indonesian`` configuration on PostgreSQL); a third
queries OpenSearch/Elasticsearch when ``SEARCH_URL`` is set and falls back to the database
engine if the cluster is unreachable or errors. Facets come from one grouped scan of the
matches (OPD × kind × year), not one query per facet.
"""

import logging
from collections import Counter
from dataclasses import dataclass, field

from django.db import connection
from wagtail.models import PageViewRestriction

from . import synonyms
from .indexing import FTS_TABLE, facet_terms
from .models import SearchDocument
from .text import STOP_WORDS, content_words, stem, tokenize

logger = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 200
#: Above this many matches, hits are ranked among the best title/summary matches only, so a
#: common word never makes the database score every page (see docs/performance.md).
RANK_WINDOW = 1_000
#: Counting (total and facets) stops here: "lebih dari 1.000 hasil" is as useful to a citizen
#: as an exact 88,044, and counting every page that contains "pelayanan" is what made stock
#: search slow. Facet counts are then those of the newest COUNT_LIMIT + 1 matches (said on the page).
COUNT_LIMIT = 1_000
#: At most this many strongly matching services (``search_ranks_first`` page types) are lifted
#: above every other hit, so the news about a service still shows on the first screen.
MAX_RANKED_FIRST = 2
AUTOCOMPLETE_MIN_CHARS = 2
AUTOCOMPLETE_WINDOW = 5_000


def normalize_query(text):
    """Whitespace collapsed, control characters dropped, cut to MAX_QUERY_LENGTH characters."""
    text = "".join(ch if ch.isprintable() else " " for ch in (text or "")[: MAX_QUERY_LENGTH * 4])
    return " ".join(text.split())[:MAX_QUERY_LENGTH].strip()


@dataclass
class ParsedQuery:
    text: str
    words: list
    groups: list

    @property
    def is_empty(self):
        return not self.text

    @property
    def only_common_words(self):
        return bool(self.text) and not self.words and bool(tokenize(self.text))

    @property
    def stems(self):
        return {stem(w) for group in self.groups for alt in group for w in alt}


def parse_query(text):
    text = normalize_query(text)
    words = content_words(text)[: synonyms.MAX_GROUPS * 2]
    return ParsedQuery(text=text, words=words, groups=synonyms.expand(words) if words else [])


@dataclass
class Filters:
    opd_id: int | None = None
    kind: str | None = None
    year: int | None = None
    scope_opd_id: int | None = None

    def cells(self):
        return {"opd": self.opd_id, "kind": self.kind, "year": self.year}


@dataclass
class Outcome:
    total: int = 0
    page_ids: list = field(default_factory=list)
    facets: dict = field(default_factory=lambda: {"opd": [], "kind": [], "year": []})
    engine: str = "database"
    capped: bool = False
    fell_back: bool = False
    relaxed: bool = False


def facets_from_cells(cells, filters):
    """Facet counts (each facet filtered by the *other* selected facets) and the total."""
    selected = filters.cells()
    facets = {"opd": {}, "kind": {}, "year": {}}
    total = 0
    for (opd_id, kind, year), count in cells.items():
        values = {"opd": opd_id, "kind": kind, "year": year}
        for name in facets:
            if all(selected[other] is None or values[other] == selected[other] for other in facets if other != name):
                facets[name][values[name]] = facets[name].get(values[name], 0) + count
        if all(selected[n] is None or values[n] == selected[n] for n in facets):
            total += count
    ordered = {
        name: sorted(((k, c) for k, c in counts.items() if k is not None), key=lambda kc: (-kc[1], str(kc[0])))
        for name, counts in facets.items()
    }
    ordered["year"].sort(key=lambda kc: -kc[0])
    return ordered, total


def restricted_paths():
    """Tree paths of pages behind a view restriction (private sections): excluded with their subtree."""
    return list(PageViewRestriction.objects.values_list("page__path", flat=True))


class DatabaseEngine:
    name = "database"

    #: Whether the scope and facet filters are SQL conditions on the document row (PostgreSQL)
    #: or terms of the full-text match itself (SQLite: see :func:`search.indexing.facet_terms`).
    filters_in_match = False

    def _where(self, filters, with_facets=True):
        clauses, params = [], []
        if not self.filters_in_match:
            if filters.scope_opd_id:
                clauses.append("d.opd_id = %s")
                params.append(filters.scope_opd_id)
            if with_facets:
                for column, value in (("opd_id", filters.opd_id), ("kind", filters.kind), ("year", filters.year)):
                    if value is not None:
                        clauses.append(f"d.{column} = %s")
                        params.append(value)
        for path in self.restricted_paths():
            clauses.append("d.path NOT LIKE %s")
            params.append(path + "%")
        return "".join(f" AND {c}" for c in clauses), params

    def restricted_paths(self):
        """:func:`restricted_paths`, read once per engine call (one search asks for it several times)."""
        if getattr(self, "_restricted", None) is None:
            self._restricted = restricted_paths()
        return self._restricted

    def _fetch(self, sql, params):
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    def search(self, parsed, filters, offset=0, limit=10, all_words=True):
        # The newest COUNT_LIMIT + 1 matches give the total and the facet counts (so, when there
        # are more, the counts are those of the newest matches: the same every time) and, with no
        # facet selected, the newest part of the ranking window (no second scan of the matches).
        match, match_params = self.match_clause(parsed.groups, all_words, filters, with_facets=False)
        where, where_params = self._where(filters, with_facets=False)
        rows = self._fetch(
            f"SELECT d.page_id, d.opd_id, d.kind, d.year FROM {self.from_clause()} WHERE {match}{where} "
            f"ORDER BY {self.recency()} LIMIT {COUNT_LIMIT + 1}",
            [*self.from_params(parsed, all_words), *match_params, *where_params],
        )
        cells = Counter((opd_id, kind, year) for _page_id, opd_id, kind, year in rows)
        facets, total = facets_from_cells(cells, filters)
        capped = len(rows) > COUNT_LIMIT
        newest = None
        if all(value is None for value in filters.cells().values()) and (not capped or len(rows) >= RANK_WINDOW):
            newest = [(page_id, kind) for page_id, _opd_id, kind, _year in rows[:RANK_WINDOW]]
        if capped and any(value is not None for value in filters.cells().values()):
            match, match_params = self.match_clause(parsed.groups, all_words, filters)
            where, where_params = self._where(filters)
            total = self._fetch(
                f"SELECT COUNT(*) FROM (SELECT 1 FROM {self.from_clause()} WHERE {match}{where} "
                f"LIMIT {COUNT_LIMIT + 1}) AS m",
                [*self.from_params(parsed, all_words), *match_params, *where_params],
            )[0][0]
        ids = []
        if total and offset < total:
            ids = self.ranked_ids(parsed, filters, offset, limit, total, all_words, newest)
        return Outcome(total=total, page_ids=ids, facets=facets, engine=self.name, capped=capped)

    def ranked_ids(self, parsed, filters, offset, limit, total, all_words, newest=None):
        """One page of hits: title matches first, then by relevance, then newest.

        With more than RANK_WINDOW matches only a window is scored (:meth:`window_ids`: the
        newest matches, with the pages that rank first); a common word must not make the
        database score every page. Hits past that window follow newest first. Positions stay
        stable from page to page either way. ``newest``: (id, kind) of the newest RANK_WINDOW
        matches (or of all), when the caller has read them already.
        """
        match, match_params = self.match_clause(parsed.groups, all_words, filters)
        where, where_params = self._where(filters)
        base_params = [*self.from_params(parsed, all_words), *match_params, *where_params]
        if total > RANK_WINDOW and offset >= RANK_WINDOW:
            sql = (
                f"SELECT d.page_id FROM {self.from_clause()} WHERE {match}{where} "
                f"ORDER BY {self.recency()} LIMIT %s OFFSET %s"
            )
            return [row[0] for row in self._fetch(sql, [*base_params, limit, offset])]
        if total > RANK_WINDOW:
            return self.window_ids(parsed, filters, all_words, offset, limit, newest)
        title_hit, title_params = self.title_hit(parsed.groups, all_words)
        first_hit, first_params = self.ranks_first_hit(parsed.groups, all_words)
        candidates = (
            f"SELECT d.page_id, d.date, {self.rank_expression()} AS score, {first_hit} AS first_hit, "
            f"{title_hit} AS title_hit, LENGTH(d.title) AS title_length "
            f"FROM {self.from_clause()} WHERE {match}{where}"
        )
        params = [*first_params, *title_params, *base_params]  # these tests sit in the SELECT list, before FROM
        return [row[0] for row in self._fetch(self.ranked_sql(candidates), [*params, limit, offset])]

    def window_ids(self, parsed, filters, all_words, offset, limit, newest=None):
        """One page of the ranking of the window, for a query with more than RANK_WINDOW matches.

        The window: the newest RANK_WINDOW matches that rank first (services, few: they always
        enter it), then the newest matches, RANK_WINDOW in all; ranked as :meth:`ranked_sql`
        does, without the separate title test (with many matches the title weight inside the
        score is enough). This plain SQL form is the reference; each engine overrides it with a
        faster one that gives the same answer (tests/search/test_ranking_window.py).
        """
        match, match_params = self.match_clause(parsed.groups, all_words, filters)
        where, where_params = self._where(filters)
        base_params = [*self.from_params(parsed, all_words), *match_params, *where_params]
        first_hit, first_params = self.ranks_first_hit(parsed.groups, all_words)
        kinds, kind_params = self.ranks_first_kinds()
        window = (
            f"SELECT page_id FROM (SELECT d.page_id FROM {self.from_clause()} WHERE {match}{where} AND {kinds} "
            f"ORDER BY {self.recency()} LIMIT {RANK_WINDOW}) AS first_kinds UNION "
            f"SELECT page_id FROM (SELECT d.page_id FROM {self.from_clause()} WHERE {match}{where} "
            f"ORDER BY {self.recency()} LIMIT {RANK_WINDOW}) AS newest"
        )
        candidates = (
            f"SELECT d.page_id, d.date, {self.rank_expression()} AS score, {first_hit} AS first_hit, "
            f"(1 = 0) AS title_hit, LENGTH(d.title) AS title_length "
            f"FROM {self.from_clause()} WHERE {match}{where} AND d.page_id IN ({window}) "
            f"ORDER BY {kinds} DESC, {self.recency()} LIMIT {RANK_WINDOW}"
        )
        params = [*first_params, *base_params, *base_params, *kind_params, *base_params, *kind_params]
        return [row[0] for row in self._fetch(self.ranked_sql(candidates), [*params, limit, offset])]

    def ranked_sql(self, candidates):
        """The ordering of :meth:`ranked_ids` over a candidates subquery (page_id, date, score,
        first_hit, title_hit, title_length); LIMIT and OFFSET are its two last parameters."""
        ranked = (
            f"SELECT candidates.*, ROW_NUMBER() OVER (PARTITION BY first_hit ORDER BY score {self.score_order}, "
            f"page_id DESC) AS first_rank FROM ({candidates}) AS candidates"
        )
        return (
            f"SELECT page_id FROM ({ranked}) AS ranked "
            f"ORDER BY (first_hit AND first_rank <= {MAX_RANKED_FIRST}) DESC, title_hit DESC, "
            f"{self.title_tiebreak}score {self.score_order}, date DESC, page_id DESC LIMIT %s OFFSET %s"
        )

    def ranks_first_kinds(self):
        """SQL truth value "the page is of a kind that ranks first" (see :func:`ranks_first_kinds`)."""
        kinds = ranks_first_kinds()
        if not kinds:
            return "(1 = 0)", []
        return f"(d.kind IN ({', '.join(['%s'] * len(kinds))}))", kinds

    def ranks_first_hit(self, groups, all_words):
        """A page of a kind that ranks first whose title or summary (name, synonyms, life events) matches."""
        kinds, kind_params = self.ranks_first_kinds()
        if not kind_params:
            return kinds, []
        strong, strong_params = self.strong_hit(groups, all_words)
        return f"({kinds} AND {strong})", [*kind_params, *strong_params]

    def autocomplete(self, text, scope_opd_id=None, limit=8):
        tokens = tokenize(normalize_query(text))[:8]
        if not tokens or len(tokens[-1]) < AUTOCOMPLETE_MIN_CHARS:
            return []
        *whole, prefix = tokens
        whole = [w for w in whole if w not in STOP_WORDS]
        return self.autocomplete_ids(whole, prefix, scope_opd_id, limit)


class SqliteEngine(DatabaseEngine):
    """FTS5 over stems we compute in Python (SQLite has no Indonesian stemmer).

    The scope and facet filters are terms of the match (the ``facets`` column holds ``o<opd>
    k<kind> y<year>``, see :func:`search.indexing.facet_terms`), so FTS5 intersects them with
    the words inside its index: a filter on a document column made SQLite walk every match of
    a common word (tens of thousands of rows) to find the 1,000 newest in one OPD.
    """

    name = "sqlite"
    filters_in_match = True

    def from_clause(self):
        # CROSS JOIN: FTS5 drives (SQLite otherwise may start from a document index and probe
        # the full-text index once per row).
        return f"{FTS_TABLE} CROSS JOIN {SearchDocument._meta.db_table} d ON d.page_id = {FTS_TABLE}.rowid"

    def from_params(self, parsed, all_words):
        return []

    @staticmethod
    def fts_expression(groups, all_words=True, columns="{title summary body}"):
        joiner = " AND " if all_words else " OR "
        parts = []
        for group in groups:
            alternatives = ["(" + " AND ".join(f'"{stem(w)}"' for w in alt) + ")" for alt in group if alt]
            parts.append("(" + " OR ".join(alternatives) + ")")
        return f"{columns} : (" + joiner.join(parts) + ")"

    @staticmethod
    def facet_expression(filters, with_facets=True, kinds=()):
        """`` AND facets : "o12" AND …`` for the scope, the selected facets and a kind list (OR)."""
        terms = facet_terms(opd_id=filters.scope_opd_id) if filters is not None and filters.scope_opd_id else []
        if filters is not None and with_facets:
            terms += facet_terms(opd_id=filters.opd_id, kind=filters.kind, year=filters.year)
        expression = "".join(f' AND facets : "{term}"' for term in terms)
        if kinds:
            expression += " AND facets : (" + " OR ".join(f'"{facet_terms(kind=k)[0]}"' for k in kinds) + ")"
        return expression

    def match_clause(self, groups, all_words, filters=None, with_facets=True, kinds=()):
        expression = self.fts_expression(groups, all_words) + self.facet_expression(filters, with_facets, kinds)
        return f"{FTS_TABLE} MATCH %s", [expression]

    score_order = "ASC"  # bm25() is lower for better matches
    title_tiebreak = ""  # bm25 already favours short titles

    def rank_expression(self):
        return f"bm25({FTS_TABLE}, 10.0, 4.0, 1.0, 0.0, 0.0)"

    def recency(self):
        return f"{FTS_TABLE}.rowid DESC"

    def title_hit(self, groups, all_words):
        return (
            f"({FTS_TABLE}.rowid IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s))",
            [self.fts_expression(groups, all_words, columns="{title}")],
        )

    def strong_hit(self, groups, all_words):
        return (
            f"({FTS_TABLE}.rowid IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s))",
            [self.fts_expression(groups, all_words, columns="{title summary}")],
        )

    def window_ids(self, parsed, filters, all_words, offset, limit, newest=None):
        """The ranking of :meth:`ranked_ids` over the window, from bounded FTS5 reads.

        The window is what :meth:`PostgresEngine.window_ids` picks: the newest RANK_WINDOW
        matches that rank first (services), then the newest other matches, RANK_WINDOW in all.
        FTS5 walks its rowids newest first, so both lists (one query) stop after RANK_WINDOW rows
        and bm25() is computed for them only; a second query, only when pages that rank first
        match, tells which of them match in title or summary. The ordering is done here, with
        the keys of :meth:`ranked_sql`.
        """
        where, where_params = self._where(filters)
        kinds = ranks_first_kinds()
        lists = []
        for name, match_kinds in (("1", kinds), ("0", ())):
            if name == "1" and not kinds:
                continue
            match, params = self.match_clause(parsed.groups, all_words, filters, kinds=match_kinds)
            lists.append(
                (
                    f"SELECT {name} AS first_kind, * FROM (SELECT d.page_id, d.date, {self.rank_expression()} "
                    f"FROM {self.from_clause()} WHERE {match}{where} ORDER BY {FTS_TABLE}.rowid DESC "
                    f"LIMIT {RANK_WINDOW})",
                    [*params, *where_params],
                )
            )
        fetched = self._fetch(" UNION ALL ".join(sql for sql, _ in lists), [p for _, params in lists for p in params])
        first = [row[1:] for row in fetched if row[0] == 1]
        first_ids = {row[0] for row in first}
        newest = [row[1:] for row in fetched if row[0] == 0 and row[1] not in first_ids]
        rows = first + newest[: RANK_WINDOW - len(first)]
        strong = set()
        if first:
            expression = self.fts_expression(parsed.groups, all_words, columns="{title summary}")
            expression += self.facet_expression(filters, kinds=kinds)
            strong = first_ids & {
                pk
                for (pk,) in self._fetch(
                    f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s AND rowid >= %s",
                    [expression, min(first_ids)],
                )
            }
        # ranked_sql's keys: the MAX_RANKED_FIRST best strong matches that rank first, then bm25
        # ascending, date descending (no date last, as SQLite sorts NULL), page id descending.
        best_strong = sorted((row for row in rows if row[0] in strong), key=lambda row: (row[2], -row[0]))
        lifted = {row[0] for row in best_strong[:MAX_RANKED_FIRST]}
        rows.sort(key=lambda row: (row[0] not in lifted, row[2], -date_number(row[1]), -row[0]))
        return [row[0] for row in rows[offset : offset + limit]]

    def autocomplete_ids(self, whole, prefix, scope_opd_id, limit):
        terms = [f'"{w}"' for w in whole] + [f'"{prefix}"*']
        where, params = self._where(Filters(scope_opd_id=scope_opd_id))
        expression = "title_words : (" + " AND ".join(terms) + ")"
        expression += self.facet_expression(Filters(scope_opd_id=scope_opd_id))
        rows = self._fetch(
            f"SELECT d.page_id FROM {self.from_clause()} WHERE {FTS_TABLE} MATCH %s{where} "
            f"ORDER BY {FTS_TABLE}.rowid DESC LIMIT %s",
            [expression, *params, limit],
        )
        return [row[0] for row in rows]


class PostgresEngine(DatabaseEngine):
    """A stored, GIN-indexed tsvector built with PostgreSQL's ``indonesian`` configuration."""

    name = "postgresql"

    def from_clause(self):
        return f"{SearchDocument._meta.db_table} d, to_tsquery('indonesian', %s) q"

    def from_params(self, parsed, all_words):
        return [self.tsquery(parsed.groups, all_words)]

    @staticmethod
    def tsquery(groups, all_words=True, weights=""):
        joiner = " & " if all_words else " | "
        suffix = f":{weights}" if weights else ""
        parts = []
        for group in groups:
            alternatives = ["(" + " & ".join(f"'{w}'{suffix}" for w in alt) + ")" for alt in group if alt]
            parts.append("(" + " | ".join(alternatives) + ")")
        return joiner.join(parts)

    def match_clause(self, groups, all_words, filters=None, with_facets=True, kinds=()):
        return "d.search_vector @@ q", []  # the filters are conditions of _where

    score_order = "DESC"
    # ts_rank does not weigh document length: among pages whose title matches, the shortest
    # title (the OPD "Dinas Kesehatan" for "sehat") is the most specific.
    title_tiebreak = "CASE WHEN title_hit THEN title_length END ASC NULLS LAST, "

    def rank_expression(self):
        return "ts_rank(d.search_vector, q)"

    def recency(self):
        return "d.page_id DESC"

    def title_hit(self, groups, all_words):
        # The same query restricted to title lexemes (weight A).
        return "(d.search_vector @@ to_tsquery('indonesian', %s))", [self.tsquery(groups, all_words, weights="A")]

    def strong_hit(self, groups, all_words):
        # The same query restricted to title and summary lexemes (weights A and B).
        return "(d.search_vector @@ to_tsquery('indonesian', %s))", [self.tsquery(groups, all_words, weights="AB")]

    def window_ids(self, parsed, filters, all_words, offset, limit, newest=None):
        """Rank the window: the newest RANK_WINDOW matches that rank first (services, few: they
        always enter it), then the newest matches, RANK_WINDOW in all.

        The window is picked from two bounded lists instead of sorting every match (for a common
        word that sort read every matching row: 215 ms at 100,000 pages), and only its rows are
        read again to be scored, by primary key (scoring went through every match once more).
        """
        match, _params = self.match_clause(parsed.groups, all_words, filters)
        where, where_params = self._where(filters)
        kinds, kind_params = self.ranks_first_kinds()
        first_hit, first_params = self.ranks_first_hit(parsed.groups, all_words)
        query = self.from_params(parsed, all_words)
        table = SearchDocument._meta.db_table
        if newest is None:
            newest_sql = (
                f"SELECT page_id, first_kind FROM (SELECT d.page_id, {kinds} AS first_kind FROM {self.from_clause()} "
                f"WHERE {match}{where} ORDER BY {self.recency()} LIMIT {RANK_WINDOW}) AS newest"
            )
            newest_params = [*kind_params, *query, *where_params]
        else:  # the search's count read them already: no second scan of the matches
            # Arrays as '{1,2,…}' text: psycopg2 adapts a list element by element (slower).
            first_kinds = set(kind_params)
            newest_sql = "SELECT page_id, page_id = ANY(%s::integer[]) FROM unnest(%s::integer[]) AS n(page_id)"
            newest_params = [
                "{" + ",".join(str(pk) for pk, kind in newest if kind in first_kinds) + "}",
                "{" + ",".join(str(pk) for pk, _kind in newest) + "}",
            ]
        window = (
            f"SELECT page_id, first_kind FROM (SELECT d.page_id, {kinds} AS first_kind FROM {self.from_clause()} "
            f"WHERE {match}{where} AND {kinds} ORDER BY {self.recency()} LIMIT {RANK_WINDOW}) AS first_kinds UNION "
            f"{newest_sql}"
        )
        window_params = [*kind_params, *query, *where_params, *kind_params, *newest_params]
        top = f"SELECT page_id FROM ({window}) AS w ORDER BY first_kind DESC, page_id DESC LIMIT {RANK_WINDOW}"
        candidates = (
            f"SELECT d.page_id, d.date, {self.rank_expression()} AS score, {first_hit} AS first_hit, "
            f"(1 = 0) AS title_hit, LENGTH(d.title) AS title_length "
            f"FROM ({top}) AS top JOIN {table} d ON d.page_id = top.page_id, to_tsquery('indonesian', %s) q"
        )
        # Many matches: the title weight inside the score is enough (no separate title test).
        params = [*first_params, *window_params, *query]
        return [row[0] for row in self._fetch(self.ranked_sql(candidates), [*params, limit, offset])]

    def autocomplete_ids(self, whole, prefix, scope_opd_id, limit):
        # Newest titles first. A common prefix ("pel") is answered from the newest
        # AUTOCOMPLETE_WINDOW pages walking the primary key backwards; a rare one ("zam")
        # that finds too little there goes through the GIN index instead.
        terms = " & ".join([f"'{w}'" for w in whole] + [f"'{prefix}':*"])
        where, params = self._where(Filters(scope_opd_id=scope_opd_id))
        table = SearchDocument._meta.db_table
        # The window is a LIMIT over the primary key walked backwards, read lazily: a common
        # prefix stops after a few rows (an id bound found by OFFSET read all 5,000 first).
        recent = self._fetch(
            f"SELECT d.page_id FROM (SELECT page_id, title_vector, opd_id, path FROM {table} "
            f"ORDER BY page_id DESC LIMIT {AUTOCOMPLETE_WINDOW}) AS d "
            f"WHERE d.title_vector @@ to_tsquery('simple', %s){where} ORDER BY d.page_id DESC LIMIT %s",
            [terms, *params, limit],
        )
        if len(recent) == limit:
            return [row[0] for row in recent]
        rows = self._fetch(
            f"WITH m AS MATERIALIZED (SELECT d.page_id FROM {table} d "
            f"WHERE d.title_vector @@ to_tsquery('simple', %s){where} LIMIT {COUNT_LIMIT}) "
            "SELECT page_id FROM m ORDER BY page_id DESC LIMIT %s",
            [terms, *params, limit],
        )
        return [row[0] for row in rows]


def date_number(value):
    """A document date (or None) as a number that sorts like it, None lowest (as SQLite sorts NULL)."""
    return value.toordinal() if value is not None else -1


def ranks_first_kinds():
    """Facet keys of page types with ``search_ranks_first`` (services): a strong match of one ranks above news."""
    from wagtail.models import get_page_models

    from .indexing import kind_key

    return sorted({kind_key(model) for model in get_page_models() if getattr(model, "search_ranks_first", False)})


def database_engine():
    return PostgresEngine() if connection.vendor == "postgresql" else SqliteEngine()


def configured_engine():
    """The engine behind the public search: OpenSearch/Elasticsearch when SEARCH_URL is set."""
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend("default")
    if hasattr(backend, "es"):
        from .elastic import ElasticEngine

        return ElasticEngine(backend)
    return database_engine()

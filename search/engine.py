"""The query layer of the public search: one call gives the page of hits, the total and the facets.

Two database engines query :class:`search.models.SearchDocument` directly (FTS5 on SQLite,
a GIN-indexed ``tsvector`` with the ``indonesian`` configuration on PostgreSQL); a third
queries OpenSearch/Elasticsearch when ``SEARCH_URL`` is set and falls back to the database
engine if the cluster is unreachable or errors. Facets come from one grouped scan of the
matches (OPD × kind × year), not one query per facet.
"""

import logging
from dataclasses import dataclass, field

from django.db import connection
from wagtail.models import PageViewRestriction

from . import synonyms
from .indexing import FTS_TABLE
from .models import SearchDocument
from .text import STOP_WORDS, content_words, stem, tokenize

logger = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 200
#: Above this many matches, hits are ranked among the best title/summary matches only, so a
#: common word never makes the database score every page (see docs/performance.md).
RANK_WINDOW = 1_000
#: Counting (total and facets) stops here: "lebih dari 1.000 hasil" is as useful to a citizen
#: as an exact 88,044, and counting every page that contains "pelayanan" is what made stock
#: search slow. Facet counts are then those of the first COUNT_LIMIT matches (shown as such).
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

    def _where(self, filters, with_facets=True):
        clauses, params = [], []
        if filters.scope_opd_id:
            clauses.append("d.opd_id = %s")
            params.append(filters.scope_opd_id)
        if with_facets:
            for column, value in (("opd_id", filters.opd_id), ("kind", filters.kind), ("year", filters.year)):
                if value is not None:
                    clauses.append(f"d.{column} = %s")
                    params.append(value)
        for path in restricted_paths():
            clauses.append("d.path NOT LIKE %s")
            params.append(path + "%")
        return "".join(f" AND {c}" for c in clauses), params

    def _fetch(self, sql, params):
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    def search(self, parsed, filters, offset=0, limit=10, all_words=True):
        match, match_params = self.match_clause(parsed.groups, all_words)
        where, where_params = self._where(filters, with_facets=False)
        rows = self._fetch(
            f"SELECT opd_id, kind, year, COUNT(*) FROM (SELECT d.opd_id, d.kind, d.year FROM {self.from_clause()} "
            f"WHERE {match}{where} LIMIT {COUNT_LIMIT + 1}) AS m GROUP BY opd_id, kind, year",
            [*self.from_params(parsed, all_words), *match_params, *where_params],
        )
        cells = {(opd_id, kind, year): count for opd_id, kind, year, count in rows}
        facets, total = facets_from_cells(cells, filters)
        capped = sum(cells.values()) > COUNT_LIMIT
        if capped and any(value is not None for value in filters.cells().values()):
            where, where_params = self._where(filters)
            total = self._fetch(
                f"SELECT COUNT(*) FROM (SELECT 1 FROM {self.from_clause()} WHERE {match}{where} "
                f"LIMIT {COUNT_LIMIT + 1}) AS m",
                [*self.from_params(parsed, all_words), *match_params, *where_params],
            )[0][0]
        ids = []
        if total and offset < total:
            ids = self.ranked_ids(parsed, filters, offset, limit, total, all_words)
        return Outcome(total=total, page_ids=ids, facets=facets, engine=self.name, capped=capped)

    def ranked_ids(self, parsed, filters, offset, limit, total, all_words):
        """One page of hits: title matches first, then by relevance, then newest.

        With more than RANK_WINDOW matches only the newest RANK_WINDOW are scored (a common
        word must not make the database score every page); hits past that window follow
        newest first. Positions stay stable from page to page either way.
        """
        match, match_params = self.match_clause(parsed.groups, all_words)
        where, where_params = self._where(filters)
        title_hit, title_params = self.title_hit(parsed.groups, all_words)
        first_hit, first_params = self.ranks_first_hit(parsed.groups, all_words)
        base_params = [*self.from_params(parsed, all_words), *match_params, *where_params]
        if total > RANK_WINDOW and offset >= RANK_WINDOW:
            sql = (
                f"SELECT d.page_id FROM {self.from_clause()} WHERE {match}{where} "
                f"ORDER BY {self.recency()} LIMIT %s OFFSET %s"
            )
            return [row[0] for row in self._fetch(sql, [*base_params, limit, offset])]
        if total > RANK_WINDOW:
            # Many matches: the title weight inside the score is enough, and testing every
            # candidate's title separately would cost as much as the search itself.
            title_hit, title_params = "(1 = 0)", []
        candidates = (
            f"SELECT d.page_id, d.date, {self.rank_expression()} AS score, {first_hit} AS first_hit, "
            f"{title_hit} AS title_hit, LENGTH(d.title) AS title_length "
            f"FROM {self.from_clause()} WHERE {match}{where}"
        )
        params = [*first_params, *title_params, *base_params]  # these tests sit in the SELECT list, before FROM
        if total > RANK_WINDOW:
            # Pages that rank first (services) are few: they always enter the window. The window
            # is picked from two bounded lists (the newest matches that rank first, the newest
            # matches) instead of sorting every match: for a common word that sort read every
            # matching row (215 ms on PostgreSQL at 100,000 pages).
            kinds, kind_params = self.ranks_first_kinds()
            window = (
                f"SELECT page_id FROM (SELECT d.page_id FROM {self.from_clause()} WHERE {match}{where} AND {kinds} "
                f"ORDER BY {self.recency()} LIMIT {RANK_WINDOW}) AS first_kinds UNION "
                f"SELECT page_id FROM (SELECT d.page_id FROM {self.from_clause()} WHERE {match}{where} "
                f"ORDER BY {self.recency()} LIMIT {RANK_WINDOW}) AS newest"
            )
            candidates += f" AND d.page_id IN ({window}) ORDER BY {kinds} DESC, {self.recency()} LIMIT {RANK_WINDOW}"
            params += [*base_params, *kind_params, *base_params, *kind_params]
        ranked = (
            f"SELECT candidates.*, ROW_NUMBER() OVER (PARTITION BY first_hit ORDER BY score {self.score_order}, "
            f"page_id DESC) AS first_rank FROM ({candidates}) AS candidates"
        )
        sql = (
            f"SELECT page_id FROM ({ranked}) AS ranked "
            f"ORDER BY (first_hit AND first_rank <= {MAX_RANKED_FIRST}) DESC, title_hit DESC, "
            f"{self.title_tiebreak}score {self.score_order}, date DESC, page_id DESC LIMIT %s OFFSET %s"
        )
        return [row[0] for row in self._fetch(sql, [*params, limit, offset])]

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
    """FTS5 over stems we compute in Python (SQLite has no Indonesian stemmer)."""

    name = "sqlite"

    def from_clause(self):
        return f"{FTS_TABLE} JOIN {SearchDocument._meta.db_table} d ON d.page_id = {FTS_TABLE}.rowid"

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

    def match_clause(self, groups, all_words):
        return f"{FTS_TABLE} MATCH %s", [self.fts_expression(groups, all_words)]

    score_order = "ASC"  # bm25() is lower for better matches
    title_tiebreak = ""  # bm25 already favours short titles

    def rank_expression(self):
        return f"bm25({FTS_TABLE}, 10.0, 4.0, 1.0, 0.0)"

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

    def autocomplete_ids(self, whole, prefix, scope_opd_id, limit):
        terms = [f'"{w}"' for w in whole] + [f'"{prefix}"*']
        where, params = self._where(Filters(scope_opd_id=scope_opd_id))
        rows = self._fetch(
            f"SELECT d.page_id FROM {self.from_clause()} WHERE {FTS_TABLE} MATCH %s{where} "
            f"ORDER BY {FTS_TABLE}.rowid DESC LIMIT %s",
            ["title_words : (" + " AND ".join(terms) + ")", *params, limit],
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

    def match_clause(self, groups, all_words):
        return "d.search_vector @@ q", []

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

    def autocomplete_ids(self, whole, prefix, scope_opd_id, limit):
        # Newest titles first. A common prefix ("pel") is answered from the newest
        # AUTOCOMPLETE_WINDOW pages walking the primary key backwards; a rare one ("zam")
        # that finds too little there goes through the GIN index instead.
        terms = " & ".join([f"'{w}'" for w in whole] + [f"'{prefix}':*"])
        where, params = self._where(Filters(scope_opd_id=scope_opd_id))
        table = SearchDocument._meta.db_table
        recent = self._fetch(
            f"SELECT d.page_id FROM {table} d WHERE d.page_id >= COALESCE((SELECT page_id FROM {table} "
            f"ORDER BY page_id DESC OFFSET {AUTOCOMPLETE_WINDOW} LIMIT 1), 0) "
            f"AND d.title_vector @@ to_tsquery('simple', %s){where} ORDER BY d.page_id DESC LIMIT %s",
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

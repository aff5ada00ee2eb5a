"""Timing the public search: queries × engines on the current database, p50/p95 per query class.

Run it against each database size you want to compare (``fill_region`` builds them); the
figures in docs/performance.md come from this module via ``manage.py search_benchmark``.
Each timing is the whole engine call the search page makes (count, facets and the ranked
page of hits; or the autocomplete lookup), with a fresh synonym table and no result cache.

Every timed answer is checked: a query whose answer is empty, or whose hit count does not
fit its class (a "rare" word in more than 1 page in 1,000; a "common" one in fewer than 1 in
10 and not beyond the engine's count limit), is reported with its problem and left out of the
class summary instead of being timed. The engine stops counting at ``COUNT_LIMIT`` (1,000):
a count of 1,001 means "more than 1,000"; the benchmark cannot tell how many more.
"""

import statistics
import time
from dataclasses import dataclass

from django.db import connection

from search import engine as engines
from search.models import SearchDocument

#: Query classes of the performance goal (issue 4), chosen for the generated region's text:
#: a word in ~1 of 10,000 pages, words in most pages, multi-word queries, and typing.
QUERIES = {
    "rare": ["zamrud", "layang-layang zamrud", "layang-layang"],
    "common": ["pelayanan", "warga", "desa", "kegiatan", "yang pelayanan"],
    "multi": [
        "pelayanan kesehatan gratis",
        "bantuan sosial warga desa",
        "kartu tanda penduduk",
        "rapat koordinasi penanganan sampah",
        "ktp hilang",
    ],
    "autocomplete": ["pe", "pel", "pelayanan kes", "sosialisasi pro", "kerja bakti ber", "zam"],
}


@dataclass
class Timing:
    engine: str
    pages: int
    kind: str
    query: str
    p50: float
    p95: float
    hits: int
    problem: str = ""


def percentile(values, share):
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


#: Share of indexed pages a query class may (rare: at most) or must (common: at least) match.
RARE_SHARE = 1 / 1000
COMMON_SHARE = 1 / 10


def class_problem(kind, hits, pages):
    """Why an answer does not belong to its class ("" when it does)."""
    if not hits:
        return "jawaban kosong"
    if kind == "rare" and hits > max(1, pages * RARE_SHARE):
        return f"bukan kata langka: {hits} hasil"
    if kind == "common" and hits <= engines.COUNT_LIMIT and hits < pages * COMMON_SHARE:
        return f"bukan kata umum: {hits} hasil"
    return ""


def time_call(call, repeat, check=None):
    """Time ``repeat`` calls; ``check(result)`` says what is wrong with an answer (then timing stops)."""
    samples, result = [], None
    result = call()  # warm the database's page cache and our synonym table
    problem = check(result) if check else ""
    for _ in range(repeat if not problem else 0):
        started = time.perf_counter()
        result = call()
        samples.append((time.perf_counter() - started) * 1000)
        problem = check(result) if check else ""
        if problem:
            break
    return samples, result, problem


def engines_to_measure(include_configured=True):
    measured = [engines.database_engine()]
    if include_configured:
        configured = engines.configured_engine()
        if not isinstance(configured, engines.DatabaseEngine):
            measured.append(configured)
    return measured


def run(repeat=20, queries=None, include_configured=True):
    """Time every query on every engine; returns per-query timings and per-class summaries."""
    queries = queries or QUERIES
    pages = SearchDocument.objects.count()
    per_query, per_class = [], []
    for search_engine in engines_to_measure(include_configured):
        for kind, texts in queries.items():
            class_samples = []
            for text in texts:
                if kind == "autocomplete":

                    def call(text=text, search_engine=search_engine):
                        return len(search_engine.autocomplete(text))

                else:
                    parsed = engines.parse_query(text)

                    def call(parsed=parsed, search_engine=search_engine):
                        return search_engine.search(parsed, engines.Filters(), 0, 10).total

                samples, hits, problem = time_call(
                    call, repeat, check=lambda hits, kind=kind: class_problem(kind, hits, pages)
                )
                if problem:
                    per_query.append(Timing(search_engine.name, pages, kind, text, 0.0, 0.0, hits, problem))
                    continue
                class_samples.extend(samples)
                per_query.append(
                    Timing(
                        search_engine.name,
                        pages,
                        kind,
                        text,
                        statistics.median(samples),
                        percentile(samples, 0.95),
                        hits,
                    )
                )
            if class_samples:
                per_class.append(
                    Timing(
                        search_engine.name,
                        pages,
                        kind,
                        "*",
                        statistics.median(class_samples),
                        percentile(class_samples, 0.95),
                        0,
                    )
                )
            else:
                per_class.append(Timing(search_engine.name, pages, kind, "*", 0.0, 0.0, 0, "tidak ada jawaban terukur"))
    return per_query, per_class


def database_label():
    return f"{connection.vendor} {connection.settings_dict.get('NAME')}"

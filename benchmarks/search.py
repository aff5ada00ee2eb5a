"""Timing the public search: queries × engines on the current database, p50/p95 per query class.

Run it against each database size you want to compare (``fill_region`` builds them); the
figures in docs/performance.md come from this module via ``manage.py search_benchmark``.
Each timing is the whole engine call the search page makes (count, facets and the ranked
page of hits; or the autocomplete lookup), with a fresh synonym table and no result cache.
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
    "rare": ["zamrud", "layang-layang zamrud", "irigasi", "ramadan"],
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


def percentile(values, share):
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


def time_call(call, repeat):
    samples, result = [], None
    call()  # warm the database's page cache and our synonym table
    for _ in range(repeat):
        started = time.perf_counter()
        result = call()
        samples.append((time.perf_counter() - started) * 1000)
    return samples, result


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

                samples, hits = time_call(call, repeat)
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
    return per_query, per_class


def database_label():
    return f"{connection.vendor} {connection.settings_dict.get('NAME')}"

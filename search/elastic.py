"""The public search on OpenSearch/Elasticsearch (when ``SEARCH_URL`` is set).

Same interface as the database engines in :mod:`search.engine`; any exception it raises
makes the search page answer from the database instead (see ``service.run_engines``).
"""

from wagtail.models import Page

from .engine import Outcome, facets_from_cells, normalize_query, restricted_paths
from .text import STOP_WORDS, tokenize

TEXT_FIELDS = ["title^6", "_all_text_boost_2_0^2", "_all_text_boost_3_0^3", "_all_text"]


class ElasticEngine:
    name = "elasticsearch"

    def __init__(self, backend):
        self.backend = backend
        self.index_name = backend.get_index_for_model(Page).name

    def _search(self, body):
        if getattr(self.backend, "use_new_elasticsearch_api", False):
            return self.backend.es.search(index=self.index_name, **body)
        return self.backend.es.search(index=self.index_name, body=body)

    def _base_filters(self, filters):
        clauses = [{"term": {"live_filter": True}}]
        if filters.scope_opd_id:
            clauses.append({"term": {"portal_opd": filters.scope_opd_id}})
        return clauses

    def _exclusions(self):
        return [{"prefix": {"portal_path": path}} for path in restricted_paths()]

    @staticmethod
    def text_query(groups, all_words=True):
        clauses = []
        for group in groups:
            alternatives = [
                {"multi_match": {"query": " ".join(alt), "fields": TEXT_FIELDS, "operator": "and"}} for alt in group
            ]
            clauses.append({"bool": {"should": alternatives, "minimum_should_match": 1}})
        if all_words:
            return {"bool": {"must": clauses}}
        return {"bool": {"should": clauses, "minimum_should_match": 1}}

    def search(self, parsed, filters, offset=0, limit=10, all_words=True):
        selected = [
            {"term": {field: value}}
            for field, value in (
                ("portal_opd", filters.opd_id),
                ("portal_kind", filters.kind),
                ("portal_year", filters.year),
            )
            if value is not None
        ]
        body = {
            "query": {
                "bool": {
                    "must": [self.text_query(parsed.groups, all_words)],
                    "filter": self._base_filters(filters),
                    "must_not": self._exclusions(),
                }
            },
            "post_filter": {"bool": {"filter": selected}},
            "aggs": {
                "opd": {
                    "terms": {"field": "portal_opd", "size": 200, "missing": 0},
                    "aggs": {
                        "kind": {
                            "terms": {"field": "portal_kind", "size": 50},
                            "aggs": {"year": {"terms": {"field": "portal_year", "size": 100, "missing": 0}}},
                        }
                    },
                }
            },
            "from": offset,
            "size": limit,
            "_source": False,
            "stored_fields": ["pk"],
        }
        response = self._search(body)
        cells = {}
        for opd_bucket in response["aggregations"]["opd"]["buckets"]:
            for kind_bucket in opd_bucket["kind"]["buckets"]:
                for year_bucket in kind_bucket["year"]["buckets"]:
                    key = (opd_bucket["key"] or None, kind_bucket["key"], year_bucket["key"] or None)
                    cells[key] = cells.get(key, 0) + year_bucket["doc_count"]
        facets, total = facets_from_cells(cells, filters)
        ids = [int(hit["fields"]["pk"][0]) for hit in response["hits"]["hits"]]
        return Outcome(total=total, page_ids=ids, facets=facets, engine=self.name)

    def autocomplete(self, text, scope_opd_id=None, limit=8):
        words = [w for w in tokenize(normalize_query(text)) if w not in STOP_WORDS][:8]
        if not words or len(words[-1]) < 2:
            return []
        filters = [{"term": {"live_filter": True}}]
        if scope_opd_id:
            filters.append({"term": {"portal_opd": scope_opd_id}})
        body = {
            "query": {
                "bool": {
                    "must": [{"match": {"_edgengrams": {"query": " ".join(words), "operator": "and"}}}],
                    "filter": filters,
                    "must_not": self._exclusions(),
                }
            },
            "size": limit,
            "_source": False,
            "stored_fields": ["pk"],
        }
        response = self._search(body)
        return [int(hit["fields"]["pk"][0]) for hit in response["hits"]["hits"]]

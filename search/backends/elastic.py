"""Wagtail's OpenSearch/Elasticsearch backends, made Indonesian and facet-ready.

Each backend class here is the stock one plus:

* index settings with an Indonesian ``default`` analyzer (stop words and the Snowball
  ``indonesian`` stemmer) and a ``default_search`` analyzer that also applies the
  Diskominfo synonym list (``synonym_graph``, at search time so editing the list needs no
  reindex beyond reopening the index);
* page documents carrying ``portal_opd``, ``portal_kind``, ``portal_year`` and
  ``portal_path`` for the facets and the OPD scope of :class:`search.elastic.ElasticEngine`.
"""

from copy import deepcopy

from wagtail.models import Page
from wagtail.search.backends.elasticsearch8 import Elasticsearch8Mapping, Elasticsearch8SearchBackend
from wagtail.search.backends.elasticsearch9 import Elasticsearch9Mapping, Elasticsearch9SearchBackend
from wagtail.search.backends.opensearch2 import OpenSearch2Mapping, OpenSearch2SearchBackend
from wagtail.search.backends.opensearch3 import OpenSearch3Mapping, OpenSearch3SearchBackend

from search.backends.fallback import FallbackResultsMixin
from search.text import STOP_WORDS

PORTAL_FIELDS = {
    "portal_opd": {"type": "integer"},
    "portal_kind": {"type": "keyword"},
    "portal_year": {"type": "integer"},
    "portal_path": {"type": "keyword"},
}


def synonym_rules():
    """The synonym list in Solr format ("ktp, kartu tanda penduduk"), the OPD acronyms included."""
    from search.synonyms import current_groups

    rules = []
    for group in current_groups():
        phrases = sorted({" ".join(phrase) for phrase in group})
        if len(phrases) > 1:
            rules.append(", ".join(phrases))
    return rules


def indonesian_analysis(synonyms):
    return {
        "filter": {
            "portal_stop": {"type": "stop", "stopwords": sorted(STOP_WORDS)},
            "portal_stemmer": {"type": "stemmer", "language": "indonesian"},
            "portal_synonyms": {"type": "synonym_graph", "synonyms": synonyms, "lenient": True},
        },
        "analyzer": {
            "default": {
                "type": "custom",
                "tokenizer": "standard",
                "filter": ["lowercase", "asciifolding", "portal_stop", "portal_stemmer"],
            },
            "default_search": {
                "type": "custom",
                "tokenizer": "standard",
                "filter": ["lowercase", "asciifolding", "portal_synonyms", "portal_stop", "portal_stemmer"],
            },
        },
    }


class PortalMappingMixin:
    def get_mapping(self):
        mapping = super().get_mapping()
        if issubclass(self.model, Page):
            mapping["properties"].update(deepcopy(PORTAL_FIELDS))
        return mapping

    def get_document(self, obj):
        document = super().get_document(obj)
        if isinstance(obj, Page):
            from search.indexing import build_document, opd_homes

            indexed = build_document(obj, opd_homes())
            document.update(
                portal_opd=indexed.opd_id, portal_kind=indexed.kind, portal_year=indexed.year, portal_path=obj.path
            )
        return document


class PortalBackendMixin:
    def __init__(self, params):
        super().__init__(params)
        analysis = self.settings["settings"].setdefault("analysis", {})
        extra = indonesian_analysis(synonym_rules_or_empty())
        for section, definitions in extra.items():
            analysis.setdefault(section, {}).update(definitions)


def synonym_rules_or_empty():
    # The backend is built at start-up, possibly before migrations ran: no list yet means none.
    try:
        return synonym_rules()
    except Exception:
        return []


class PortalOpenSearch2Mapping(PortalMappingMixin, OpenSearch2Mapping):
    pass


class PortalOpenSearch3Mapping(PortalMappingMixin, OpenSearch3Mapping):
    pass


class PortalElasticsearch8Mapping(PortalMappingMixin, Elasticsearch8Mapping):
    pass


class PortalElasticsearch9Mapping(PortalMappingMixin, Elasticsearch9Mapping):
    pass


def with_fallback(backend_class):
    """``backend_class``'s results answer from the database when the engine fails (search.backends.fallback)."""
    return type(
        f"Portal{backend_class.results_class.__name__}",
        (FallbackResultsMixin, backend_class.results_class),
        {},
    )


class PortalOpenSearch2Backend(PortalBackendMixin, OpenSearch2SearchBackend):
    mapping_class = PortalOpenSearch2Mapping
    results_class = with_fallback(OpenSearch2SearchBackend)


class PortalOpenSearch3Backend(PortalBackendMixin, OpenSearch3SearchBackend):
    mapping_class = PortalOpenSearch3Mapping
    results_class = with_fallback(OpenSearch3SearchBackend)


class PortalElasticsearch8Backend(PortalBackendMixin, Elasticsearch8SearchBackend):
    mapping_class = PortalElasticsearch8Mapping
    results_class = with_fallback(Elasticsearch8SearchBackend)


class PortalElasticsearch9Backend(PortalBackendMixin, Elasticsearch9SearchBackend):
    mapping_class = PortalElasticsearch9Mapping
    results_class = with_fallback(Elasticsearch9SearchBackend)

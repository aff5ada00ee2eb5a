"""OpenSearch/Elasticsearch: index settings, the query we send, the database fallback, and OpenSearch end to end."""

import io
import socket

import pytest
from django.core.management import call_command
from django.test import TestCase, override_settings
from django.urls import reverse
from wagtail.search.backends import get_search_backend

from opd_pages.models import NewsIndexPage, NewsPage
from portal.search_backends import search_backends_from_url
from search.backends.elastic import PORTAL_FIELDS, indonesian_analysis
from search.elastic import ElasticEngine
from search.engine import Filters, parse_query
from search.models import SearchDocument, Synonym
from tests.factories.opd_pages import NewsPageFactory
from tests.trees import build_region_tree


def closed_port():
    """A loopback port nothing listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class SearchUrlTests(TestCase):
    def test_search_url_picks_our_indonesian_backends(self):
        cases = {
            "opensearch://os:9200": ("search.backends.opensearch3", "http://os:9200"),
            "opensearch2://os:9200": ("search.backends.opensearch2", "http://os:9200"),
            "opensearch3+https://u:p@os:9200": ("search.backends.opensearch3", "https://u:p@os:9200"),
            "elasticsearch+https://es:9200": ("search.backends.elasticsearch8", "https://es:9200"),
            "elasticsearch9://es:9200?index=kab": ("search.backends.elasticsearch9", "http://es:9200"),
        }
        for url, (backend, address) in cases.items():
            with self.subTest(url=url):
                config = search_backends_from_url(url)
                self.assertEqual(config["default"]["BACKEND"], backend)
                self.assertEqual(config["default"]["URLS"], [address])
                self.assertEqual(config["portal_documents"]["BACKEND"], "search.backends.documents")

    def test_database_backend_uses_the_indonesian_configuration_on_postgresql(self):
        self.assertEqual(search_backends_from_url("", "postgres://db/portal")["default"]["SEARCH_CONFIG"], "indonesian")
        self.assertNotIn("SEARCH_CONFIG", search_backends_from_url("", "sqlite:///x")["default"])


class IndexSettingsTests(TestCase):
    """What we send to the cluster when the index is created (osmem cannot check analysis)."""

    def backend(self, name):
        return get_search_backend(
            "default", BACKEND=f"search.backends.{name}", URLS=[f"http://127.0.0.1:{closed_port()}"], TIMEOUT=1
        )

    def test_default_analyzers_stem_indonesian_and_apply_the_synonym_list(self):
        Synonym.objects.update_or_create(term="ktp", defaults={"equivalents": "kartu tanda penduduk"})
        for name in ("opensearch2", "opensearch3", "elasticsearch8", "elasticsearch9"):
            with self.subTest(backend=name):
                analysis = self.backend(name).settings["settings"]["analysis"]
                self.assertEqual(analysis["filter"]["portal_stemmer"], {"type": "stemmer", "language": "indonesian"})
                self.assertIn("yang", analysis["filter"]["portal_stop"]["stopwords"])
                self.assertEqual(
                    analysis["analyzer"]["default"]["filter"],
                    ["lowercase", "asciifolding", "portal_stop", "portal_stemmer"],
                )
                self.assertEqual(
                    analysis["analyzer"]["default_search"]["filter"],
                    ["lowercase", "asciifolding", "portal_synonyms", "portal_stop", "portal_stemmer"],
                )
                self.assertEqual(analysis["filter"]["portal_synonyms"]["type"], "synonym_graph")
                self.assertIn("kartu tanda penduduk, ktp", analysis["filter"]["portal_synonyms"]["synonyms"])
                # Wagtail's own autocomplete analyzers stay.
                self.assertIn("edgengram_analyzer", analysis["analyzer"])

    def test_page_documents_carry_facet_fields(self):
        home, (opd,) = build_region_tree(opd_count=1, news_per_opd=1)
        news = NewsPage.objects.get()
        backend = self.backend("elasticsearch8")
        mapping = backend.mapping_class(NewsPage)
        self.assertLessEqual(PORTAL_FIELDS.items(), mapping.get_mapping()["properties"].items())
        document = mapping.get_document(news)
        self.assertEqual(document["portal_opd"], opd.pk)
        self.assertEqual(document["portal_kind"], "berita")
        self.assertEqual(document["portal_year"], news.date.year)
        self.assertEqual(document["portal_path"], news.path)

    def test_analysis_helper_lists_the_given_synonyms(self):
        analysis = indonesian_analysis(["kk, kartu keluarga"])
        self.assertEqual(analysis["filter"]["portal_synonyms"]["synonyms"], ["kk, kartu keluarga"])


class FakeElasticsearch:
    """Records the request and answers like Elasticsearch 8."""

    def __init__(self, response):
        self.response = response
        self.requests = []

    def search(self, **kwargs):
        self.requests.append(kwargs)
        return self.response


class ElasticsearchEngineUnitTests(TestCase):
    def test_query_filters_facets_and_parses_the_answer(self):
        backend = get_search_backend(
            "default", BACKEND="search.backends.elasticsearch8", URLS=["http://127.0.0.1:1"], INDEX_PREFIX="t_"
        )
        backend.es = FakeElasticsearch(
            {
                "hits": {"hits": [{"fields": {"pk": ["12"]}}, {"fields": {"pk": ["7"]}}]},
                "aggregations": {
                    "opd": {
                        "buckets": [
                            {
                                "key": 3,
                                "kind": {
                                    "buckets": [
                                        {"key": "berita", "year": {"buckets": [{"key": 2025, "doc_count": 4}]}},
                                        {"key": "agenda", "year": {"buckets": [{"key": 2024, "doc_count": 1}]}},
                                    ]
                                },
                            }
                        ]
                    }
                },
            }
        )
        engine = ElasticEngine(backend)
        outcome = engine.search(parse_query("ktp hilang"), Filters(kind="berita", scope_opd_id=3), 10, 10)
        request = backend.es.requests[0]
        self.assertEqual(request["index"], "t_wagtailcore_page")
        self.assertEqual((request["from"], request["size"]), (10, 10))
        self.assertIn({"term": {"live_filter": True}}, request["query"]["bool"]["filter"])
        self.assertIn({"term": {"portal_opd": 3}}, request["query"]["bool"]["filter"])
        self.assertEqual(request["post_filter"], {"bool": {"filter": [{"term": {"portal_kind": "berita"}}]}})
        groups = request["query"]["bool"]["must"][0]["bool"]["must"]
        self.assertEqual(len(groups), 2)
        self.assertEqual(outcome.page_ids, [12, 7])
        self.assertEqual(outcome.total, 4)
        self.assertEqual(outcome.facets["kind"], [("berita", 4), ("agenda", 1)])
        self.assertEqual(outcome.facets["year"], [(2025, 4)])


class EngineDownTests(TestCase):
    """SEARCH_URL points at a closed port: the site keeps working from the database."""

    @classmethod
    def setUpTestData(cls):
        cls.home, (cls.opd,) = build_region_tree(opd_count=1, news_per_opd=0)

    def test_search_page_answers_from_the_database_and_publishing_works(self):
        backends = search_backends_from_url(f"opensearch://127.0.0.1:{closed_port()}")
        backends["default"]["TIMEOUT"] = 1
        with override_settings(WAGTAILSEARCH_BACKENDS=backends):
            news = NewsPageFactory(
                parent=NewsIndexPage.objects.child_of(self.opd).get(), title="Vaksinasi Rabies Gratis", live=False
            )
            news.save_revision().publish()
            self.assertTrue(SearchDocument.objects.filter(pk=news.pk).exists())
            response = self.client.get(reverse("search"), {"q": "rabies"})
            self.assertEqual(response.status_code, 200)
            self.assertContains(response, "Mesin pencari utama sedang tidak tersedia")
            self.assertEqual([r.url for r in response.context["results"]], [news.url])
            suggestions = self.client.get(reverse("search_autocomplete"), {"q": "vaksinasi rab"})
            self.assertEqual(suggestions.status_code, 200)
            self.assertEqual(len(suggestions.json()["suggestions"]), 1)


@pytest.mark.django_db
def test_opensearch_end_to_end(osmem_url, settings, client):
    """Index with update_index into an OpenSearch-compatible server, then search through the page."""
    backends = search_backends_from_url(osmem_url.replace("http://", "opensearch://") + "?index=e2e")
    settings.WAGTAILSEARCH_BACKENDS = backends
    home, (opd,) = build_region_tree(opd_count=1, news_per_opd=0)
    news_index = NewsIndexPage.objects.child_of(opd).get()
    target = NewsPageFactory(parent=news_index, title="Festival Durian Lokal", lead="Ratusan durian dijual murah.")
    NewsPageFactory(parent=news_index, title="Rapat Anggaran", lead="Pembahasan anggaran tahunan.")
    call_command("update_index", backend_name="default", stdout=io.StringIO())
    get_search_backend("default").refresh_indexes()

    response = client.get(reverse("search"), {"q": "durian"})
    assert response.status_code == 200
    assert "Mesin pencari utama" not in response.content.decode()
    assert [r.url for r in response.context["results"]] == [target.url]
    kinds = {
        option["value"]: option["count"]
        for group in response.context["facet_groups"]
        if group["name"] == "jenis"
        for option in group["options"]
    }
    assert kinds == {"berita": 1}

    # Publishing goes to the engine at once.
    later = NewsPageFactory(parent=news_index, title="Durian Montong Panen Raya", live=False)
    later.save_revision().publish()
    get_search_backend("default").refresh_indexes()
    response = client.get(reverse("search"), {"q": "durian"})
    assert {r.url for r in response.context["results"]} == {target.url, later.url}

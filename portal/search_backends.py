"""Turn ``SEARCH_URL`` into ``WAGTAILSEARCH_BACKENDS``.

An empty URL keeps Wagtail's database backend (the embedded default), with pages answered
from the portal's own index (:mod:`search.backends.database`). Otherwise the
scheme picks the engine: ``opensearch://host:9200`` or ``elasticsearch+https://user:pw@host``
(``+https`` selects TLS), optionally with ``?index=prefix``.
"""

from urllib.parse import parse_qs, urlsplit

ENGINE_BACKENDS = {
    # opensearch-py 3 (pinned) talks to OpenSearch 2 and 3 servers through Wagtail's opensearch3
    # backend; "opensearch2" is for deployments that pin opensearch-py 2 instead.
    "opensearch": "search.backends.opensearch3",
    "opensearch2": "search.backends.opensearch2",
    "opensearch3": "search.backends.opensearch3",
    "elasticsearch": "search.backends.elasticsearch8",
    "elasticsearch9": "search.backends.elasticsearch9",
}


#: Keeps search.models.SearchDocument (the public search's own index) in step with the pages.
DOCUMENTS_BACKEND = {"BACKEND": "search.backends.documents"}


def database_backend(database_url=""):
    """Wagtail's database backend with pages searched in the portal's own index (search.backends.database);
    on PostgreSQL with the Indonesian stemmer instead of English for the other models."""
    backend = {"BACKEND": "search.backends.database"}
    if database_url.startswith(("postgres", "postgis")):
        backend["SEARCH_CONFIG"] = "indonesian"
    return backend


def search_backends_from_url(url, database_url=""):
    if not url:
        return {"default": database_backend(database_url), "portal_documents": DOCUMENTS_BACKEND}
    parts = urlsplit(url)
    engine, _, transport = parts.scheme.partition("+")
    if engine not in ENGINE_BACKENDS:
        raise ValueError(f"Unknown search engine in SEARCH_URL: {parts.scheme!r}")
    query = parse_qs(parts.query)
    return {
        "portal_documents": DOCUMENTS_BACKEND,
        "default": {
            "BACKEND": ENGINE_BACKENDS[engine],
            "URLS": [f"{transport or 'http'}://{parts.netloc}"],
            "INDEX_PREFIX": query.get("index", ["portal"])[0] + "_",
            "TIMEOUT": 5,
        },
    }

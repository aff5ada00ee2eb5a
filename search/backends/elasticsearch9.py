"""Elasticsearch 9 with the portal's Indonesian analysis (see search.backends.elastic)."""

from .elastic import PortalElasticsearch9Backend as SearchBackend  # noqa: F401

"""Elasticsearch 8 with the portal's Indonesian analysis (see search.backends.elastic)."""

from .elastic import PortalElasticsearch8Backend as SearchBackend  # noqa: F401

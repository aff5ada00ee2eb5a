"""OpenSearch 3 with the portal's Indonesian analysis (see search.backends.elastic)."""

from .elastic import PortalOpenSearch3Backend as SearchBackend  # noqa: F401

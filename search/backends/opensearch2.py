"""OpenSearch 2 with the portal's Indonesian analysis (see search.backends.elastic)."""

from .elastic import PortalOpenSearch2Backend as SearchBackend  # noqa: F401

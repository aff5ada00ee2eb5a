"""Shared pytest fixtures."""

import pytest
from django.core.cache import caches


@pytest.fixture(autouse=True)
def empty_caches():
    """Every test starts and ends with empty caches (renditions, settings, pages), so none
    sees what another test cached under the same, reused primary keys."""
    for cache in caches.all():
        cache.clear()
    yield
    for cache in caches.all():
        cache.clear()

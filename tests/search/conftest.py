import pytest
from django.core.cache import cache

from search import synonyms


@pytest.fixture(autouse=True)
def fresh_search_state():
    """Synonym table and rate-limit counters start empty in every test."""
    cache.clear()
    synonyms.forget()
    yield
    cache.clear()
    synonyms.forget()

"""Admin searches (page search, choosers, image and document search) answer from the database
when OpenSearch/Elasticsearch fails, like the public search does (search.service.run_engines).

The results class of each portal engine backend evaluates lazily; when the engine raises, the
same query runs as a plain database filter: every word must appear in the model's title (or its
first searchable text field). Less clever than the engine, but never a 500.
"""

import logging
from functools import reduce
from operator import and_

from django.db.models import Q

logger = logging.getLogger("portal.search")


def _query_text(query):
    for attribute in ("query_string", "subquery"):
        value = getattr(query, attribute, None)
        if isinstance(value, str):
            return value
        if value is not None:
            return _query_text(value)
    subqueries = getattr(query, "subqueries", None)
    if subqueries:
        return " ".join(_query_text(q) for q in subqueries)
    return str(query or "")


def _text_field(model):
    names = {f.name for f in model._meta.get_fields()}
    if "title" in names:
        return "title"
    for search_field in getattr(model, "search_fields", []):
        if getattr(search_field, "field_name", None) in names and search_field.__class__.__name__ == "SearchField":
            return search_field.field_name
    return None


def database_results(compiler):
    """The compiler's queryset filtered by the words of its query, newest first."""
    queryset = compiler.queryset
    words = [word for word in _query_text(compiler.query).split() if word][:10]
    field = _text_field(queryset.model)
    if not words or field is None:
        return queryset.none()
    condition = reduce(and_, (Q(**{f"{field}__icontains": word}) for word in words))
    if not queryset.ordered:
        queryset = queryset.order_by("-pk")
    return queryset.filter(condition)


class FallbackResultsMixin:
    """For a ``results_class`` of Wagtail's Elasticsearch/OpenSearch backends."""

    def _fallback(self, exc):
        logger.warning("Search engine failed (%s); admin search answers from the database", exc)
        return database_results(self.query_compiler)

    def _do_search(self):
        try:
            return list(super()._do_search())
        except Exception as exc:  # noqa: BLE001 - any engine failure degrades to the database
            results = self._fallback(exc)
            return list(results[self.start : self.stop] if self.stop is not None else results[self.start :])

    def _do_count(self):
        try:
            return super()._do_count()
        except Exception as exc:  # noqa: BLE001
            return max(0, self._fallback(exc).count() - self.start)

    def facet(self, field_name):
        try:
            return super().facet(field_name)
        except Exception as exc:  # noqa: BLE001
            logger.warning("Search engine facet failed (%s)", exc)
            from collections import OrderedDict

            return OrderedDict()

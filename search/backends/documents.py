"""A Wagtail search backend whose only job is to keep our page index up to date.

Listed in ``WAGTAILSEARCH_BACKENDS`` as ``portal_documents`` next to the default backend, so
``wagtail.search.index.insert_or_update_object``/``remove_object`` reach it (called by
:mod:`search.signal_handlers` on publishing, unpublishing and deleting a page) and so does
``manage.py update_index`` (a full rebuild). Searching goes through :mod:`search.engine`,
not through this backend.
"""

from wagtail.models import Page
from wagtail.search.backends.base import BaseIndex, BaseSearchBackend

from search import indexing


class DocumentIndex(BaseIndex):
    def get_key(self):
        return "portal_documents"

    def add_items(self, model, items):
        if issubclass(model, Page):
            indexing.index_pages(items)

    def delete_item(self, item):
        if isinstance(item, Page):
            indexing.remove_page(item.pk)

    def reset(self):
        indexing.remove_orphans()

    def __str__(self):
        return "portal_documents"


class DocumentRebuilder:
    """Re-indexes in place (the search keeps answering during a rebuild), then drops stale rows."""

    def __init__(self, index):
        self.index = index

    def start(self):
        return self.index

    def finish(self):
        indexing.remove_orphans()


class DocumentSearchBackend(BaseSearchBackend):
    index_class = DocumentIndex
    rebuilder_class = DocumentRebuilder
    catch_indexing_errors = False

    def __init__(self, params):
        super().__init__(params)

    def search(self, *args, **kwargs):
        raise NotImplementedError("Search pages through search.engine.search_pages().")

    autocomplete = search


SearchBackend = DocumentSearchBackend

"""The page index follows publishing, unpublishing, deleting, moving, renaming and update_index."""

import io

from django.core.management import call_command
from django.db import connection
from django.test import TestCase

from opd_pages.models import NewsIndexPage, NewsPage
from search.engine import Filters, database_engine, parse_query
from search.indexing import FTS_TABLE, uses_fts5
from search.models import SearchDocument
from tests.factories.opd_pages import NewsPageFactory
from tests.trees import build_region_tree


def found(text):
    return database_engine().search(parse_query(text), Filters(), 0, 50).page_ids


class IndexingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, (cls.first, cls.second) = build_region_tree(opd_count=2, news_per_opd=0)
        cls.news_index = NewsIndexPage.objects.child_of(cls.first).get()

    def make(self, title="Pameran Batik Tulis", **kwargs):
        return NewsPageFactory(parent=self.news_index, title=title, **kwargs)

    def test_publishing_indexes_and_unpublishing_removes(self):
        news = self.make(live=False)
        self.assertEqual(found("batik"), [])
        news.save_revision().publish()
        self.assertEqual(found("batik"), [news.pk])
        document = SearchDocument.objects.get(pk=news.pk)
        self.assertEqual((document.opd_id, document.kind, document.year), (self.first.pk, "berita", news.date.year))
        news.refresh_from_db()
        news.unpublish()
        self.assertEqual(found("batik"), [])
        self.assertFalse(SearchDocument.objects.filter(pk=news.pk).exists())

    def test_saving_a_draft_of_a_live_page_keeps_the_published_text(self):
        news = self.make()
        news.title = "Judul Draf Rahasia"
        news.save_revision()
        self.assertEqual(found("batik"), [news.pk])
        self.assertEqual(found("rahasia"), [])

    def test_deleting_removes_from_the_index(self):
        news = self.make()
        news.delete()
        self.assertEqual(found("batik"), [])
        self.assertFalse(SearchDocument.objects.filter(pk=news.pk).exists())
        if uses_fts5():
            with connection.cursor() as cursor:
                cursor.execute(f"SELECT COUNT(*) FROM {FTS_TABLE} WHERE rowid = %s", [news.pk])
                self.assertEqual(cursor.fetchone()[0], 0)

    def test_moving_a_section_moves_its_pages_to_the_new_opd(self):
        news = self.make()
        news.move(NewsIndexPage.objects.child_of(self.second).get(), pos="last-child")
        document = SearchDocument.objects.get(pk=news.pk)
        self.assertEqual(document.opd_id, self.second.pk)
        self.assertEqual(document.path, NewsPage.objects.get(pk=news.pk).path)

    def test_renaming_an_opd_refreshes_its_pages(self):
        news = self.make()
        self.first.title = "Dinas Perpustakaan dan Kearsipan"
        self.first.save_revision().publish()
        self.assertIn(news.pk, found("kearsipan"))

    def test_update_index_rebuilds_a_lost_index(self):
        news = self.make()
        indexed_before = SearchDocument.objects.count()
        SearchDocument.objects.all().delete()
        if uses_fts5():
            with connection.cursor() as cursor:
                cursor.execute(f"DELETE FROM {FTS_TABLE}")
        call_command("update_index", backend_name="portal_documents", stdout=io.StringIO())
        self.assertEqual(found("batik"), [news.pk])
        # Every page that was indexed (home, OPDs, their standard sections, news) is back.
        self.assertGreater(indexed_before, NewsPage.objects.live().count())
        self.assertEqual(SearchDocument.objects.count(), indexed_before)

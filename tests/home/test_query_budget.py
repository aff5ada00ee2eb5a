"""The regional home, an OPD home and its listings cost the same number of queries with 3 and 30 OPDs."""

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from wagtail_factories import ImageFactory

from opd_pages.models import AnnouncementIndexPage, EventIndexPage, NewsIndexPage
from tests.factories.opd_pages import AnnouncementPageFactory, EventPageFactory, NewsPageFactory, make_opd_section
from tests.trees import build_region_tree

MAX_QUERIES = 20


class QueryBudgetTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.image = ImageFactory(title="Foto bersama")
        cls.home, cls.opds = build_region_tree(opd_count=0)
        cls.add_opds(3)

    @classmethod
    def add_opds(cls, count):
        for _ in range(count):
            number = len(cls.opds)
            opd = make_opd_section(cls.home, acronym=f"Dinas{number}", title=f"Dinas Nomor {number}")
            news_index = NewsIndexPage.objects.child_of(opd).get()
            for _ in range(5):
                NewsPageFactory(parent=news_index, main_image=cls.image)
            AnnouncementPageFactory(parent=AnnouncementIndexPage.objects.child_of(opd).get())
            EventPageFactory(parent=EventIndexPage.objects.child_of(opd).get())
            cls.opds.append(opd)

    def count_queries(self, url):
        self.client.get(url)  # warm up: renditions are created on the first render
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        return len(queries)

    def test_query_counts_do_not_grow_with_the_number_of_opds(self):
        urls = ["/", "/dinas0/", "/dinas0/berita/", "/dinas0/pengumuman/", "/dinas0/agenda/"]
        small = {url: self.count_queries(url) for url in urls}
        self.add_opds(27)
        large = {url: self.count_queries(url) for url in urls}
        for url in urls:
            with self.subTest(url=url):
                self.assertEqual(small[url], large[url])
                self.assertLessEqual(large[url], MAX_QUERIES)

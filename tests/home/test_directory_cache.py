"""The home page's OPD directory, cached with the main menu until a page or a Site changes."""

from django.core.cache import cache
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Site

from home.menu import directory_groups
from tests.factories.opd_pages import make_opd_section
from tests.trees import build_region_tree


class DirectoryCacheTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.opds = build_region_tree(opd_count=2, news_per_opd=0)

    def setUp(self):
        cache.clear()

    def test_a_published_or_unpublished_opd_shows_at_once(self):
        self.assertContains(self.client.get("/"), "Dinas Nomor 1")  # now cached
        new = make_opd_section(self.home, acronym="KecBaru", title="Kecamatan Baru", kind="kecamatan", news=0)
        new.save_revision().publish()
        self.assertContains(self.client.get("/"), '<abbr title="Kecamatan Baru">KecBaru</abbr>', html=True)
        self.opds[1].unpublish()
        response = self.client.get("/")
        self.assertNotContains(response, '<abbr title="Dinas Nomor 1">', html=False)

    def test_the_cached_directory_costs_no_query(self):
        request = self.client.get("/").wsgi_request  # the home page cached the directory
        with CaptureQueriesContext(connection) as warm:
            directory_groups(self.home, request)
        self.assertEqual(len(warm.captured_queries), 0)
        cache.clear()
        request = self.client.get("/").wsgi_request
        cache.clear()
        with CaptureQueriesContext(connection) as cold:
            directory_groups(self.home, request)
        self.assertGreater(len(cold.captured_queries), 0)

    def test_labels_are_kept_per_language(self):
        request = self.client.get("/").wsgi_request
        with translation.override("id"):
            self.assertEqual(directory_groups(self.home, request)[0][0], "Dinas")
        with translation.override("en"):
            self.assertEqual(directory_groups(self.home, request)[0][0], "Department (Dinas)")

    def test_an_opd_on_its_own_host_is_linked_there(self):
        Site.objects.create(hostname="opd0.localhost", port=80, root_page=self.opds[0])
        response = self.client.get("/")
        self.assertContains(response, 'href="http://opd0.localhost/"')

"""Relevance: on the demo region, each query of tests.search.relevance.CASES finds its page in the top three."""

from django.test import TestCase

from demo.region import build_region
from tests.search.relevance import CASES, TOP, top_titles


class DemoRegionRelevanceTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_region()

    def test_the_set_has_at_least_forty_queries(self):
        self.assertGreaterEqual(len(CASES), 40)

    def test_every_query_finds_its_page_in_the_top_three(self):
        for query, expected in CASES:
            with self.subTest(query=query):
                titles = top_titles(query)
                self.assertTrue(
                    any(title.startswith(expected) for title in titles),
                    f"{expected!r} not in the top {TOP} for {query!r}: {titles}",
                )

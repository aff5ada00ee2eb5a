"""The search benchmark command runs every query class and prints p50/p95."""

import io

from django.core.management import call_command
from django.test import TestCase

from benchmarks.search import QUERIES, percentile
from tests.trees import build_region_tree


class SearchBenchmarkCommandTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_region_tree(opd_count=2, news_per_opd=2)

    def test_prints_a_line_per_query_and_a_summary_per_class(self):
        out = io.StringIO()
        call_command("search_benchmark", repeat=2, database_only=True, stdout=out)
        text = out.getvalue()
        for kind, queries in QUERIES.items():
            with self.subTest(kind=kind):
                self.assertRegex(text, rf"{kind}\s+p50\s+[\d.]+ ms\s+p95\s+[\d.]+ ms")
                for query in queries:
                    self.assertIn(query[:36], text)

    def test_percentile_picks_the_nearest_rank(self):
        self.assertEqual(percentile(list(range(1, 101)), 0.95), 95)
        self.assertEqual(percentile([7.0], 0.5), 7.0)

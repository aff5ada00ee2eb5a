"""The search benchmark times only answers with content that fit their query class."""

import io

from django.core.management import call_command
from django.test import TestCase

from benchmarks.search import QUERIES, class_problem, percentile, run
from tests.trees import build_region_tree


class SearchBenchmarkOnGeneratedRegionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("fill_region", opds=2, news=30, stdout=io.StringIO(), verbosity=0)

    def test_prints_a_line_per_query_and_a_summary_per_class(self):
        out = io.StringIO()
        call_command("search_benchmark", repeat=2, database_only=True, stdout=out)
        text = out.getvalue()
        for kind, queries in QUERIES.items():
            with self.subTest(kind=kind):
                self.assertRegex(text, rf"{kind}\s+p50\s+[\d.]+ ms\s+p95\s+[\d.]+ ms")
                for query in queries:
                    self.assertIn(query[:36], text)

    def test_only_answers_with_content_are_timed_and_rare_words_are_rare(self):
        per_query, _per_class = run(repeat=2, include_configured=False)
        for row in per_query:
            with self.subTest(kind=row.kind, query=row.query):
                if not row.problem:
                    self.assertGreater(row.hits, 0)
                    self.assertGreater(row.p50, 0)
                else:
                    self.assertEqual((row.p50, row.p95), (0.0, 0.0))
                if row.kind == "rare":
                    self.assertEqual(row.problem, "")
                    self.assertLessEqual(row.hits, max(1, row.pages / 1000))


class SearchBenchmarkRefusesEmptyAnswersTests(TestCase):
    def test_an_empty_answer_is_reported_not_timed(self):
        build_region_tree(opd_count=1, news_per_opd=1)  # no page mentions the rare word
        per_query, per_class = run(repeat=2, queries={"rare": ["zamrud"]}, include_configured=False)
        self.assertEqual(per_query[0].problem, "jawaban kosong")
        self.assertEqual(per_class[0].problem, "tidak ada jawaban terukur")
        out = io.StringIO()
        call_command("search_benchmark", repeat=1, database_only=True, stdout=out)
        self.assertIn("TIDAK DIUKUR: jawaban kosong", out.getvalue())

    def test_class_rules(self):
        self.assertEqual(class_problem("rare", 0, 100_000), "jawaban kosong")
        self.assertEqual(class_problem("rare", 10, 100_000), "")
        self.assertEqual(class_problem("rare", 1001, 100_000), "bukan kata langka: 1001 hasil")
        self.assertEqual(class_problem("common", 500, 100_000), "bukan kata umum: 500 hasil")
        self.assertEqual(class_problem("common", 1001, 100_000), "")  # "more than 1,000": the engine stops counting
        self.assertEqual(class_problem("autocomplete", 8, 100_000), "")

    def test_percentile_picks_the_nearest_rank(self):
        self.assertEqual(percentile(list(range(1, 101)), 0.95), 95)
        self.assertEqual(percentile([7.0], 0.5), 7.0)

"""The URL and monitoring benchmarks check every timed answer for content."""

import io

from django.core.management import call_command
from django.test import Client, TestCase

from benchmarks import monitoring, pages


class UrlBenchmarkChecksTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("fill_region", opds=2, news=12, stdout=io.StringIO(), verbosity=0)

    def setUp(self):
        self.context = pages.Context()
        self.client = Client(HTTP_HOST="localhost")

    def test_autocomplete_target_asks_for_something_that_has_suggestions(self):
        target = next(t for t in pages.CITIZEN_TARGETS if t.name == "search_autocomplete")
        result = pages.measure(
            self.client, target.resolve(self.context), requests=2, warmup=1, check=target.check, context=self.context
        )
        self.assertNotIn("problem", result)
        self.assertGreater(result["bytes"], len(b'{"suggestions": []}'))

    def test_an_empty_autocomplete_answer_is_reported_not_timed(self):
        result = pages.measure(
            self.client, "/cari/saran/?q=qqqq", requests=2, warmup=1, check=pages.has_suggestions, context=self.context
        )
        self.assertEqual(result["problem"], "saran kosong")
        self.assertNotIn("median_ms", result)

    def test_a_search_without_results_is_reported_not_timed(self):
        result = pages.measure(
            self.client, "/cari/?q=qqqqqq", requests=2, warmup=1, check=pages.has_search_results, context=self.context
        )
        self.assertEqual(result["problem"], "tanpa hasil pencarian")

    def test_every_citizen_target_answers_with_content(self):
        for target in pages.CITIZEN_TARGETS:
            url = target.resolve(self.context)
            if url is None:
                continue  # e.g. Semua berita: fill_region builds none
            with self.subTest(target=target.name):
                result = pages.measure(self.client, url, requests=1, warmup=1, check=target.check, context=self.context)
                self.assertNotIn("problem", result, url)

    def test_every_editor_target_answers_with_content(self):
        editor = Client(HTTP_HOST="localhost")
        editor.force_login(pages.bench_editor(self.context.opd))
        for target in pages.EDITOR_TARGETS:
            with self.subTest(target=target.name):
                result = pages.measure(
                    editor, target.resolve(self.context), requests=1, warmup=1, check=target.check, context=self.context
                )
                self.assertNotIn("problem", result)


class MonitoringBenchmarkChecksTests(TestCase):
    def test_an_empty_database_reports_problems_instead_of_timings(self):
        results = {result["name"]: result for result in monitoring.run(repeat=1)}
        self.assertEqual(results["build_scorecards"]["problem"], "tanpa kartu OPD")
        self.assertNotIn("median_ms", results["build_scorecards"])

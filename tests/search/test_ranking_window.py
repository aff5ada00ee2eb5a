"""A common word at scale: the ranking window, the counts of the newest matches, filters in the match.

With more than RANK_WINDOW matches only a window is ranked (the newest matches, with the services
that rank first). Each engine picks and ranks it its own fast way (SQLite from bounded FTS5 reads
sorted in Python, PostgreSQL scoring the window by primary key); the plain SQL form in
:meth:`search.engine.DatabaseEngine.window_ids` is the reference they must agree with. The limits
are patched small, so a handful of pages behave like a region of 100,000.
"""

import datetime
from unittest import mock

from django.db import connection
from django.test import TestCase
from django.urls import reverse
from wagtail.models import PageViewRestriction

from opd_pages.models import NewsIndexPage
from search import engine as engines
from search.indexing import FTS_TABLE, facet_terms, uses_fts5
from search.models import SearchDocument
from tests.factories.opd_pages import NewsPageFactory, ProfilePageFactory
from tests.factories.services import ServicePageFactory, service_index_of
from tests.services.helpers import build_service_region

URL = reverse("search")


def small_limits(count=5, window=4):
    return mock.patch.multiple(engines, COUNT_LIMIT=count, RANK_WINDOW=window)


class RegionWithServices(TestCase):
    @classmethod
    def setUpTestData(cls):
        _home, (cls.first, cls.second), *_ = build_service_region(opd_count=2, services_per_opd=0, news_per_opd=0)
        cls.pages = []
        # Services first (the oldest pages, outside the newest window): they rank first anyway.
        for opd in (cls.first, cls.second):
            index = service_index_of(opd)
            cls.pages.append(ServicePageFactory(parent=index, title="Pelayanan air bersih warga"))
            cls.pages.append(ServicePageFactory(parent=index, title="Izin usaha kecil", synonyms="warga usaha"))
        cls.pages.append(ServicePageFactory(parent=service_index_of(cls.first), title="Surat pindah"))  # body only
        news = {opd: NewsIndexPage.objects.child_of(opd).get() for opd in (cls.first, cls.second)}
        for number in range(12):
            opd = cls.first if number % 3 else cls.second
            cls.pages.append(
                NewsPageFactory(
                    parent=news[opd],
                    title=f"Kerja bakti warga desa {number}" if number % 4 else f"Warga warga warga {number}",
                    lead="Pelayanan warga di balai desa." if number % 2 else "Kabar kegiatan warga.",
                    date=datetime.date(2023 + number % 3, 5, 1 + number),
                )
            )
        cls.private = ProfilePageFactory(parent=cls.second, title="Warga internal", profile_type="lainnya")
        PageViewRestriction.objects.create(page=cls.private, restriction_type=PageViewRestriction.LOGIN)

    def engine(self):
        return engines.database_engine()

    def filter_cases(self):
        return [
            engines.Filters(),
            engines.Filters(opd_id=self.first.pk),
            engines.Filters(kind="berita"),
            engines.Filters(kind="layanan"),
            engines.Filters(year=2024),
            engines.Filters(scope_opd_id=self.second.pk),
            engines.Filters(opd_id=self.first.pk, kind="berita", year=2025),
        ]


class WindowEquivalenceTests(RegionWithServices):
    def test_the_engines_window_ranks_as_the_reference_sql(self):
        engine = self.engine()
        with small_limits():
            for text in ("warga", "pelayanan warga", "usaha warga", "desa"):
                parsed = engines.parse_query(text)
                for filters in self.filter_cases():
                    for offset, limit in ((0, 10), (1, 2), (3, 10)):
                        with self.subTest(query=text, filters=filters, offset=offset):
                            expected = engines.DatabaseEngine.window_ids(engine, parsed, filters, True, offset, limit)
                            self.assertEqual(engine.window_ids(parsed, filters, True, offset, limit), expected)

    def test_the_newest_ids_the_count_read_give_the_same_window(self):
        engine = self.engine()
        with small_limits(count=100, window=4):
            parsed = engines.parse_query("warga")
            newest = [
                tuple(row)
                for row in engine._fetch(
                    f"SELECT d.page_id, d.kind FROM {engine.from_clause()} WHERE "
                    f"{engine.match_clause(parsed.groups, True)[0]} ORDER BY {engine.recency()} LIMIT 4",
                    [*engine.from_params(parsed, True), *engine.match_clause(parsed.groups, True)[1]],
                )
            ]
            self.assertEqual(
                engine.window_ids(parsed, engines.Filters(), True, 0, 10, newest),
                engines.DatabaseEngine.window_ids(engine, parsed, engines.Filters(), True, 0, 10),
            )

    def test_services_that_match_strongly_are_lifted_even_outside_the_newest_window(self):
        with small_limits():
            outcome = self.engine().search(engines.parse_query("warga"), engines.Filters(), 0, 10)
        self.assertTrue(outcome.capped)
        services = {page.pk for page in self.pages[:5]}
        self.assertEqual(len(set(outcome.page_ids[:2]) & services), 2)
        self.assertNotIn(self.pages[4].pk, outcome.page_ids[:2])  # "Surat pindah" does not contain the word
        self.assertNotIn(self.private.pk, outcome.page_ids)

    def test_pages_of_a_capped_search_stay_distinct_and_cover_the_window(self):
        with small_limits(count=5, window=4), mock.patch("search.service.RESULTS_PER_PAGE", 2):
            urls = []
            for number in (1, 2, 3):
                response = self.client.get(URL, {"q": "warga", "halaman": str(number)})
                self.assertContains(response, "Lebih dari")
                urls += [result.url for result in response.context["results"]]
        self.assertEqual(len(urls), 6)
        self.assertEqual(len(set(urls)), 6)


class NewestCountTests(RegionWithServices):
    def newest_documents(self, size, **filters):
        documents = SearchDocument.objects.filter(**filters).exclude(page=self.private).order_by("-page_id")
        return [doc for doc in documents if "warga" in f"{doc.title} {doc.summary} {doc.body}".lower()][:size]

    def test_capped_facet_counts_are_those_of_the_newest_matches_every_time(self):
        with small_limits(count=5, window=4):
            answers = [self.engine().search(engines.parse_query("warga"), engines.Filters(), 0, 10) for _ in range(3)]
        self.assertTrue(all(answer.capped for answer in answers))
        self.assertEqual(answers[0].facets, answers[1].facets)
        self.assertEqual(answers[1].facets, answers[2].facets)
        newest = self.newest_documents(6)
        expected_opds = {}
        for doc in newest:
            expected_opds[doc.opd_id] = expected_opds.get(doc.opd_id, 0) + 1
        self.assertEqual(dict(answers[0].facets["opd"]), expected_opds)
        self.assertEqual(sum(count for _kind, count in answers[0].facets["kind"]), 6)

    def test_totals_with_filters_count_only_matching_pages(self):
        engine = self.engine()
        with small_limits(count=100, window=100):
            for filters in self.filter_cases():
                with self.subTest(filters=filters):
                    outcome = engine.search(engines.parse_query("warga"), filters, 0, 100)
                    expected = {
                        doc.page_id
                        for doc in self.newest_documents(
                            1000,
                            **{
                                name: value
                                for name, value in (
                                    ("opd_id", filters.opd_id or filters.scope_opd_id),
                                    ("kind", filters.kind),
                                    ("year", filters.year),
                                )
                                if value is not None
                            },
                        )
                    }
                    self.assertEqual(set(outcome.page_ids), expected)
                    self.assertEqual(outcome.total, len(expected))

    def test_the_capped_page_says_the_counts_are_of_the_newest_results(self):
        with small_limits(count=5, window=4):
            response = self.client.get(URL, {"q": "warga"})
        self.assertContains(response, "dihitung dari 5 hasil terbaru")


class FacetTermsTests(RegionWithServices):
    """SQLite filters inside the FTS5 match (a ``facets`` column); PostgreSQL on the document columns."""

    def test_each_database_applies_the_filters_where_its_index_can_use_them(self):
        engine = self.engine()
        filters = engines.Filters(opd_id=self.first.pk, kind="berita", year=2025, scope_opd_id=self.first.pk)
        match, match_params = engine.match_clause(engines.parse_query("warga").groups, True, filters)
        where, where_params = engine._where(filters)
        if uses_fts5():
            terms = facet_terms(self.first.pk, "berita", 2025)
            self.assertTrue(all(f'facets : "{term}"' in match_params[0] for term in terms))
            self.assertEqual(where_params, [self.private.path + "%"])  # restricted sections stay row conditions
            with connection.cursor() as cursor:
                cursor.execute(f"SELECT rowid, facets FROM {FTS_TABLE}")
                stored = dict(cursor.fetchall())
            documents = SearchDocument.objects.all()
            self.assertEqual(set(stored), {doc.page_id for doc in documents})
            for doc in documents:
                self.assertEqual(stored[doc.page_id], " ".join(facet_terms(doc.opd_id, doc.kind, doc.year)))
        else:
            self.assertEqual(match_params, [])
            self.assertIn("d.kind = %s", where)
            self.assertEqual(where_params, [self.first.pk, self.first.pk, "berita", 2025, self.private.path + "%"])

    def test_the_migration_writes_the_same_terms_as_the_indexer(self):
        from importlib import import_module

        migration = import_module("search.migrations.0005_fts_facets")
        if not uses_fts5():
            with connection.schema_editor() as editor:  # nothing runs on PostgreSQL (this would fail)
                migration.run(["SELECT no_such_function()"])(None, editor)
            return
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT d.page_id, {migration.FACETS_SQL} FROM search_searchdocument d")
            from_sql = dict(cursor.fetchall())
        for doc in SearchDocument.objects.all():
            self.assertEqual(from_sql[doc.page_id], " ".join(facet_terms(doc.opd_id, doc.kind, doc.year)))

    def test_a_kind_key_with_a_hyphen_is_one_term(self):
        self.assertEqual(facet_terms(kind="layanan-opd"), ["k6c6179616e616e2d6f7064"])
        self.assertEqual(facet_terms(opd_id=7, kind="berita", year=2025), ["o7", "k626572697461", "y2025"])

"""The citizens' search page: results, facets, pagination, OPD scope, visibility, bad input."""

import datetime

from django.contrib.auth.models import Group
from django.test import TestCase, override_settings
from django.urls import reverse
from wagtail.models import PageViewRestriction

from opd_pages.models import AnnouncementIndexPage, NewsIndexPage
from search.models import QueryStat
from tests.factories.opd_pages import AnnouncementPageFactory, NewsPageFactory, ProfilePageFactory
from tests.trees import build_region_tree

URL = reverse("search")


def make_news(opd, title, lead="Kabar terbaru.", date=None, **kwargs):
    return NewsPageFactory(
        parent=NewsIndexPage.objects.child_of(opd).get(),
        title=title,
        lead=lead,
        date=date or datetime.date(2025, 3, 1),
        **kwargs,
    )


class SearchResultsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, (cls.dinkes, cls.dukcapil, cls.other) = build_region_tree(opd_count=3, news_per_opd=0)
        for opd, title, acronym in (
            (cls.dinkes, "Dinas Kesehatan", "Dinkes"),
            (cls.dukcapil, "Dinas Kependudukan dan Pencatatan Sipil", "Disdukcapil"),
        ):
            opd.title, opd.acronym, opd.slug = title, acronym, acronym.lower()
            opd.save_revision().publish()
            opd.refresh_from_db()
        cls.vaccine = make_news(
            cls.dinkes,
            "Vaksinasi Campak di Puskesmas",
            lead="Pelayanan imunisasi gratis bagi anak balita di seluruh puskesmas.",
            date=datetime.date(2024, 8, 17),
        )
        cls.ktp = make_news(
            cls.dukcapil,
            "Perekaman KTP Elektronik Keliling",
            lead="Warga dapat merekam kartu tanda penduduk di kantor desa.",
            date=datetime.date(2025, 2, 3),
        )
        cls.announcement = AnnouncementPageFactory(
            parent=AnnouncementIndexPage.objects.child_of(cls.dukcapil).get(),
            title="Jadwal Pelayanan Akta Kelahiran",
            lead="Pelayanan akta kelahiran gratis dibuka setiap hari kerja.",
            date=datetime.date(2025, 5, 2),
        )
        cls.draft = make_news(cls.dinkes, "Rahasia Pelayanan Draf", live=False)
        cls.private = ProfilePageFactory(parent=cls.other, title="Pelayanan Internal Pegawai", profile_type="lainnya")
        PageViewRestriction.objects.create(page=cls.private, restriction_type=PageViewRestriction.LOGIN)

    def search(self, **params):
        response = self.client.get(URL, params)
        self.assertEqual(response.status_code, 200)
        return response

    def titles(self, response):
        return [str(result.url) for result in response.context["results"]]

    def test_result_shows_title_opd_kind_date_and_highlighted_snippet(self):
        response = self.search(q="imunisasi")
        self.assertContains(response, self.vaccine.url)
        self.assertContains(response, "Dinas Kesehatan (Dinkes)")
        self.assertContains(response, '<span class="search-result__kind">Berita</span>', html=False)
        self.assertContains(response, "Sabtu, 17 Agustus 2024")
        self.assertContains(response, "<mark>imunisasi</mark>")

    def test_stemming_finds_other_forms_of_the_word(self):
        response = self.search(q="layanan")
        urls = self.titles(response)
        self.assertIn(self.vaccine.url, urls)
        self.assertIn(self.announcement.url, urls)

    def test_acronym_finds_its_long_form(self):
        response = self.search(q="kartu tanda penduduk")
        self.assertEqual(self.titles(response)[0], self.ktp.url)
        response = self.search(q="ktp")
        self.assertIn(self.ktp.url, self.titles(response))

    def test_opd_acronym_from_the_opd_pages_is_a_synonym(self):
        response = self.search(q="disdukcapil")
        self.assertEqual(self.titles(response)[0], self.dukcapil.url)

    def test_drafts_and_restricted_pages_never_show(self):
        response = self.search(q="pelayanan")
        urls = self.titles(response)
        self.assertNotIn(self.draft.url, urls)
        self.assertNotIn(self.private.url, urls)
        self.assertNotContains(response, "Rahasia")
        self.assertNotContains(response, "Internal Pegawai")

    def test_facets_count_by_opd_kind_and_year_and_filter(self):
        response = self.search(q="gratis")
        facets = {group["name"]: group["options"] for group in response.context["facet_groups"]}
        opd_counts = {option["value"]: option["count"] for option in facets["opd"]}
        self.assertEqual(opd_counts, {"dinkes": 1, "disdukcapil": 1})
        kind_counts = {option["value"]: option["count"] for option in facets["jenis"]}
        self.assertEqual(kind_counts, {"berita": 1, "pengumuman": 1})
        year_counts = {option["value"]: option["count"] for option in facets["tahun"]}
        self.assertEqual(year_counts, {"2024": 1, "2025": 1})

        filtered = self.search(q="gratis", jenis="pengumuman")
        self.assertEqual(self.titles(filtered), [self.announcement.url])
        filtered = self.search(q="gratis", opd="dinkes", tahun="2024")
        self.assertEqual(self.titles(filtered), [self.vaccine.url])

    def test_search_within_one_opd_stays_in_its_subtree(self):
        self.assertEqual(len(self.titles(self.search(q="gratis"))), 2)
        response = self.search(q="gratis", di="disdukcapil")
        self.assertEqual(self.titles(response), [self.announcement.url])
        self.assertContains(response, "Pencarian di Disdukcapil")

    def test_opd_pages_carry_a_search_form_scoped_to_the_opd(self):
        response = self.client.get(self.dinkes.url)
        self.assertContains(response, '<input type="hidden" name="di" value="dinkes">', html=True)

    def test_pagination_walks_through_all_results(self):
        for number in range(13):
            make_news(self.other, f"Sosialisasi Posyandu Nomor {number}")
        first = self.search(q="posyandu")
        self.assertEqual(len(first.context["results"]), 10)
        self.assertEqual(first.context["page_obj"].paginator.num_pages, 2)
        second = self.search(q="posyandu", halaman="2")
        self.assertEqual(len(second.context["results"]), 3)
        self.assertFalse(set(self.titles(first)) & set(self.titles(second)))

    def test_zero_results_gives_hints_directory_and_popular_searches(self):
        from search.models import QueryVisitor

        QueryStat.record("ktp", found=True)
        for n in range(5):  # popular means searched by several distinct visitors (spam_gate)
            QueryVisitor.record("ktp", f"visitor-{n}")
        response = self.search(q="vaksinasu")
        self.assertContains(response, "Tidak ada hasil")
        self.assertContains(response, "Mungkin maksud Anda")
        self.assertContains(response, ">vaksinasi</a>")
        self.assertContains(response, "Direktori OPD")
        self.assertContains(response, "Dinas Kesehatan (Dinkes)")
        self.assertContains(response, "Pencarian populer")

    def test_queries_are_logged_for_the_report(self):
        self.search(q="KTP")
        self.search(q="ktp")
        self.search(q="tidakadasamasekali")
        stat = QueryStat.objects.get(query="ktp")
        self.assertEqual((stat.hits, stat.zero_result_hits), (2, 0))
        self.assertEqual(QueryStat.objects.get(query="tidakadasamasekali").zero_result_hits, 1)

    def test_bad_input_gives_a_normal_page_with_a_message(self):
        cases = [
            ({"q": "x" * 5000}, "dipotong"),
            ({"q": "ktp' OR 1=1; DROP TABLE wagtailcore_page; --"}, "hasil"),
            ({"q": '"<script>alert(1)</script>'}, "&lt;script&gt;"),
            ({"q": 'NEAR( "a" * ) AND OR NOT ^ {title}: :*'}, "Tidak ada hasil"),
            ({"q": "🙂 漢字 ümlaut ٣"}, "Tidak ada hasil"),
            ({"q": ""}, "Pencarian"),
            ({"q": "yang dan di untuk"}, "terlalu umum"),
            ({"q": "ktp", "halaman": "999"}, "di luar jangkauan"),
            ({"q": "ktp", "halaman": "-1"}, "di luar jangkauan"),
            ({"q": "ktp", "halaman": "abc"}, "tidak valid"),
            ({"q": "ktp", "opd": "tidak-ada"}, "Filter OPD tidak dikenal"),
            ({"q": "ktp", "jenis": "<b>x</b>"}, "Filter jenis halaman tidak dikenal"),
            ({"q": "ktp", "tahun": "99999999999999999999"}, "Filter tahun tidak valid"),
            ({"q": "ktp", "di": "../../etc"}, "tidak dikenal"),
        ]
        for params, expected in cases:
            with self.subTest(params=params):
                response = self.search(**params)
                self.assertContains(response, expected)
                self.assertNotContains(response, "<script>alert(1)</script>")

    @override_settings(PORTAL_SEARCH_RATE_LIMITS={"search": 5})
    def test_rate_limit_stops_a_flood_but_not_a_person(self):
        for _ in range(5):
            self.assertEqual(self.client.get(URL, {"q": "ktp"}).status_code, 200)
        blocked = self.client.get(URL, {"q": "ktp"})
        self.assertEqual(blocked.status_code, 429)
        self.assertContains(blocked, "Terlalu banyak pencarian", status_code=429)
        other_client = self.client_class(REMOTE_ADDR="10.0.0.2")
        self.assertEqual(other_client.get(URL, {"q": "ktp"}).status_code, 200)

    def test_autocomplete_suggests_titles_as_you_type(self):
        response = self.client.get(reverse("search_autocomplete"), {"q": "vaksinasi cam"})
        suggestions = response.json()["suggestions"]
        self.assertEqual([s["url"] for s in suggestions], [self.vaccine.url])
        self.assertEqual(suggestions[0]["opd"], "Dinkes")
        self.assertEqual(self.client.get(reverse("search_autocomplete"), {"q": "k"}).json(), {"suggestions": []})
        scoped = self.client.get(reverse("search_autocomplete"), {"q": "vaks", "di": "disdukcapil"}).json()
        self.assertEqual(scoped, {"suggestions": []})

    def test_the_plain_form_works_without_javascript(self):
        response = self.client.get("/")
        self.assertContains(response, 'action="/cari/"')
        self.assertContains(response, 'src="/static/js/search-autocomplete.js"')
        self.assertNotContains(response, "<script>")


class SearchQueryBudgetTests(TestCase):
    """The number of queries does not grow with the number of OPDs or results."""

    def count_queries(self, opd_count):
        home, opds = build_region_tree(opd_count=opd_count, news_per_opd=0)
        for opd in opds:
            make_news(opd, "Pelayanan Posyandu Terpadu")
        self.client.get(URL, {"q": "posyandu"})  # warm caches (site root paths, synonyms)
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as captured:
            response = self.client.get(URL, {"q": "posyandu"})
        self.assertEqual(len(response.context["results"]), min(opd_count, 10))
        return len(captured)

    def test_query_count_is_flat_for_3_and_30_opds(self):
        small = self.count_queries(3)
        Group.objects.all()  # keep the same client; a new tree replaces nothing, so compare fresh runs
        self.assertLessEqual(small, 16)  # +1: the main menu (home.templatetags.main_menu_tags)
        self._fixture_teardown()
        self._fixture_setup()
        self.assertEqual(self.count_queries(30), small)


class CappedCountTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, (cls.opd,) = build_region_tree(opd_count=1, news_per_opd=0)
        for number in range(6):
            make_news(cls.opd, f"Kerja Bakti Warga {number}")

    def test_counting_stops_at_the_limit_and_pages_stay_distinct(self):
        from unittest import mock

        urls = []
        with (
            mock.patch("search.engine.COUNT_LIMIT", 4),
            mock.patch("search.engine.RANK_WINDOW", 2),
            mock.patch("search.service.RESULTS_PER_PAGE", 2),
        ):
            first = self.client.get(URL, {"q": "bakti"})
            self.assertContains(first, "Lebih dari")
            self.assertEqual(first.context["page_obj"].paginator.num_pages, 3)
            for number in (1, 2, 3):
                response = self.client.get(URL, {"q": "bakti", "halaman": str(number)})
                urls += [r.url for r in response.context["results"]]
        self.assertGreaterEqual(len(urls), 5)
        self.assertEqual(len(set(urls)), len(urls))

"""Search answers with the service: on the demo region with its services, the right service of the right OPD first."""

from django.test import TestCase
from wagtail.models import Page

from demo import services as demo
from demo.front_page import build_front_page
from demo.region import build_region
from home.models import QuickLink
from opd_pages.models import OpdHomePage
from search.engine import Filters, database_engine, parse_query
from search.service import run_search
from services.completeness import opd_scores, score_service
from services.models import LifeEvent, ServicePage, ServiceTopic
from tests.search.relevance import CASES, TOP, top_titles

#: (query, service slug(s), OPD acronym) — the service that must come first. "akta" alone names
#: either akta: SQLite ranks Akta Kelahiran first, PostgreSQL's ts_rank Akta Kematian.
SERVICE_CASES = [
    ("sekolah", "ppdb", "Disdikbud"),
    ("akta", ("akta-kelahiran", "akta-kematian"), "Disdukcapil"),
    ("izin usaha", "nib-oss", "DPMPTSP"),
    ("kartu kuning", "kartu-kuning", "Disnaker"),
    ("akte lahir", "akta-kelahiran", "Disdukcapil"),
    ("imb", "pbg", "DPMPTSP"),
    ("ktp hilang", "ktp-el", "Disdukcapil"),
    ("sktm", "sktm", "KecSukamaju"),
]


class DemoServicesTests(TestCase):
    """The demo region with its services (one build for the demo checks and the relevance checks)."""

    @classmethod
    def setUpTestData(cls):
        build_region()
        build_front_page()
        demo.step()

    def test_demo_has_realistic_services_across_ten_opds_each_with_its_maklumat(self):
        services = ServicePage.objects.live()
        self.assertGreaterEqual(services.count(), 25)
        opds = {service.opd.acronym for service in services}
        self.assertGreaterEqual(len(opds), 10)
        scores = opd_scores(OpdHomePage.objects.filter(acronym__in=opds))
        self.assertTrue(all(score.has_maklumat for score in scores.values()))
        zones = {score_service(service).zone.key for service in services}
        self.assertEqual(zones, {"hijau", "kuning", "merah"})
        for title in (
            "Akta Kelahiran",
            "Akta Kematian",
            "Persetujuan Bangunan Gedung (PBG)",
            "Surat Keterangan Tidak Mampu (SKTM)",
        ):
            self.assertTrue(services.filter(title=title).exists(), title)
        self.assertGreaterEqual(LifeEvent.objects.count(), 8)
        self.assertTrue(all(event.services.exists() for event in LifeEvent.objects.all()))

    def test_popular_quick_links_point_at_services(self):
        links = list(QuickLink.objects.select_related("page"))
        self.assertTrue(links)
        self.assertGreaterEqual(sum(1 for link in links if link.page and link.page.specific_class is ServicePage), 5)

    def test_demo_step_is_idempotent(self):
        before = (Page.objects.count(), LifeEvent.objects.count(), ServiceTopic.objects.count())
        self.assertEqual(demo.step(), {"services": 0, "maklumat": 0})
        self.assertEqual((Page.objects.count(), LifeEvent.objects.count(), ServiceTopic.objects.count()), before)

    def first_service(self, query):
        outcome = database_engine().search(parse_query(query), Filters(), 0, 1)
        self.assertTrue(outcome.page_ids, f"nothing found for {query!r}")
        return ServicePage.objects.filter(pk=outcome.page_ids[0]).first()

    def test_the_right_service_of_the_right_opd_comes_first(self):
        for query, slug, acronym in SERVICE_CASES:
            with self.subTest(query=query):
                first = self.first_service(query)
                self.assertIsNotNone(first, f"{query!r}: the first result is not a service")
                slugs = (slug,) if isinstance(slug, str) else slug
                self.assertIn(first.slug, slugs)
                self.assertEqual(first.opd.acronym, acronym)

    def test_news_about_the_service_still_shows_in_the_top_three(self):
        for query, expected in CASES:
            with self.subTest(query=query):
                titles = top_titles(query)
                self.assertTrue(any(title.startswith(expected) for title in titles), f"{query!r}: {titles}")
        self.assertEqual(TOP, 3)

    def test_a_service_result_shows_cost_and_time_and_the_layanan_facet(self):
        page = run_search({"q": "sekolah"})
        first = page.results[0]
        self.assertEqual(first.kind, "layanan")
        self.assertEqual(first.details, "Gratis · 14 hari kerja")
        self.assertIn("Layanan", [option["label"] for option in page.facets["jenis"]])
        response = self.client.get("/cari/", {"q": "sekolah"})
        self.assertContains(response, "search-result--layanan")
        self.assertContains(response, "<strong>Gratis · 14 hari kerja</strong>", html=True)

    def test_the_layanan_facet_keeps_only_services(self):
        page = run_search({"q": "akta", "jenis": "layanan"})
        self.assertTrue(page.results)
        self.assertEqual({result.kind for result in page.results}, {"layanan"})


class ServiceRankingRuleTests(TestCase):
    """Which services are lifted above news: a match in the name, synonyms or life events, at most two."""

    @classmethod
    def setUpTestData(cls):
        from opd_pages.models import NewsIndexPage
        from tests.factories.opd_pages import NewsPageFactory
        from tests.factories.services import ServicePageFactory, requirement, service_index_of
        from tests.services.helpers import build_service_region

        _home, opds, *_ = build_service_region(opd_count=1, services_per_opd=0, news_per_opd=0)
        news_index = NewsIndexPage.objects.child_of(opds[0]).get()
        index = service_index_of(opds[0])
        cls.news = NewsPageFactory(parent=news_index, title="Vaksinasi rabies gratis")
        cls.body_only = ServicePageFactory(
            parent=index, title="Izin usaha klinik hewan", requirements=[requirement("Sertifikat vaksinasi rabies")]
        )
        cls.by_synonym = ServicePageFactory(parent=index, title="Layanan kesehatan hewan", synonyms="vaksinasi rabies")
        cls.others = [
            ServicePageFactory(parent=index, title=f"Vaksinasi rabies keliling untuk hewan peliharaan {n}")
            for n in range(3)
        ]

    def ranked(self, query):
        return database_engine().search(parse_query(query), Filters(), 0, 10).page_ids

    def test_a_service_matching_only_in_its_body_is_not_lifted_above_news(self):
        ids = self.ranked("vaksinasi rabies")
        self.assertLess(ids.index(self.news.pk), ids.index(self.body_only.pk))

    def test_at_most_two_services_are_lifted_above_the_news(self):
        ids = self.ranked("vaksinasi rabies")
        services_before_news = ids[: ids.index(self.news.pk)]
        self.assertEqual(len(services_before_news), 2)
        self.assertTrue(set(services_before_news) <= {self.by_synonym.pk, *(s.pk for s in self.others)})

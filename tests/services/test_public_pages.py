"""The citizen's side: /layanan/, a service page, the Maklumat, JSON-LD, the API and the sitemap."""

import json
import re

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from home.models import QuickLink
from opd_pages.models import OpdHomePage
from services.models import MaklumatPage, ServicePage
from tests.factories.services import LifeEventFactory, ServicePageFactory, requirement, service_index_of, step

from .helpers import add_opd_with_services, build_service_region

MAX_QUERIES = 20


class CatalogueTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.opds, cls.catalogue, cls.kelahiran, cls.topic = build_service_region(opd_count=2)
        cls.kematian = LifeEventFactory(name="kematian", slug="kematian")
        index = service_index_of(cls.opds[1])
        cls.akta = ServicePageFactory(
            parent=index,
            title="Akta Kelahiran",
            slug="akta-kelahiran",
            duration_value=14,
            requirements=[requirement("Surat keterangan lahir dari bidan")],
            procedure=[step("Serahkan berkas di loket")],
        )
        cls.akta.life_events.set([cls.kelahiran])
        cls.akta.save()
        cls.orphan = ServicePageFactory(parent=index, title="Legalisir dokumen")

    def test_catalogue_groups_services_by_life_event(self):
        response = self.client.get("/layanan/")
        self.assertContains(response, "Saya ingin mengurus…")
        self.assertContains(response, "Kelahiran</h2>")
        self.assertContains(response, "Layanan lainnya</h2>")
        self.assertContains(response, "Gratis · 14 hari kerja")

    def test_home_page_leads_to_the_akta_kelahiran_service_in_two_taps(self):
        home = self.client.get("/").content.decode()
        link = re.search(r'href="([^"]*peristiwa=kelahiran)"', home).group(1)
        catalogue = self.client.get(link.replace("&amp;", "&"))
        self.assertContains(catalogue, "Saya ingin mengurus kelahiran")
        self.assertContains(catalogue, f'href="{self.akta.url}"')
        self.assertNotContains(catalogue, "Legalisir dokumen")
        service = self.client.get(self.akta.url)
        for text in ("Persyaratan", "Surat keterangan lahir dari bidan", "Prosedur", "Serahkan berkas di loket"):
            self.assertContains(service, text)
        self.assertContains(service, "14 hari kerja")
        self.assertContains(service, "Gratis")

    def test_filters_by_opd_and_topic(self):
        response = self.client.get("/layanan/", {"opd": self.opds[0].slug})
        self.assertNotContains(response, "Akta Kelahiran")
        self.assertContains(response, "Layanan 0 dari Dinas 0")
        response = self.client.get("/layanan/", {"topik": self.topic.slug})
        self.assertContains(response, "Layanan 0 dari Dinas 1")
        self.assertNotContains(response, "Legalisir dokumen")

    def test_unknown_filters_get_a_message_and_the_whole_catalogue(self):
        response = self.client.get("/layanan/", {"opd": "tidak-ada", "topik": "<script>", "peristiwa": "x" * 500})
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "OPD yang dipilih tidak dikenal")
        self.assertContains(response, "Topik tidak dikenal")
        self.assertContains(response, "Peristiwa tidak dikenal")
        self.assertContains(response, "Akta Kelahiran")
        self.assertNotContains(response, "<script>")

    def test_drafts_and_private_services_are_not_listed(self):
        ServicePageFactory(parent=service_index_of(self.opds[0]), title="Layanan rahasia draf", live=False)
        self.assertNotContains(self.client.get("/layanan/"), "Layanan rahasia draf")

    def test_service_page_shows_complaint_channels_and_internal_standard(self):
        response = self.client.get(self.akta.url)
        self.assertContains(response, f'href="/pengaduan/?layanan={self.akta.pk}"')
        self.assertContains(response, "SP4N-LAPOR!")
        self.assertContains(response, '<details class="service-standard"')
        self.assertContains(response, "Kompetensi pelaksana")
        ServicePage.objects.filter(pk=self.akta.pk).update(internal_display="lengkap")
        response = self.client.get(self.akta.url)
        self.assertNotContains(response, '<details class="service-standard"')
        self.assertContains(response, "Standar pelayanan lengkap")
        self.assertContains(response, "css/print.css")

    def test_maklumat_is_plain_text_signed_and_printable(self):
        maklumat = MaklumatPage.objects.descendant_of(self.opds[0]).get()
        response = self.client.get(maklumat.url)
        self.assertContains(response, "sanggup menyelenggarakan pelayanan")
        self.assertContains(response, maklumat.signed_by_name)
        self.assertContains(response, 'media="print"')
        self.assertNotContains(response, "<img", html=False)

    def test_service_page_describes_a_government_service_in_json_ld(self):
        response = self.client.get(self.akta.url)
        blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S)
        data = [json.loads(block) for block in blocks]
        service = next(item for item in data if item.get("@type") == "GovernmentService")
        self.assertEqual(service["name"], "Akta Kelahiran")
        self.assertEqual(service["provider"]["@type"], "GovernmentOrganization")
        self.assertEqual(service["provider"]["alternateName"], self.opds[1].acronym)
        self.assertEqual(service["offers"]["price"], "0")
        self.assertEqual(service["category"], ["kelahiran"])

    def test_services_are_in_the_api(self):
        response = self.client.get("/api/v2/pages/", {"type": "services.ServicePage", "fields": "*", "limit": 50})
        self.assertEqual(response.status_code, 200)
        items = {item["title"]: item for item in response.json()["items"]}
        akta = items["Akta Kelahiran"]
        self.assertEqual(akta["opd"]["acronym"], self.opds[1].acronym)
        self.assertEqual(akta["fee_label"], "Gratis")
        self.assertEqual(akta["duration_label"], "14 hari kerja")
        self.assertEqual(akta["requirements"][0]["value"]["text"], "Surat keterangan lahir dari bidan")
        self.assertEqual(akta["completeness"]["zone"], "hijau")
        self.assertNotIn("Layanan rahasia", json.dumps(response.json()))

    def test_services_and_the_catalogue_are_in_the_sitemap(self):
        opd_sitemap = self.client.get(f"/sitemap-{self.opds[1].slug}.xml").content.decode()
        self.assertIn(self.akta.url, opd_sitemap)
        self.assertIn("/maklumat-pelayanan/", opd_sitemap)
        self.assertIn("/layanan/</loc>", self.client.get("/sitemap-daerah.xml").content.decode())

    def test_a_popular_quick_link_can_point_at_a_service(self):
        QuickLink.objects.create(title="Urus akta kelahiran", page=self.akta, sort_order=0)
        self.assertContains(self.client.get("/"), f'href="{self.akta.url}"')


class QueryBudgetTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.opds, cls.catalogue, cls.kelahiran, cls.topic = build_service_region(opd_count=3)
        cls.service = ServicePage.objects.descendant_of(cls.opds[0]).first()

    def count_queries(self, url):
        self.client.get(url)
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        return len(queries)

    def test_query_counts_do_not_grow_with_the_number_of_opds(self):
        urls = [
            "/",
            "/layanan/",
            "/layanan/?peristiwa=kelahiran",
            f"/layanan/?opd={self.opds[0].slug}&topik=kependudukan",
            self.service.url,
            service_index_of(self.opds[0]).url,
            MaklumatPage.objects.descendant_of(self.opds[0]).get().url,
            "/cari/?q=layanan",
        ]
        small = {url: self.count_queries(url) for url in urls}
        for number in range(3, 30):
            add_opd_with_services(self.home, number, 2, 0, [self.kelahiran], [self.topic])
        self.assertEqual(OpdHomePage.objects.count(), 30)
        large = {url: self.count_queries(url) for url in urls}
        for url in urls:
            with self.subTest(url=url):
                self.assertEqual(small[url], large[url])
                self.assertLessEqual(large[url], MAX_QUERIES)

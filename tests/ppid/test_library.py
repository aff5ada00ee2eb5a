"""The document library: the PPID section per OPD, document pages, filters, exempt documents."""

import datetime

from django.core.exceptions import ValidationError
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data

from opd_pages.models import OpdHomePage
from opd_pages.skeleton import standard_sections
from ppid.models import Classification, DocumentKind, PpidIndexPage, PublicDocumentPage
from tests.factories.ppid import DocumentFileFactory, PublicDocumentPageFactory
from tests.trees import build_region_tree


def kind(name):
    return DocumentKind.objects.get(name=name)


class LibraryTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.opds = build_region_tree(opd_count=2, news_per_opd=0)
        cls.ppid_a = PpidIndexPage.objects.child_of(cls.opds[0]).get()
        cls.ppid_b = PpidIndexPage.objects.child_of(cls.opds[1]).get()
        cls.renstra = PublicDocumentPageFactory(
            parent=cls.ppid_a, title="Renstra Dinas 2025-2029", kind=kind("Renstra"), year=2025
        )
        cls.sop = PublicDocumentPageFactory(
            parent=cls.ppid_b, title="SOP Pelayanan Informasi", kind=kind("SOP"), year=2026
        )
        cls.exempt = PublicDocumentPageFactory(
            parent=cls.ppid_a,
            title="Rekam medis pasien",
            kind=kind("Lainnya"),
            classification=Classification.DIKECUALIKAN,
            consequence_test="Pasal 17 huruf h: membuka rahasia pribadi pasien.",
        )
        cls.draft = PublicDocumentPageFactory(parent=cls.ppid_a, title="Renja draf belum terbit", live=False)

    def test_ppid_section_is_part_of_the_opd_skeleton(self):
        self.assertIn("ppid.PpidIndexPage", [section.model for section in standard_sections()])
        self.assertIn("ppid.PpidIndexPage", OpdHomePage.subpage_types)
        self.assertEqual(self.ppid_a.slug, "ppid")

    def test_tree_rules(self):
        self.assertAllowedParentPageTypes(PpidIndexPage, {OpdHomePage})
        self.assertAllowedSubpageTypes(PpidIndexPage, {PublicDocumentPage})
        self.assertAllowedParentPageTypes(PublicDocumentPage, {PpidIndexPage})
        self.assertAllowedSubpageTypes(PublicDocumentPage, set())

    def test_pages_render(self):
        for page in (self.ppid_a, self.renstra, self.exempt):
            with self.subTest(page=page.title):
                self.assertPageIsRenderable(page)

    def test_pages_are_editable_and_previewable(self):
        self.login()
        for page in (self.ppid_a, self.renstra, self.exempt):
            with self.subTest(page=page.title):
                self.assertPageIsEditable(page)
                self.assertPageIsPreviewable(page)

    def test_editor_can_create_a_document_in_the_admin(self):
        self.login()
        data = nested_form_data(
            {
                "title": "Renja 2027",
                "slug": "renja-2027",
                "kind": kind("Renja").pk,
                "classification": Classification.BERKALA,
                "number": "050/9/2027",
                "year": 2027,
                "summary": "Rencana kerja tahun 2027.",
                "document": DocumentFileFactory().pk,
                "refreshed_on": "2026-11-01",
                "consequence_test": "",
            }
        )
        self.assertCanCreate(self.ppid_a, PublicDocumentPage, data)

    def test_document_page_shows_metadata_download_size_and_type(self):
        response = self.client.get(self.renstra.url)
        self.assertContains(response, "Renstra")
        self.assertContains(response, "2025")
        self.assertContains(response, self.renstra.number)
        self.assertContains(response, self.renstra.document.url)
        self.assertContains(response, "PDF")
        self.assertRegex(response.content.decode(), r"Unduh berkas \(PDF, \d+\s\w+\)")

    def test_exempt_document_shows_consequence_test_and_no_file(self):
        response = self.client.get(self.exempt.url)
        self.assertContains(response, "Pasal 17 huruf h")
        self.assertNotContains(response, "/dokumen/")
        self.assertNotContains(response, "Unduh berkas")

    def test_exempt_document_cannot_carry_a_file_and_needs_a_consequence_test(self):
        page = PublicDocumentPage(
            title="Rahasia", slug="rahasia", kind=kind("SOP"), year=2026, summary="x",
            classification=Classification.DIKECUALIKAN, document=DocumentFileFactory(),
        )  # fmt: skip
        with self.assertRaises(ValidationError) as raised:
            page.full_clean()
        self.assertIn("document", raised.exception.message_dict)
        self.assertIn("consequence_test", raised.exception.message_dict)

    def test_public_document_needs_a_file(self):
        page = PublicDocumentPage(title="Tanpa berkas", slug="tanpa", kind=kind("SOP"), year=2026, summary="x")
        with self.assertRaises(ValidationError) as raised:
            page.full_clean()
        self.assertIn("document", raised.exception.message_dict)

    def test_region_wide_listing_filters_by_opd_kind_year_and_search(self):
        url = reverse("ppid:library")
        response = self.client.get(url)
        self.assertContains(response, "Renstra Dinas 2025-2029")
        self.assertContains(response, "SOP Pelayanan Informasi")
        self.assertNotContains(response, "Renja draf belum terbit")
        cases = [
            ({"opd": self.opds[1].slug}, "SOP Pelayanan Informasi", "Renstra Dinas"),
            ({"jenis": kind("Renstra").pk}, "Renstra Dinas", "SOP Pelayanan Informasi"),
            ({"tahun": 2026}, "SOP Pelayanan Informasi", "Renstra Dinas"),
            ({"q": "pelayanan"}, "SOP Pelayanan Informasi", "Renstra Dinas"),
        ]
        for params, shown, hidden in cases:
            with self.subTest(params=params):
                response = self.client.get(url, params)
                self.assertContains(response, shown)
                self.assertNotContains(response, hidden)

    def test_bad_filter_values_are_ignored(self):
        response = self.client.get(
            reverse("ppid:library"), {"jenis": "x", "tahun": "abc", "opd": "nope", "halaman": "z"}
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "SOP Pelayanan Informasi")

    def test_opd_ppid_page_lists_only_its_own_documents(self):
        response = self.client.get(self.ppid_a.url)
        self.assertContains(response, "Renstra Dinas 2025-2029")
        self.assertNotContains(response, "SOP Pelayanan Informasi")
        self.assertContains(response, reverse("ppid:request_for_opd", args=[self.opds[0].slug]))
        self.assertContains(response, "Komisi Informasi")

    def test_landing_lists_every_ppid(self):
        response = self.client.get(reverse("ppid:landing"))
        for opd in self.opds:
            self.assertContains(response, opd.title)


class StaleBerkalaTests(TestCase):
    def test_berkala_older_than_six_months_is_stale(self):
        from ppid.models import stale_before

        self.assertEqual(stale_before(datetime.date(2026, 8, 31)), datetime.date(2026, 2, 28))
        self.assertEqual(stale_before(datetime.date(2026, 3, 15)), datetime.date(2025, 9, 15))
        page = PublicDocumentPage(classification=Classification.BERKALA, refreshed_on=datetime.date(2026, 1, 1))
        self.assertTrue(page.is_stale(datetime.date(2026, 8, 1)))
        self.assertFalse(page.is_stale(datetime.date(2026, 6, 1)))
        page.classification = Classification.SETIAP_SAAT
        self.assertFalse(page.is_stale(timezone.localdate() + datetime.timedelta(days=400)))

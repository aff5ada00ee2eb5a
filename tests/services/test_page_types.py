"""The Layanan page types: Wagtail's page assertions, the tree rules and the editor's guidance."""

from django.contrib.auth import get_user_model
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield

from home.models import HomePage
from opd_pages.models import OpdHomePage
from opd_pages.skeleton import standard_sections
from services.models import MaklumatPage, ServiceCatalogPage, ServiceIndexPage, ServicePage

from .helpers import build_service_region


class ServicePageTypeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.opds, cls.catalogue, cls.kelahiran, cls.topic = build_service_region(opd_count=1)
        cls.opd = cls.opds[0]
        cls.index = ServiceIndexPage.objects.child_of(cls.opd).get()
        cls.service = ServicePage.objects.child_of(cls.index).first()
        cls.maklumat = MaklumatPage.objects.get()
        cls.superuser = get_user_model().objects.create_superuser("diskominfo", "d@contohkab.go.id", "rahasia-123")

    def edit_form_data(self, page):
        self.client.force_login(self.superuser)
        response = self.client.get(f"/admin/pages/{page.pk}/edit/")
        data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
        if isinstance(page, ServicePage):
            data.update(nested_form_data({"requirements": streamfield([]), "procedure": streamfield([])}))
        data["action-publish"] = ""
        return data

    def test_every_page_type_is_renderable_editable_and_previewable(self):
        for page in (self.catalogue, self.index, self.service, self.maklumat):
            with self.subTest(page=type(page).__name__):
                self.assertPageIsRenderable(page)
                self.assertPageIsEditable(page, post_data=self.edit_form_data(page), user=self.superuser)
                self.assertPageIsPreviewable(page, post_data=self.edit_form_data(page), user=self.superuser)

    def test_tree_rules(self):
        self.assertAllowedParentPageTypes(ServiceCatalogPage, {HomePage})
        self.assertAllowedParentPageTypes(ServiceIndexPage, {OpdHomePage})
        self.assertAllowedSubpageTypes(ServiceIndexPage, {ServicePage, MaklumatPage})
        self.assertAllowedParentPageTypes(ServicePage, {ServiceIndexPage})
        self.assertAllowedParentPageTypes(MaklumatPage, {ServiceIndexPage})
        for leaf in (ServicePage, MaklumatPage, ServiceCatalogPage):
            with self.subTest(leaf=leaf.__name__):
                self.assertAllowedSubpageTypes(leaf, set())
        self.assertCanNotCreateAt(OpdHomePage, ServicePage)
        self.assertCanNotCreateAt(HomePage, ServicePage)

    def test_singletons(self):
        self.assertFalse(ServiceCatalogPage.can_create_at(self.home))
        self.assertFalse(ServiceIndexPage.can_create_at(self.opd))
        self.assertFalse(MaklumatPage.can_create_at(self.index))

    def test_layanan_is_a_standard_section_of_every_opd(self):
        self.assertIn("services.ServiceIndexPage", [section.model for section in standard_sections()])
        self.assertEqual(self.index.slug, "layanan")
        self.assertEqual(self.index.title, "Layanan")

    def test_editor_creates_a_service_through_the_component_tabs_and_sees_its_score(self):
        self.client.force_login(self.superuser)
        response = self.client.get(f"/admin/pages/add/services/servicepage/{self.index.pk}/")
        self.assertContains(response, "Skor kelengkapan")
        self.assertContains(response, "Untuk warga (6 komponen)")
        self.assertContains(response, "Standar internal (8 komponen)")
        self.assertContains(response, "Zona merah")
        data = nested_form_data(
            {
                "title": "Legalisir Akta",
                "slug": "legalisir-akta",
                "summary": "Legalisir fotokopi akta catatan sipil.",
                "synonyms": "legalisir akte",
                "requirements": streamfield([("item", {"text": "Akta asli", "note": "", "form": ""})]),
                "procedure": streamfield([("step", {"title": "Serahkan di loket", "description": ""})]),
                "duration_value": "1",
                "duration_unit": "hari-kerja",
                "fee_type": "gratis",
                "internal_display": "ringkas",
                "sk_date": "",
                "last_reviewed": "",
            }
        )
        data["life_events"] = [str(self.kelahiran.pk)]
        self.assertCanCreate(self.index, ServicePage, data)
        created = ServicePage.objects.get(slug="legalisir-akta")
        draft = created.get_latest_revision_as_object()  # a draft: the life event sits in the revision
        self.assertEqual(list(draft.life_events.all()), [self.kelahiran])
        response = self.client.get(f"/admin/pages/{created.pk}/edit/")
        # Requirements, procedure, time and fee: 40 points of 100, halved without a review date.
        self.assertContains(response, "Skor kelengkapan: 20,00 / 100")
        self.assertContains(response, "Tanggal SK atau peninjauan belum diisi")

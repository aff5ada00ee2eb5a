"""The public API (Wagtail API v2) shows live public pages and media outside private collections only."""

from django.contrib.auth import get_user_model
from django.test import TestCase
from wagtail.documents import get_document_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction
from wagtail_factories import DocumentFactory, ImageFactory

from opd_pages.models import EventIndexPage, NewsIndexPage
from tests.factories.opd_pages import EventPageFactory, NewsPageFactory
from tests.trees import build_region_tree


class PublicApiTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, (cls.dinkes, cls.dinsos) = build_region_tree(opd_count=2, news_per_opd=0)
        root = Collection.get_first_root_node()
        cls.private_collection = root.add_child(name="Internal Dinsos")
        cls.private_child = cls.private_collection.add_child(name="Internal Dinsos — arsip")
        CollectionViewRestriction.objects.create(collection=cls.private_collection, restriction_type="login")
        cls.public_image = ImageFactory(
            title="Foto imunisasi", file=get_test_image_file(filename="a.png", size=(1200, 800))
        )
        cls.private_image = ImageFactory(
            title="Foto rahasia", collection=cls.private_child, file=get_test_image_file(filename="b.png")
        )
        cls.public_doc = DocumentFactory(title="Renstra Dinkes")
        cls.private_doc = DocumentFactory(title="Memo internal", collection=cls.private_collection)
        cls.news = NewsPageFactory(
            parent=NewsIndexPage.objects.child_of(cls.dinkes).get(),
            title="Imunisasi campak",
            lead="Ratusan anak mendapat imunisasi.",
            main_image=cls.public_image,
        )
        cls.draft = NewsPageFactory(parent=NewsIndexPage.objects.child_of(cls.dinkes).get(), title="Draf", live=False)
        cls.private = NewsPageFactory(parent=NewsIndexPage.objects.child_of(cls.dinsos).get(), title="Khusus pegawai")
        PageViewRestriction.objects.create(page=cls.private, restriction_type="login")
        cls.event = EventPageFactory(parent=EventIndexPage.objects.child_of(cls.dinsos).get(), title="Sosialisasi")
        cls.editor = get_user_model().objects.create_superuser("diskominfo", "d@contohkab.go.id", "rahasia-12345")

    def titles(self, endpoint, query=""):
        response = self.client.get(f"/api/v2/{endpoint}/{query}")
        self.assertEqual(response.status_code, 200)
        return {item["title"] for item in response.json()["items"]}

    def test_pages_endpoint_lists_live_public_pages_only_even_for_a_logged_in_editor(self):
        for logged_in in (False, True):
            with self.subTest(logged_in=logged_in):
                if logged_in:
                    self.client.force_login(self.editor)
                titles = self.titles("pages", "?type=opd_pages.NewsPage")
                self.assertEqual(titles, {"Imunisasi campak"})
                self.assertEqual(self.client.get(f"/api/v2/pages/{self.private.pk}/").status_code, 404)
                self.assertEqual(self.client.get(f"/api/v2/pages/{self.draft.pk}/").status_code, 404)

    def test_images_and_documents_from_private_collections_never_show(self):
        for logged_in in (False, True):
            with self.subTest(logged_in=logged_in):
                if logged_in:
                    self.client.force_login(self.editor)
                self.assertEqual(self.titles("images"), {"Foto imunisasi"})
                self.assertEqual(self.titles("documents"), {"Renstra Dinkes"})
                self.assertEqual(self.client.get(f"/api/v2/images/{self.private_image.pk}/").status_code, 404)
                doc_pk = get_document_model().objects.get(title="Memo internal").pk
                self.assertEqual(self.client.get(f"/api/v2/documents/{doc_pk}/").status_code, 404)

    def test_news_exposes_opd_date_lead_and_image_renditions(self):
        fields = "opd,date,lead,main_image_card,main_image_large,tags"
        response = self.client.get(f"/api/v2/pages/?type=opd_pages.NewsPage&fields={fields}")
        item = response.json()["items"][0]
        self.assertEqual(item["opd"]["acronym"], self.dinkes.acronym)
        self.assertEqual(item["opd"]["url"], self.dinkes.url)
        self.assertEqual(item["date"], self.news.date.isoformat())
        self.assertEqual(item["lead"], "Ratusan anak mendapat imunisasi.")
        self.assertTrue(item["main_image_card"]["url"].endswith(".webp"))
        self.assertEqual(item["main_image_card"]["width"], 480)
        self.assertEqual(item["main_image_large"]["width"], 960)

    def test_news_listing_costs_the_same_queries_for_more_items(self):
        url = "/api/v2/pages/?type=opd_pages.NewsPage&fields=opd,date,lead"
        self.client.get(url)
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as few:
            self.client.get(url)
        for n in range(5):
            NewsPageFactory(parent=NewsIndexPage.objects.child_of(self.dinsos).get(), title=f"Berita {n}")
        with self.assertNumQueries(len(few)):
            self.client.get(url)

    def test_event_detail_exposes_opd_and_times(self):
        item = self.client.get(f"/api/v2/pages/{self.event.pk}/").json()
        self.assertEqual(item["opd"]["acronym"], self.dinsos.acronym)
        self.assertEqual(item["location"], self.event.location)
        self.assertIn("start", item)

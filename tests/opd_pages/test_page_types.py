"""Every page type: Wagtail's page assertions and the tree rules."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, rich_text, streamfield

from gallery.models import GalleryIndexPage
from home.models import HomePage, NewsArchivePage, RegionalPage
from opd_pages.models import (
    AnnouncementIndexPage,
    AnnouncementPage,
    EventIndexPage,
    EventPage,
    NewsIndexPage,
    NewsPage,
    OpdHomePage,
    ProfilePage,
)
from opd_pages.skeleton import optional_page_types, standard_sections
from services.models import ServiceCatalogPage
from tests.factories.opd_pages import AnnouncementPageFactory, EventPageFactory, NewsPageFactory, ProfilePageFactory
from tests.trees import build_region_tree


class PageTypeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, (cls.opd, *_) = build_region_tree(opd_count=1, news_per_opd=1)
        cls.news_index = NewsIndexPage.objects.child_of(cls.opd).get()
        cls.news = NewsPage.objects.get()
        cls.announcement = AnnouncementPageFactory(parent=AnnouncementIndexPage.objects.get())
        cls.event = EventPageFactory(parent=EventIndexPage.objects.get())
        cls.profile = ProfilePageFactory(parent=cls.opd)
        cls.superuser = get_user_model().objects.create_superuser("diskominfo", "d@contohkab.go.id", "rahasia-123")

    def setUp(self):
        self.client.force_login(self.superuser)

    def all_pages(self):
        return [
            self.home,
            self.opd,
            self.news_index,
            self.news,
            AnnouncementIndexPage.objects.get(),
            self.announcement,
            EventIndexPage.objects.get(),
            self.event,
            self.profile,
        ]

    def edit_form_data(self, page):
        """The edit form as the browser would post it (StreamFields are rendered by JavaScript)."""
        self.client.force_login(self.superuser)
        response = self.client.get(f"/admin/pages/{page.pk}/edit/")
        data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
        if hasattr(page, "body"):
            data.update(nested_form_data({"body": streamfield([])}))
        data["action-publish"] = ""
        return data

    def test_every_page_is_renderable_editable_and_previewable(self):
        for page in self.all_pages():
            with self.subTest(page=type(page).__name__):
                self.assertPageIsRenderable(page)
                self.assertPageIsEditable(page, post_data=self.edit_form_data(page), user=self.superuser)
                self.assertPageIsPreviewable(page, post_data=self.edit_form_data(page), user=self.superuser)

    def test_tree_rules(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(
            HomePage, {OpdHomePage, RegionalPage, NewsArchivePage, ServiceCatalogPage, GalleryIndexPage}
        )
        self.assertAllowedParentPageTypes(OpdHomePage, {HomePage})
        self.assertAllowedSubpageTypes(
            OpdHomePage, {NewsIndexPage, AnnouncementIndexPage, EventIndexPage, ProfilePage}
            | {section.page_class for section in standard_sections()}
            | optional_page_types()
        )  # fmt: skip
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsPage})
        self.assertAllowedSubpageTypes(AnnouncementIndexPage, {AnnouncementPage})
        self.assertAllowedSubpageTypes(EventIndexPage, {EventPage})
        for leaf in (NewsPage, AnnouncementPage, EventPage):
            with self.subTest(leaf=leaf.__name__):
                self.assertAllowedSubpageTypes(leaf, set())
        self.assertAllowedSubpageTypes(ProfilePage, {ProfilePage})  # sub-pages (an imported WordPress tree)
        self.assertAllowedParentPageTypes(ProfilePage, {OpdHomePage, ProfilePage})
        self.assertAllowedParentPageTypes(NewsPage, {NewsIndexPage, NewsArchivePage})

    def test_news_cannot_be_created_directly_under_an_opd_or_the_home(self):
        self.assertCanNotCreateAt(OpdHomePage, NewsPage)
        self.assertCanNotCreateAt(HomePage, NewsPage)
        self.assertCanNotCreateAt(HomePage, NewsIndexPage)

    def test_only_one_news_index_per_opd(self):
        self.assertFalse(NewsIndexPage.can_create_at(self.opd))
        self.assertFalse(AnnouncementIndexPage.can_create_at(self.opd))
        self.assertFalse(EventIndexPage.can_create_at(self.opd))

    def test_only_one_regional_home(self):
        self.assertFalse(HomePage.can_create_at(Page.get_first_root_node()))

    def test_editor_can_create_a_news_item_in_the_admin(self):
        self.assertCanCreate(
            self.news_index,
            NewsPage,
            nested_form_data(
                {
                    "title": "Vaksinasi gratis di puskesmas",
                    "slug": "vaksinasi-gratis",
                    "date": "2026-11-20",
                    "lead": "Vaksinasi gratis untuk semua warga.",
                    "image_caption": "",
                    "image_credit": "",
                    "tags": "vaksin, puskesmas",
                    "review_interval_months": "0",
                    "body": streamfield([("paragraph", rich_text("<p>Datang ke puskesmas terdekat.</p>"))]),
                }
            ),
        )

    def test_opd_slug_follows_the_acronym(self):
        self.assertCanCreate(
            self.home,
            OpdHomePage,
            nested_form_data(
                {
                    "title": "Dinas Perikanan",
                    "slug": "anything",
                    "acronym": "Diskan",
                    "kind": "dinas",
                    "intro": "",
                    "head_name": "",
                    "head_title": "",
                    "address": "",
                    "phone": "",
                    "email": "",
                    "service_hours": "",
                }
            ),
        )
        self.assertEqual(OpdHomePage.objects.get(acronym="Diskan").slug, "diskan")

    def test_second_sejarah_page_in_one_opd_is_refused_with_a_clear_message(self):
        response = self.client.post(
            f"/admin/pages/add/opd_pages/profilepage/{self.opd.pk}/",
            nested_form_data(
                {"title": "Sejarah lagi", "slug": "sejarah-2", "profile_type": "sejarah", "body": streamfield([])}
            ),
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "sudah punya halaman profil jenis ini")
        self.assertEqual(ProfilePage.objects.filter(profile_type="sejarah").count(), 1)

    def test_event_end_before_start_is_refused(self):
        start = timezone.now() + datetime.timedelta(days=3)
        event = EventPageFactory.build(start=start, end=start - datetime.timedelta(hours=1))
        with self.assertRaisesMessage(Exception, "tidak boleh sebelum"):
            event.clean()

    def test_news_factory_builds_valid_page(self):
        self.assertEqual(NewsPageFactory(parent=self.news_index).get_parent().specific, self.news_index)

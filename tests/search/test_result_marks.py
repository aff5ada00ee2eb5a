"""Search results a citizen can trust: promoted results link to their page, expired announcements are marked."""

import datetime

from django.test import TestCase
from django.urls import reverse
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from opd_pages.models import AnnouncementIndexPage
from tests.factories.opd_pages import AnnouncementPageFactory
from tests.trees import build_region_tree

URL = reverse("search")


class SearchResultMarksTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, (cls.opd,) = build_region_tree(opd_count=1, news_per_opd=0)
        index = AnnouncementIndexPage.objects.child_of(cls.opd).get()
        today = timezone.localdate()
        cls.expired = AnnouncementPageFactory(
            parent=index,
            title="Lelang jabatan kepala bidang",
            date=today - datetime.timedelta(days=60),
            valid_until=today - datetime.timedelta(days=30),
        )
        cls.current = AnnouncementPageFactory(
            parent=index, title="Lelang aset daerah", valid_until=today + datetime.timedelta(days=3)
        )

    def test_promoted_result_links_to_the_page_not_its_title(self):
        SearchPromotion.objects.create(query=Query.get("lelang"), page=self.opd, description="Semua lelang.")
        response = self.client.get(URL, {"q": "lelang"})
        self.assertContains(response, f'<a href="{self.opd.url}">{self.opd.title}</a>', html=True)

    def test_promoted_external_link_keeps_its_address(self):
        SearchPromotion.objects.create(
            query=Query.get("lelang"),
            external_link_url="https://lpse.contohkab.go.id/",
            external_link_text="LPSE Kabupaten",
        )
        response = self.client.get(URL, {"q": "lelang"})
        self.assertContains(response, '<a href="https://lpse.contohkab.go.id/">LPSE Kabupaten</a>', html=True)

    def test_expired_announcement_is_marked_and_current_one_is_not(self):
        response = self.client.get(URL, {"q": "lelang"})
        results = {result.url: result for result in response.context["results"]}
        self.assertTrue(results[self.expired.url].expired)
        self.assertFalse(results[self.current.url].expired)
        self.assertContains(response, "Sudah tidak berlaku", count=1)

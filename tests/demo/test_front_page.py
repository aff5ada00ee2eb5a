"""The demo step curates a front page: Sorotan, pinned announcement, quick links, alert, proposals."""

from io import StringIO

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import TestCase
from wagtail.models import Site

from demo.front_page import build_front_page
from home.models import Highlight, NewsArchivePage, PinnedAnnouncement, QuickLink, RegionAlert
from opd_pages.models import NewsPage
from opd_teams.models import HUMAS_GROUP
from tests.factories.opd_pages import make_opd_section
from tests.trees import build_region_tree


class DemoFrontPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home, _opds = build_region_tree(opd_count=0)
        for acronym in ("Disdukcapil", "DPMPTSP", "BPBD", "Dinkes", "Dinsos"):
            make_opd_section(home, acronym=acronym, news=1)
        get_user_model().objects.create_superuser("admin", "admin@contohkab.go.id", "demo-admin-2026")

    def test_builds_a_curated_front_page_idempotently(self):
        build_front_page(stdout=StringIO())
        build_front_page(stdout=StringIO())
        site = Site.objects.get(is_default_site=True)
        self.assertEqual(NewsArchivePage.objects.live().count(), 1)
        self.assertEqual(Highlight.objects.showing().count(), 3)
        self.assertTrue(PinnedAnnouncement.for_site(site).is_showing())
        self.assertTrue(RegionAlert.for_site(site).is_showing())
        self.assertEqual(QuickLink.objects.count(), 5)
        self.assertEqual(NewsPage.objects.proposed_for_front_page().count(), 2)
        self.assertEqual(NewsPage.objects.child_of(NewsArchivePage.objects.get()).count(), 1)
        humas = Group.objects.get(name=HUMAS_GROUP)
        archive_permissions = humas.page_permissions.filter(page=NewsArchivePage.objects.get())
        self.assertEqual(
            set(archive_permissions.values_list("permission__codename", flat=True)),
            {"add_page", "change_page", "publish_page"},
        )
        response = self.client.get("/")
        self.assertContains(response, "Siaga banjir")
        self.assertContains(response, "Imbauan Bupati")

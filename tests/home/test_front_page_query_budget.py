"""The home page costs the same, small number of SQL queries however big the region grows."""

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Site
from wagtail_factories import ImageFactory

from home.models import Highlight, NewsArchivePage, PinnedAnnouncement, QuickLink, RegionAlert
from opd_pages.models import AnnouncementIndexPage, EventIndexPage, NewsPage
from tests.factories.opd_pages import AnnouncementPageFactory, EventPageFactory
from tests.trees import build_region_tree

#: The issue's ceiling for the regional home page.
HOME_PAGE_QUERY_BUDGET = 17  # +2: "Saya ingin mengurus…" (services: the catalogue and its life events)


def furnish_front_page(home, opds):
    """Everything the home page can show: photos, Sorotan, pinned announcement, alert, links, lists."""
    image = ImageFactory(file=get_test_image_file(filename="foto.png", size=(1000, 600)))
    NewsPage.objects.update(main_image=image)
    home.add_child(instance=NewsArchivePage(title="Semua Berita", slug="berita"))
    for opd in opds[:3]:
        AnnouncementPageFactory(parent=AnnouncementIndexPage.objects.child_of(opd).get())
        EventPageFactory(parent=EventIndexPage.objects.child_of(opd).get())
    for position, news in enumerate(NewsPage.objects.order_by("pk")[:3]):
        Highlight.objects.create(page=news, sort_order=position)
    QuickLink.objects.create(title="Urus KTP-el", page=opds[0])
    QuickLink.objects.create(title="Perizinan", url="https://oss.go.id/")
    site = Site.objects.get(is_default_site=True)
    PinnedAnnouncement.objects.create(site=site, is_active=True, title="Imbauan", text="Isi", image=image, page=opds[0])
    RegionAlert.objects.create(site=site, is_active=True, message="Siaga banjir")


class HomePageQueryBudgetTests(TestCase):
    def count_home_queries(self):
        self.client.get("/")  # renditions are generated (and cached) on the first visit
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get("/")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(len(response.context["highlights"]), 3)
        self.assertContains(response, "Siaga banjir")
        self.assertContains(response, "Imbauan")
        return len(queries)

    def test_home_page_query_count_is_small_and_flat(self):
        home, opds = build_region_tree(opd_count=3, news_per_opd=2)
        furnish_front_page(home, opds)
        small = self.count_home_queries()
        self.assertLessEqual(small, HOME_PAGE_QUERY_BUDGET)

        for n in range(3, 30):
            from tests.factories.opd_pages import make_opd_section

            make_opd_section(home, acronym=f"Besar{n}", title=f"Dinas Besar {n}", news=8)
        NewsPage.objects.update(main_image=PinnedAnnouncement.objects.get().image)
        with self.assertNumQueries(small):
            self.client.get("/")

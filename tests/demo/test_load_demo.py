"""The demo region: realistic content, built by the test factories, idempotent."""

from io import StringIO
from unittest import mock

from django.core.management import call_command
from django.test import TestCase
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, PageLogEntry

from demo import content
from home.models import HomePage, RegionSettings
from opd_pages.models import AnnouncementPage, EventPage, NewsPage, OpdHomePage, ProfilePage


def object_counts():
    return {
        "pages": Page.objects.count(),
        "opds": OpdHomePage.objects.count(),
        "news": NewsPage.objects.count(),
        "images": get_image_model().objects.count(),
        "log": PageLogEntry.objects.count(),
        "settings": RegionSettings.objects.count(),
    }


class DemoContentTests(TestCase):
    def test_region_has_at_least_twelve_real_world_opds(self):
        acronyms = {spec["acronym"] for spec in content.OPDS}
        self.assertGreaterEqual(len(acronyms), 12)
        expected = {
            "Dinkes",
            "Disdikbud",
            "Disdukcapil",
            "DPMPTSP",
            "Dinsos",
            "Disnaker",
            "Diskominfo",
            "Bappeda",
            "BPKAD",
            "BPBD",
            "Inspektorat",
        }
        self.assertLessEqual(expected, acronyms)
        self.assertIn("kecamatan", {spec["kind"] for spec in content.OPDS})


class LoadDemoCommandTests(TestCase):
    def run_command(self):
        out = StringIO()
        with mock.patch.object(content, "OPDS", content.OPDS[:3]):
            call_command("load_demo", stdout=out)
        return out.getvalue()

    def test_builds_a_region_and_running_it_again_changes_nothing(self):
        first_output = self.run_command()
        first = object_counts()
        second_output = self.run_command()
        self.assertEqual(object_counts(), first)
        self.assertIn("Dibuat 3 OPD", first_output)
        self.assertIn("tidak ada yang diubah", second_output)
        self.assertIn("pengguna: admin", second_output)

    def test_region_content_is_complete(self):
        self.run_command()
        home = HomePage.objects.get()
        self.assertEqual(Page.objects.get(url_path="/").get_children().get().specific, home)
        for opd in OpdHomePage.objects.all():
            with self.subTest(opd=opd.acronym):
                self.assertGreaterEqual(NewsPage.objects.of_opd(opd).count(), 10)
                self.assertEqual(ProfilePage.objects.child_of(opd).count(), 5)
                self.assertTrue(AnnouncementPage.objects.of_opd(opd).current().exists())
                self.assertTrue(EventPage.objects.of_opd(opd).upcoming().exists())
                self.assertIsNotNone(opd.logo)
        dates = sorted(NewsPage.objects.values_list("date", flat=True))
        self.assertGreater((dates[-1] - dates[0]).days, 60)
        self.assertEqual(Page.find_problems(), ([], [], [], [], []))

    def test_publication_history_is_dated_like_the_news(self):
        self.run_command()
        news = NewsPage.objects.order_by("date").first()
        entry = PageLogEntry.objects.filter(page=news, action="wagtail.publish").get()
        self.assertEqual(entry.timestamp.date(), news.date)
        self.assertEqual(news.first_published_at.date(), news.date)

    def test_demo_pages_render(self):
        self.run_command()
        for url in ["/", "/setda/", "/setda/berita/", "/setda/sejarah/", NewsPage.objects.first().url]:
            with self.subTest(url=url):
                self.assertEqual(self.client.get(url).status_code, 200)

    def test_no_empty_collections(self):
        """Every picture sits in its OPD's or the region's collection; no factory leftovers."""
        self.run_command()
        self.assertEqual(Collection.get_root_nodes().count(), 1)
        self.assertFalse(Collection.objects.filter(name="Test collection").exists())
        image_model = get_image_model()
        for collection in Collection.objects.filter(depth__gt=1):
            with self.subTest(collection=collection.name):
                self.assertTrue(image_model.objects.filter(collection=collection).exists())

"""The regional main menu: what it lists, in which order, and that it costs one query however many OPDs."""

import re

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from gallery.models import GalleryIndexPage
from home.models import NewsArchivePage, RegionalPage
from home.templatetags.main_menu_tags import menu_pages
from services.models import ServiceCatalogPage
from tests.factories.opd_pages import make_opd_section
from tests.trees import build_region_tree


def menu_labels(html, css_class):
    block = re.search(rf'class="{css_class}[^"]*".*?</ul>', html, re.S).group(0)
    return re.findall(r"<a [^>]*>([^<]+)</a>", block)


class MainMenuTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.opds = build_region_tree(opd_count=3, news_per_opd=0)
        for page in [
            NewsArchivePage(title="Berita", slug="berita", show_in_menus=True),
            GalleryIndexPage(title="Galeri", slug="galeri", show_in_menus=True),
            ServiceCatalogPage(title="Layanan", slug="layanan", show_in_menus=True),
            RegionalPage(title="Profil Daerah", slug="profil-daerah", show_in_menus=True),
            RegionalPage(title="Halaman Tanpa Menu", slug="tanpa-menu", show_in_menus=False),
            RegionalPage(title="Draf Profil", slug="draf", show_in_menus=True, live=False),
        ]:
            cls.home.add_child(instance=page)
        cls.opds[0].show_in_menus = True
        cls.opds[0].save()

    def test_menu_lists_the_regions_sections_in_order_and_no_opd(self):
        html = self.client.get("/").content.decode()
        expected = [
            "Profil Daerah",
            "Layanan",
            "OPD",
            "Berita",
            "Galeri",
            "Pejabat",
            "Informasi Publik",
            "Pengaduan",
        ]
        self.assertEqual(menu_labels(html, "main-menu__bar"), expected)
        self.assertEqual(menu_labels(html, "main-menu__phone"), expected)
        self.assertIn('href="/#opd-directory"', html)
        self.assertIn('href="/pejabat/"', html)
        self.assertIn('href="/ppid/"', html)

    def test_phone_menu_is_a_details_disclosure_that_needs_no_script(self):
        html = self.client.get("/berita/").content.decode()
        self.assertRegex(html, r'<details class="main-menu__phone[^"]*">\s*<summary>Menu</summary>')
        self.assertRegex(html, r'<a href="/berita/" aria-current="page">Berita</a>')

    def test_menu_is_on_every_kind_of_page(self):
        for path in ["/", "/opd0/", "/opd0/berita/", "/pejabat/", "/cari/?q=ktp", "/pengaduan/"]:
            with self.subTest(path=path):
                self.assertContains(self.client.get(path), 'class="main-menu__bar"')

    def test_opd_pages_have_a_compact_section_menu_on_phones(self):
        html = self.client.get("/opd0/berita/").content.decode()
        self.assertRegex(html, r'<details class="opd-nav-phone">\s*<summary>Menu Opd0</summary>')
        labels = menu_labels(html, "opd-nav-phone")
        for label in ("Beranda OPD", "Berita", "Pejabat", "Galeri", "Tanya Jawab"):
            self.assertIn(label, labels)

    def test_menu_costs_one_query_however_many_opds(self):
        def count():
            self.client.get("/pejabat/")
            with CaptureQueriesContext(connection) as queries:
                self.client.get("/pejabat/")
            return len(queries)

        with CaptureQueriesContext(connection) as queries:
            menu_pages(self.home)
        self.assertEqual(len(queries), 1)
        small = count()
        for n in range(3, 30):
            make_opd_section(self.home, acronym=f"Besar{n}", title=f"Dinas Besar {n}").save()
        self.assertEqual(count(), small)


class MainMenuCacheTests(TestCase):
    """The menu costs no query while cached, and a publish or unpublish shows at once."""

    def test_cached_menu_follows_publish_and_unpublish(self):
        home, _opds = build_region_tree(opd_count=3)
        self.client.get("/")  # caches the menu
        page = home.add_child(instance=RegionalPage(title="Profil Daerah Uji", slug="profil-uji", show_in_menus=True))
        page.save_revision().publish()
        self.assertContains(self.client.get("/"), "Profil Daerah Uji")
        page.unpublish()
        self.assertNotContains(self.client.get("/"), "Profil Daerah Uji")

"""What a citizen sees on the regional home page and in every page's frame."""

from django.test import TestCase
from wagtail_factories import ImageFactory

from opd_pages.models import NewsIndexPage
from tests.factories.opd_pages import NewsPageFactory, make_opd_section
from tests.trees import build_region_tree


class RegionalHomePageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.opds = build_region_tree(opd_count=2, news_per_opd=0)
        cls.kecamatan = make_opd_section(cls.home, acronym="KecMaju", title="Kecamatan Maju", kind="kecamatan")
        index = NewsIndexPage.objects.child_of(cls.kecamatan).get()
        cls.news = NewsPageFactory(
            parent=index, title="Gotong royong membersihkan saluran", main_image=ImageFactory(title="Foto kerja bakti")
        )

    def test_home_shows_region_identity_and_contact(self):
        response = self.client.get("/")
        self.assertContains(response, "Pemerintah Kabupaten Contoh")
        self.assertContains(response, "info@contohkab.go.id")
        self.assertContains(response, '<html lang="id">', html=False)

    def test_directory_groups_opds_by_kind_with_acronyms(self):
        response = self.client.get("/")
        directory = response.context["opd_directory"]
        self.assertEqual([kind for kind, _opds in directory], ["Dinas", "Kecamatan"])
        self.assertEqual([len(opds) for _kind, opds in directory], [2, 1])
        content = response.content.decode()
        self.assertLess(content.index(">Dinas<"), content.index(">Kecamatan<"))
        self.assertContains(response, '<abbr title="Kecamatan Maju">KecMaju</abbr>', html=True)

    def test_newest_news_shows_photo_title_and_its_opd(self):
        response = self.client.get("/")
        self.assertContains(response, "Gotong royong membersihkan saluran")
        self.assertContains(response, 'href="/kecmaju/"')
        self.assertContains(response, "KecMaju</a>")
        self.assertContains(response, 'loading="lazy"')

    def test_draft_news_never_appears(self):
        draft = NewsPageFactory(
            parent=NewsIndexPage.objects.child_of(self.opds[0]).get(), title="Rahasia draf", live=False
        )
        response = self.client.get("/")
        self.assertNotContains(response, draft.title)

    def test_every_page_has_search_box_breadcrumbs_and_editor_login_link(self):
        for url in ["/", "/kecmaju/", "/kecmaju/berita/", self.news.url]:
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertContains(response, 'role="search"')
                self.assertContains(response, "Masuk pengelola")
                self.assertContains(response, 'href="/masuk/"')
        response = self.client.get(self.news.url)
        self.assertContains(response, 'aria-label="Jejak halaman"')
        self.assertContains(response, '<a href="/kecmaju/berita/">Berita</a>', html=True)

    def test_short_editor_url_leads_to_the_admin_login(self):
        response = self.client.get("/masuk/", follow=True)
        self.assertEqual(response.redirect_chain[-1][0], "/admin/login/?next=/admin/")
        self.assertContains(response, "<h1>Masuk pengelola Kabupaten Contoh</h1>", html=True)

    def test_unknown_page_is_a_friendly_404_in_indonesian(self):
        response = self.client.get("/tidak-ada/")
        self.assertEqual(response.status_code, 404)
        self.assertContains(response, "Halaman tidak ditemukan", status_code=404)


class PublicLanguageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_region_tree(opd_count=1, news_per_opd=1)

    def test_public_pages_stay_indonesian_whatever_the_browser_asks_for(self):
        response = self.client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
        self.assertContains(response, '<html lang="id">', html=False)
        self.assertContains(response, "Berita terbaru")
        html = response.content.decode()
        self.assertRegex(html, r"(Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu), \d{1,2} \w+ \d{4}")
        self.assertNotRegex(html, r"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Nov\.)")

"""Gallery: albums per OPD and of the region, click-to-play videos, who may edit, what it costs."""

from django.core.exceptions import ValidationError
from django.db import connection
from django.test import SimpleTestCase, TestCase
from django.test.utils import CaptureQueriesContext
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import querydict_from_html

from gallery import videos
from gallery.models import AlbumPage, GalleryIndexPage
from home.models import HomePage
from opd_pages.models import OpdHomePage
from opd_teams.media import FOREIGN_IMAGE
from security_headers.policies import PERMISSIONS_POLICY, PUBLIC
from tests.factories.opd_pages import make_opd_section
from tests.opd_teams.helpers import assert_denied, build_onboarded_region
from tests.trees import build_region_tree

from .helpers import gallery_of, photo, publish_album

VIDEO = ("Peluncuran layanan", "https://www.youtube.com/watch?v=aqz-KE-bpKQ")


class VideoAddressTests(SimpleTestCase):
    def test_youtube_addresses_give_their_id_and_nothing_else_is_accepted(self):
        for url, expected in [
            ("https://www.youtube.com/watch?v=aqz-KE-bpKQ", "aqz-KE-bpKQ"),
            ("https://youtu.be/aqz-KE-bpKQ?t=3", "aqz-KE-bpKQ"),
            ("https://www.youtube.com/shorts/aqz-KE-bpKQ", "aqz-KE-bpKQ"),
            ("https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ", "aqz-KE-bpKQ"),
            ("https://m.youtube.com/watch?v=aqz-KE-bpKQ&list=x", "aqz-KE-bpKQ"),
            ("https://vimeo.com/123456", None),
            ("https://www.youtube.com.evil.example/watch?v=aqz-KE-bpKQ", None),
            ("javascript:alert(1)//youtube.com/watch?v=aqz-KE-bpKQ", None),
            ("https://www.youtube.com/watch?v=short", None),
            ('https://www.youtube.com/watch?v=aqz-KE-bpKQ"><script>', None),
            ("", None),
        ]:
            with self.subTest(url=url):
                self.assertEqual(videos.youtube_id(url), expected)
        with self.assertRaisesMessage(ValidationError, "Hanya video YouTube"):
            videos.validate_youtube_url("https://vimeo.com/123456")

    def test_the_public_policy_frames_only_the_no_cookie_provider(self):
        self.assertEqual(PUBLIC["frame-src"], ["https://www.youtube-nocookie.com"])
        self.assertIn('fullscreen=(self "https://www.youtube-nocookie.com")', PERMISSIONS_POLICY)
        self.assertIn('autoplay=("https://www.youtube-nocookie.com")', PERMISSIONS_POLICY)
        self.assertIn("camera=()", PERMISSIONS_POLICY)


class GalleryPageTypeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, (cls.opd,) = build_region_tree(opd_count=1, news_per_opd=0)
        cls.album = publish_album(gallery_of(cls.opd), "Album uji", images=[photo()], videos=[VIDEO])

    def test_tree_rules(self):
        self.assertAllowedParentPageTypes(GalleryIndexPage, {OpdHomePage, HomePage})
        self.assertAllowedSubpageTypes(GalleryIndexPage, {AlbumPage})
        self.assertAllowedParentPageTypes(AlbumPage, {GalleryIndexPage})
        self.assertAllowedSubpageTypes(AlbumPage, set())
        self.assertFalse(GalleryIndexPage.can_create_at(self.opd))
        self.assertTrue(GalleryIndexPage.can_create_at(self.home))

    def test_pages_are_renderable_editable_and_previewable(self):
        from django.contrib.auth import get_user_model

        superuser = get_user_model().objects.create_superuser("root", "r@contohkab.go.id", "sandi-12345")
        for page in (gallery_of(self.opd), self.album):
            with self.subTest(page=type(page).__name__):
                self.assertPageIsRenderable(page)
                self.client.force_login(superuser)
                html = self.client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
                data = querydict_from_html(html, form_id="page-edit-form")
                self.assertPageIsEditable(page, post_data=data, user=superuser)
                self.client.force_login(superuser)
                html = self.client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
                data = querydict_from_html(html, form_id="page-edit-form")
                self.assertPageIsPreviewable(page, post_data=data, user=superuser)


class AlbumPublicTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, (cls.opd, cls.other) = build_region_tree(opd_count=2, news_per_opd=0)
        cls.images = [photo(f"Foto {n}") for n in range(3)]
        cls.album = publish_album(gallery_of(cls.opd), "Imunisasi di posyandu", images=cls.images, videos=[VIDEO])
        cls.draft = publish_album(gallery_of(cls.other), "Album draf rahasia", images=cls.images[:1], live=False)
        cls.regional = GalleryIndexPage(title="Galeri", slug="galeri")
        cls.home.add_child(instance=cls.regional)
        publish_album(cls.regional, "Hari jadi kabupaten", images=cls.images[1:])

    def test_album_shows_webp_thumbnails_and_opens_a_photo_large_without_javascript(self):
        response = self.client.get(self.album.url)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "format-webp")
        self.assertContains(response, 'href="?foto=2#foto"')
        self.assertNotContains(response, 'id="foto"')
        opened = self.client.get(self.album.url, {"foto": 2})
        self.assertContains(opened, 'id="foto"')
        self.assertContains(opened, "Foto 2 dari 3")
        self.assertContains(opened, 'href="?foto=1#foto"')
        self.assertContains(opened, 'href="?foto=3#foto"')
        for bad in ("0", "9", "x", "-1", "1e3"):
            with self.subTest(foto=bad):
                response = self.client.get(self.album.url, {"foto": bad})
                self.assertEqual(response.status_code, 200)
                self.assertNotContains(response, 'id="foto"')

    def test_nothing_loads_from_youtube_until_the_visitor_asks(self):
        response = self.client.get(self.album.url)
        self.assertNotContains(response, "<iframe")
        self.assertNotContains(response, "youtube-nocookie.com/embed")
        self.assertNotContains(response, "ytimg")  # no thumbnail from YouTube either
        self.assertContains(response, 'href="?video=1#video-1"')
        playing = self.client.get(self.album.url, {"video": "1"})
        self.assertContains(
            playing, '<iframe src="https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ?autoplay=1&amp;rel=0"'
        )
        csp = playing["Content-Security-Policy"]
        frame_src = next(part for part in csp.split(";") if part.strip().startswith("frame-src"))
        self.assertEqual(frame_src.split(), ["frame-src", "https://www.youtube-nocookie.com"])
        self.assertNotIn("unsafe-inline", csp)

    def test_opd_gallery_lists_its_own_albums_and_the_regional_gallery_lists_every_published_album(self):
        opd_gallery = self.client.get(gallery_of(self.opd).url)
        self.assertContains(opd_gallery, "Imunisasi di posyandu")
        self.assertNotContains(opd_gallery, "Hari jadi kabupaten")
        regional = self.client.get(self.regional.url)
        self.assertContains(regional, "Imunisasi di posyandu")
        self.assertContains(regional, "Hari jadi kabupaten")
        self.assertContains(regional, ">Opd0<")  # the OPD of each album
        self.assertNotContains(regional, "Album draf rahasia")
        self.assertNotContains(self.client.get(gallery_of(self.other).url), "Album draf rahasia")

    def test_a_video_address_from_another_provider_is_refused_in_the_editor(self):
        from django.contrib.auth import get_user_model

        user = get_user_model().objects.create_superuser("root", "r@contohkab.go.id", "sandi-12345")
        self.client.force_login(user)
        html = self.client.get(f"/admin/pages/{self.album.pk}/edit/").content.decode()
        data = querydict_from_html(html, form_id="page-edit-form")
        data["videos-0-url"] = "https://tracker.example/video.mp4"
        data["action-publish"] = "Publish"
        response = self.client.post(f"/admin/pages/{self.album.pk}/edit/", data)
        self.assertContains(response, "Hanya video YouTube yang dapat ditampilkan.")
        self.assertEqual(AlbumPage.objects.get(pk=self.album.pk).videos.get().url, VIDEO[1])


class GalleryPermissionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, (cls.mine, cls.theirs, _third) = build_onboarded_region(opd_count=3)
        cls.their_photo = photo("Foto galeri OPD lain", collection=cls.theirs.team.collection)
        cls.my_photo = photo("Foto galeri sendiri", collection=cls.mine.team.collection)
        cls.their_album = publish_album(gallery_of(cls.theirs.opd), "Album milik OPD lain", images=[cls.their_photo])
        cls.their_draft = publish_album(
            gallery_of(cls.theirs.opd), "Draf album OPD lain", images=[cls.their_photo], live=False
        )
        cls.my_album = publish_album(gallery_of(cls.mine.opd), "Album sendiri", images=[cls.my_photo])

    def test_another_opds_team_cannot_add_edit_or_delete_their_albums(self):
        index = gallery_of(self.theirs.opd)
        urls = [("get", f"/admin/pages/add/gallery/albumpage/{index.pk}/")]
        for album in (self.their_album, self.their_draft):
            urls += [
                ("get", f"/admin/pages/{album.pk}/edit/"),
                ("post", f"/admin/pages/{album.pk}/edit/"),
                ("get", f"/admin/pages/{album.pk}/view_draft/"),
                ("post", f"/admin/pages/{album.pk}/edit/preview/"),
                ("post", f"/admin/pages/{album.pk}/delete/"),
                ("post", f"/admin/pages/{album.pk}/unpublish/"),
                ("get", f"/admin/pages/{album.pk}/history/"),
            ]
        for user in (self.mine.operator, self.mine.admin):
            self.client.force_login(user)
            for method, url in urls:
                with self.subTest(user=user.username, url=url):
                    response = getattr(self.client, method)(url, {"title": "Dibajak"} if method == "post" else {})
                    self.assertNotContains(response, "Draf album OPD lain", status_code=response.status_code)
                    if response.status_code != 404:
                        assert_denied(self, response, url)
        self.assertTrue(AlbumPage.objects.filter(pk=self.their_album.pk, live=True).exists())
        self.assertTrue(AlbumPage.objects.filter(pk=self.their_draft.pk).exists())

    def test_a_photo_of_another_opds_collection_is_refused_even_when_its_id_is_posted(self):
        self.client.force_login(self.mine.admin)
        html = self.client.get(f"/admin/pages/{self.my_album.pk}/edit/").content.decode()
        data = querydict_from_html(html, form_id="page-edit-form")
        data["photos-0-image"] = str(self.their_photo.pk)
        data["action-publish"] = "Publish"
        response = self.client.post(f"/admin/pages/{self.my_album.pk}/edit/", data)
        self.assertContains(response, FOREIGN_IMAGE)
        self.assertEqual(AlbumPage.objects.get(pk=self.my_album.pk).photos.get().image, self.my_photo)

    def test_the_admin_may_keep_and_publish_their_own_photos(self):
        self.client.force_login(self.mine.admin)
        html = self.client.get(f"/admin/pages/{self.my_album.pk}/edit/").content.decode()
        data = querydict_from_html(html, form_id="page-edit-form")
        data["title"] = "Album sendiri (diperbarui)"
        data["action-publish"] = "Publish"
        response = self.client.post(f"/admin/pages/{self.my_album.pk}/edit/", data)
        self.assertEqual(response.status_code, 302)
        self.assertEqual(AlbumPage.objects.get(pk=self.my_album.pk).title, "Album sendiri (diperbarui)")


class AlbumListingQueryBudgetTests(TestCase):
    def count(self, path):
        self.client.get(path)  # renditions are made on the first visit
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(path)
        self.assertEqual(response.status_code, 200)
        return len(queries)

    def test_gallery_listings_cost_the_same_with_3_and_30_opds(self):
        home, opds = build_region_tree(opd_count=3, news_per_opd=0)
        regional = GalleryIndexPage(title="Galeri", slug="galeri")
        home.add_child(instance=regional)
        images = [photo(f"Foto {n}") for n in range(2)]
        for opd in opds:
            for n in range(2):
                publish_album(gallery_of(opd), f"Album {opd.acronym} {n}", images=images)
        paths = [regional.url, gallery_of(opds[0]).url, AlbumPage.objects.first().url]
        small = {path: self.count(path) for path in paths}
        for n in range(3, 30):
            opd = make_opd_section(home, acronym=f"Besar{n}", title=f"Dinas Besar {n}")
            for m in range(2):
                publish_album(gallery_of(opd), f"Album besar {n} {m}", images=images)
        for path, queries in small.items():
            with self.subTest(path=path):
                self.assertLessEqual(queries, 20)
                self.assertEqual(self.count(path), queries)

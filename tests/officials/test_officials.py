"""Officials (pejabat): who may edit them, what the public sees, and what it costs."""

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import querydict_from_html

from officials.models import Official, OfficialsPage
from opd_pages.models import OpdHomePage
from opd_pages.skeleton import standard_sections
from opd_teams.media import FOREIGN_IMAGE
from tests.factories.opd_pages import ProfilePageFactory, make_opd_section
from tests.opd_teams.helpers import assert_denied, build_onboarded_region
from tests.trees import build_region_tree

from .helpers import officials_page_of, portrait, publish_officials

HEAD = {"name": "dr. Siti Rahmawati, M.Kes.", "position": "Kepala Dinas Kesehatan", "echelon": "II.a", "is_head": True}


def edit_data(client, page, **changes):
    """The edit form of ``page`` as the browser posts it, with the first official's fields changed."""
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    for key, value in changes.items():
        data[key] = value
    return data


def add_official(data, index, **fields):
    """Add inline form number ``index`` (the formset's next one) to posted edit data."""
    data["officials-TOTAL_FORMS"] = str(index + 1)
    defaults = {"name": "", "position": "", "echelon": "lainnya", "unit": "", "phone": "", "email": "", "career": ""}
    for key, value in {**defaults, **fields}.items():
        data[f"officials-{index}-{key}"] = value
    data[f"officials-{index}-ORDER"] = str(index + 1)
    data[f"officials-{index}-DELETE"] = ""
    data[f"officials-{index}-id"] = ""
    return data


class OfficialsPageTypeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, (cls.opd,) = build_region_tree(opd_count=1, news_per_opd=0)
        cls.page = publish_officials(cls.opd, [HEAD])

    def test_every_opd_gets_a_pejabat_section(self):
        self.assertIn("officials.OfficialsPage", [section.model for section in standard_sections()])
        self.assertEqual(officials_page_of(self.opd).slug, "pejabat")
        self.assertAllowedParentPageTypes(OfficialsPage, {OpdHomePage})
        self.assertAllowedSubpageTypes(OfficialsPage, set())
        self.assertFalse(OfficialsPage.can_create_at(self.opd))  # one per OPD

    def test_page_is_renderable_editable_and_previewable(self):
        from django.contrib.auth import get_user_model

        superuser = get_user_model().objects.create_superuser("root", "r@contohkab.go.id", "sandi-12345")
        self.client.force_login(superuser)
        self.assertPageIsRenderable(self.page)
        self.assertPageIsEditable(self.page, post_data=edit_data(self.client, self.page), user=superuser)
        self.client.force_login(superuser)
        data = edit_data(self.client, self.page)
        response = self.client.post(f"/admin/pages/{self.page.pk}/edit/preview/", data)
        self.assertEqual(response.json(), {"is_valid": True, "is_available": True}, response.content)
        self.assertPageIsPreviewable(self.page, post_data=data, user=superuser)


class OfficialsPermissionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, (cls.mine, cls.theirs, _third) = build_onboarded_region(opd_count=3)
        cls.their_photo = portrait("Foto pejabat OPD lain", collection=cls.theirs.team.collection)
        cls.my_photo = portrait("Foto pejabat sendiri", collection=cls.mine.team.collection)
        cls.their_page = publish_officials(cls.theirs.opd, [{**HEAD, "name": "Kepala Milik OPD Lain"}])
        cls.my_page = officials_page_of(cls.mine.opd)

    def test_operator_adds_an_official_who_appears_only_once_the_admin_publishes(self):
        self.client.force_login(self.mine.operator)
        data = add_official(
            edit_data(self.client, self.my_page), 0, name="Drs. Baru Diangkat", position="Sekretaris", echelon="III.a"
        )
        data["action-submit"] = "Submit"
        response = self.client.post(f"/admin/pages/{self.my_page.pk}/edit/", data)
        self.assertEqual(response.status_code, 302)
        self.assertFalse(Official.objects.filter(name="Drs. Baru Diangkat").exists())  # a draft: only in the revision
        self.assertNotContains(self.client.get("/pejabat/?q=Diangkat"), "Drs. Baru Diangkat")

        self.client.force_login(self.mine.admin)
        data = edit_data(self.client, self.my_page)
        data["action-publish"] = "Publish"
        self.client.post(f"/admin/pages/{self.my_page.pk}/edit/", data)
        self.assertContains(self.client.get("/pejabat/?q=Diangkat"), "Drs. Baru Diangkat")

    def test_another_opds_team_cannot_reach_their_officials_through_any_admin_url(self):
        page = self.their_page
        revision = page.get_latest_revision()
        urls = [
            ("get", f"/admin/pages/{page.pk}/edit/"),
            ("post", f"/admin/pages/{page.pk}/edit/"),
            ("post", f"/admin/pages/{page.pk}/edit/preview/"),
            ("get", f"/admin/pages/{page.pk}/view_draft/"),
            ("post", f"/admin/pages/{page.pk}/delete/"),
            ("post", f"/admin/pages/{page.pk}/unpublish/"),
            ("get", f"/admin/pages/{page.pk}/history/"),
            ("get", f"/admin/pages/{page.pk}/revisions/{revision.pk}/view/"),
            ("post", f"/admin/pages/{page.pk}/revisions/{revision.pk}/revert/"),
            ("post", f"/admin/pages/{page.pk}/copy/"),
            ("get", f"/admin/pages/{page.pk}/move/"),
            ("get", f"/admin/pages/add/officials/officialspage/{self.theirs.opd.pk}/"),
        ]
        for user in (self.mine.operator, self.mine.admin):
            self.client.force_login(user)
            for method, url in urls:
                with self.subTest(user=user.username, url=url, method=method):
                    response = getattr(self.client, method)(url, {"title": "Dibajak"} if method == "post" else {})
                    self.assertNotContains(response, "Kepala Milik OPD Lain", status_code=response.status_code)
                    if response.status_code != 404:
                        assert_denied(self, response, url)
            explorer = self.client.get(f"/admin/pages/{self.theirs.opd.pk}/")
            self.assertNotContains(explorer, "Kepala Milik OPD Lain", status_code=explorer.status_code)
        self.assertEqual(Official.objects.get(page=page).name, "Kepala Milik OPD Lain")
        self.assertTrue(OfficialsPage.objects.get(pk=page.pk).live)

    def test_a_photo_of_another_opds_collection_is_refused_even_when_its_id_is_posted(self):
        self.client.force_login(self.mine.admin)
        data = add_official(
            edit_data(self.client, self.my_page), 0, name="Pejabat Curang", position="Kabid", photo=self.their_photo.pk
        )
        data["action-publish"] = "Publish"
        response = self.client.post(f"/admin/pages/{self.my_page.pk}/edit/", data)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, FOREIGN_IMAGE)
        self.assertFalse(Official.objects.filter(name="Pejabat Curang").exists())

        data = add_official(
            edit_data(self.client, self.my_page), 0, name="Pejabat Jujur", position="Kabid", photo=self.my_photo.pk
        )
        data["action-publish"] = "Publish"
        self.client.post(f"/admin/pages/{self.my_page.pk}/edit/", data)
        self.assertEqual(Official.objects.get(name="Pejabat Jujur").photo, self.my_photo)

    def test_the_image_chooser_offers_only_the_editors_own_photos(self):
        self.client.force_login(self.mine.operator)
        response = self.client.get("/admin/images/chooser/")
        self.assertContains(response, "Foto pejabat sendiri")
        self.assertNotContains(response, "Foto pejabat OPD lain")

    def test_only_one_head_per_opd(self):
        self.client.force_login(self.mine.admin)
        data = edit_data(self.client, self.my_page)
        add_official(data, 0, name="Kepala Satu", position="Kepala", is_head="on")
        add_official(data, 1, name="Kepala Dua", position="Kepala", is_head="on")
        data["action-publish"] = "Publish"
        response = self.client.post(f"/admin/pages/{self.my_page.pk}/edit/", data)
        self.assertContains(response, "Hanya satu pejabat yang dapat ditandai sebagai pimpinan OPD.")
        self.assertFalse(Official.objects.filter(name__startswith="Kepala Satu").exists())


class OfficialsPublicTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, (cls.dinkes, cls.dukcapil, cls.hidden) = build_region_tree(opd_count=3, news_per_opd=0)
        cls.photo = portrait("Foto kepala dinkes")
        publish_officials(
            cls.dinkes,
            [
                {"name": "Kabid Pencegahan", "position": "Kepala Bidang P2P", "echelon": "III.b", "unit": "Bidang P2P"},
                {**HEAD, "photo": cls.photo, "career": "Kepala Puskesmas (2015–2019)\nS2 Kesehatan Masyarakat"},
            ],
        )
        publish_officials(cls.dukcapil, [{"name": "Asep Saepudin", "position": "Kepala Disdukcapil", "is_head": True}])
        hidden_page = publish_officials(cls.hidden, [{"name": "Pejabat Tersembunyi", "position": "Kepala"}])
        PageViewRestriction.objects.create(page=hidden_page, restriction_type="password", password="rahasia")
        cls.struktur = ProfilePageFactory(
            parent=cls.dinkes,
            title="Struktur Organisasi",
            slug="struktur-organisasi",
            profile_type="struktur-organisasi",
        )

    def test_directory_lists_every_published_official_with_opd_photo_and_career(self):
        response = self.client.get("/pejabat/")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "dr. Siti Rahmawati, M.Kes.")
        self.assertContains(response, "Asep Saepudin")
        self.assertContains(response, "Eselon II.a")
        self.assertContains(response, 'href="/opd0/"')
        self.assertContains(response, ".format-webp.webp")
        self.assertContains(response, "Kepala Puskesmas (2015–2019)")
        self.assertNotContains(response, "Pejabat Tersembunyi")  # its page is private

    def test_directory_search_matches_name_position_or_unit(self):
        for query, present, absent in [
            ("siti", "dr. Siti Rahmawati", "Asep Saepudin"),
            ("disdukcapil", "Asep Saepudin", "dr. Siti Rahmawati"),
            ("bidang p2p", "Kabid Pencegahan", "Asep Saepudin"),
            ("tersembunyi", None, "Pejabat Tersembunyi"),
        ]:
            with self.subTest(query=query):
                response = self.client.get("/pejabat/", {"q": query})
                if present:
                    self.assertContains(response, present)
                self.assertNotContains(response, absent)

    def test_bad_search_input_gets_an_answer_not_an_error(self):
        for query in ["\x00", "a" * 5000, "%", "'; drop table", "<script>"]:
            with self.subTest(query=query[:10]):
                response = self.client.get("/pejabat/", {"q": query, "halaman": "x"})
                self.assertEqual(response.status_code, 200)
                self.assertNotContains(response, "<script>")

    def test_directory_is_paginated(self):
        from officials import views

        publish_officials(self.dukcapil, [{"name": f"Staf {n:02d}", "position": "Analis"} for n in range(30)])
        first = self.client.get("/pejabat/")
        self.assertEqual(len(first.context["officials"]), views.OFFICIALS_PER_PAGE)
        self.assertContains(first, 'rel="next"')
        second = self.client.get("/pejabat/", {"halaman": 2, "q": "staf"})
        self.assertEqual(second.status_code, 200)
        self.assertContains(second, "Halaman 2 dari 2")
        self.assertContains(second, "?q=staf&amp;halaman=1")

    def test_the_head_on_the_opd_home_comes_from_the_officials(self):
        OpdHomePage.objects.filter(pk=self.dinkes.pk).update(head_name="Nama Lama di Beranda")
        response = self.client.get("/opd0/")
        self.assertContains(response, "dr. Siti Rahmawati, M.Kes.")
        self.assertContains(response, "Kepala Dinas Kesehatan")
        self.assertContains(response, 'class="opd-head__photo"')
        self.assertNotContains(response, "Nama Lama di Beranda")

    def test_head_falls_back_to_the_opd_home_fields_without_officials(self):
        OpdHomePage.objects.filter(pk=self.hidden.pk).update(head_name="Kepala dari Beranda")
        response = self.client.get("/opd2/")
        self.assertContains(response, "Kepala dari Beranda")  # the only official sits on a private page

    def test_struktur_organisasi_page_lists_the_opds_officials(self):
        response = self.client.get(self.struktur.url)
        self.assertContains(response, "dr. Siti Rahmawati, M.Kes.")
        self.assertContains(response, "Kabid Pencegahan")
        self.assertNotContains(response, "Asep Saepudin")
        other_profile = ProfilePageFactory(parent=self.dinkes, title="Sejarah", slug="sejarah", profile_type="sejarah")
        self.assertNotContains(self.client.get(other_profile.url), "Kabid Pencegahan")

    def test_the_pejabat_page_lists_the_head_first(self):
        response = self.client.get(officials_page_of(self.dinkes).url)
        names = [official.name for official in response.context["officials"]]
        self.assertEqual(names, ["dr. Siti Rahmawati, M.Kes.", "Kabid Pencegahan"])


class OfficialsDirectoryQueryBudgetTests(TestCase):
    def count(self, path):
        self.client.get(path)  # renditions are made on the first visit
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(path)
        self.assertEqual(response.status_code, 200)
        return len(queries)

    def test_directory_query_count_is_flat_from_3_to_30_opds(self):
        home, opds = build_region_tree(opd_count=3, news_per_opd=0)
        photo = portrait()
        for opd in opds:
            publish_officials(opd, [{**HEAD, "photo": photo}, {"name": "Sekretaris", "position": "Sekretaris"}])
        small = {path: self.count(path) for path in ("/pejabat/", "/pejabat/?q=kepala")}
        for n in range(3, 30):
            opd = make_opd_section(home, acronym=f"Besar{n}", title=f"Dinas Besar {n}")
            publish_officials(opd, [{**HEAD, "photo": photo}, {"name": "Sekretaris", "position": "Sekretaris"}])
        for path, queries in small.items():
            with self.subTest(path=path):
                self.assertLessEqual(queries, 12)
                self.assertEqual(self.count(path), queries)
        self.assertEqual(Page.objects.type(OfficialsPage).count(), 30)

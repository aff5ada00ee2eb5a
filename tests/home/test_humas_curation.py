"""Humas curates the front page without edit rights on OPD pages; OPDs propose, humas decides."""

from datetime import timedelta

from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import GroupPagePermission, PageViewRestriction, Site

from home.models import Highlight, NewsArchivePage, ProposalDecision, RegionAlert
from opd_pages.models import NewsIndexPage, NewsPage
from opd_teams.roles import ensure_humas_group
from tests.factories.opd_pages import NewsPageFactory
from tests.factories.opd_teams import UserFactory
from tests.trees import build_region_tree


def opd_admin_group(opd):
    group = Group.objects.create(name=f"{opd.acronym} — Admin")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=group,
            page=opd,
            permission=Permission.objects.get(content_type__app_label="wagtailcore", codename=codename),
        )
    return group


class HumasCurationTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, (cls.dinkes, cls.dinsos) = build_region_tree(opd_count=2, news_per_opd=0)
        cls.archive = NewsArchivePage(title="Semua Berita", slug="berita")
        cls.home.add_child(instance=cls.archive)
        cls.humas = UserFactory(username="humas")
        cls.humas.groups.add(ensure_humas_group(cls.archive))
        cls.dinkes_admin = UserFactory(username="admin-dinkes")
        cls.dinkes_admin.groups.add(opd_admin_group(cls.dinkes))
        index = NewsIndexPage.objects.child_of(cls.dinkes).get()
        cls.news = NewsPageFactory(parent=index, title="Imunisasi serentak", propose_for_front_page=True)
        cls.other_proposal = NewsPageFactory(parent=index, title="Posyandu lansia", propose_for_front_page=True)
        cls.not_proposed = NewsPageFactory(parent=index, title="Rapat internal")
        cls.draft = NewsPageFactory(parent=index, title="Draf belum terbit", live=False, propose_for_front_page=True)
        cls.private = NewsPageFactory(parent=NewsIndexPage.objects.child_of(cls.dinsos).get(), title="Khusus pegawai")
        PageViewRestriction.objects.create(page=cls.private, restriction_type="login")

    def highlight_form(self, page, **extra):
        return {"page": page.pk, "title": "", "summary": "", "image": "", "ends_at": "", **extra}

    def test_humas_features_an_opd_page_without_edit_rights_on_it(self):
        self.client.force_login(self.humas)
        self.assertEqual(self.client.get(f"/admin/pages/{self.news.pk}/edit/").status_code, 302)
        response = self.client.post("/admin/snippets/home/highlight/add/", self.highlight_form(self.news))
        self.assertEqual(response.status_code, 302)
        highlight = Highlight.objects.get()
        self.assertEqual(highlight.page_id, self.news.pk)
        self.assertEqual(highlight.summary, self.news.lead)

    def test_curation_screens_open_for_humas(self):
        Highlight.objects.create(page=self.news, sort_order=0)
        self.client.force_login(self.humas)
        for url in (
            "/admin/snippets/home/highlight/",
            "/admin/snippets/home/quicklink/",
            "/admin/snippets/home/quicklink/add/",
            f"/admin/snippets/home/highlight/edit/{Highlight.objects.get().pk}/",
            "/admin/sorotan/pilih/",
            "/admin/usulan-beranda/",
        ):
            with self.subTest(url):
                self.assertEqual(self.client.get(url).status_code, 200)
        self.assertContains(self.client.get("/admin/"), "Usulan beranda")

    def test_sorotan_list_says_which_highlights_show_now_at_a_flat_query_cost(self):
        Highlight.objects.create(page=self.news, sort_order=0)
        expired = Highlight.objects.create(page=self.other_proposal, sort_order=1)
        Highlight.objects.filter(pk=expired.pk).update(ends_at=timezone.now() - timedelta(days=1))
        self.client.force_login(self.humas)
        url = "/admin/snippets/home/highlight/"
        response = self.client.get(url)
        rows = {row.display_title: row.is_showing_now for row in response.context["object_list"]}
        self.assertEqual(rows, {"Imunisasi serentak": True, "Posyandu lansia": False})
        with CaptureQueriesContext(connection) as few:
            self.client.get(url)
        for _ in range(5):
            Highlight.objects.create(page=self.not_proposed, sort_order=2)
        with CaptureQueriesContext(connection) as many:
            self.client.get(url)
        self.assertEqual(len(many), len(few))

    def test_highlight_form_refuses_drafts_and_private_pages(self):
        self.client.force_login(self.humas)
        for page in (self.draft, self.private):
            with self.subTest(page=page.title):
                response = self.client.post("/admin/snippets/home/highlight/add/", self.highlight_form(page))
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, "Pilih halaman yang sudah terbit dan terbuka untuk umum.")
        self.assertFalse(Highlight.objects.exists())

    def test_chooser_lists_published_public_pages_only(self):
        self.client.force_login(self.humas)
        response = self.client.get("/admin/sorotan/pilih/results/")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Imunisasi serentak")
        self.assertNotContains(response, "Draf belum terbit")
        self.assertNotContains(response, "Khusus pegawai")

    def test_humas_edits_the_home_and_regional_news_but_not_an_opd_section(self):
        self.client.force_login(self.humas)
        self.assertEqual(self.client.get(f"/admin/pages/add/opd_pages/newspage/{self.archive.pk}/").status_code, 200)
        news_index = NewsIndexPage.objects.child_of(self.dinkes).get()
        self.assertNotEqual(self.client.get(f"/admin/pages/add/opd_pages/newspage/{news_index.pk}/").status_code, 200)
        self.assertEqual(self.client.get(f"/admin/pages/{self.home.pk}/edit/").status_code, 200)
        self.assertNotEqual(self.client.get(f"/admin/pages/{self.dinkes.pk}/edit/").status_code, 200)

    def test_humas_switches_the_alert_banner_on(self):
        self.client.force_login(self.humas)
        site = Site.objects.get(is_default_site=True)
        url = f"/admin/settings/home/regionalert/{site.pk}/"
        self.assertEqual(self.client.get(url).status_code, 200)
        response = self.client.post(
            url,
            {
                "is_active": "on",
                "level": "darurat",
                "message": "Banjir: hindari Jl. Merdeka",
                "link_url": "",
                "link_text": "",
                "scope": "situs",
            },
        )
        self.assertEqual(response.status_code, 302)
        self.assertTrue(RegionAlert.for_site(site).is_showing())

    def test_alert_cannot_be_switched_on_without_a_message(self):
        self.client.force_login(self.humas)
        site = Site.objects.get(is_default_site=True)
        response = self.client.post(
            f"/admin/settings/home/regionalert/{site.pk}/", {"is_active": "on", "level": "info"}
        )
        self.assertContains(response, "Tulis pesan sebelum menyalakan peringatan.")
        self.assertFalse(RegionAlert.for_site(site).is_showing())

    def test_opd_admin_cannot_curate(self):
        self.client.force_login(self.dinkes_admin)
        for url in ("/admin/snippets/home/highlight/add/", "/admin/usulan-beranda/"):
            with self.subTest(url):
                self.assertIn(self.client.get(url).status_code, (302, 403))
        response = self.client.post(f"/admin/usulan-beranda/{self.news.pk}/featured/")
        self.assertIn(response.status_code, (302, 403))
        self.assertFalse(Highlight.objects.exists())
        self.assertFalse(ProposalDecision.objects.exists())

    def test_proposals_list_shows_published_undecided_proposals(self):
        self.client.force_login(self.humas)
        response = self.client.get("/admin/usulan-beranda/")
        self.assertEqual(response.status_code, 200)
        self.assertEqual({n.title for n in response.context["pending"]}, {"Imunisasi serentak", "Posyandu lansia"})

    def test_featuring_a_proposal_puts_it_in_sorotan_and_on_the_home_page(self):
        self.client.force_login(self.humas)
        response = self.client.post(f"/admin/usulan-beranda/{self.news.pk}/featured/")
        self.assertRedirects(response, "/admin/usulan-beranda/")
        self.assertEqual(ProposalDecision.objects.get().outcome, "featured")
        self.client.logout()
        self.assertEqual([h.page_id for h in self.client.get("/").context["highlights"]], [self.news.pk])

    def test_dismissed_proposal_leaves_the_list_and_stays_dismissed_after_a_new_revision(self):
        self.client.force_login(self.humas)
        self.client.post(f"/admin/usulan-beranda/{self.news.pk}/dismissed/")
        self.assertFalse(Highlight.objects.exists())
        news = NewsPage.objects.get(pk=self.news.pk)
        news.title = "Imunisasi serentak (diperbarui)"
        news.save_revision(user=self.dinkes_admin).publish()
        pending = self.client.get("/admin/usulan-beranda/").context["pending"]
        self.assertEqual([n.title for n in pending], ["Posyandu lansia"])

    def test_unknown_decision_or_unproposed_news_is_refused(self):
        self.client.force_login(self.humas)
        self.assertEqual(self.client.post(f"/admin/usulan-beranda/{self.news.pk}/hapus/").status_code, 404)
        self.assertEqual(self.client.post(f"/admin/usulan-beranda/{self.not_proposed.pk}/featured/").status_code, 404)
        self.assertEqual(self.client.get(f"/admin/usulan-beranda/{self.news.pk}/featured/").status_code, 405)
        self.assertFalse(ProposalDecision.objects.exists())

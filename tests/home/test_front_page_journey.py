"""The issue's "done when", walked through as a new user would."""

import datetime
from unittest import mock

import feedparser
from django.test import TestCase
from django.utils import timezone
from wagtail.models import Site

from home.models import Highlight, NewsArchivePage, RegionAlert
from opd_pages.models import NewsIndexPage, NewsPage
from opd_teams.roles import ensure_humas_group
from tests.factories.opd_teams import UserFactory
from tests.trees import build_region_tree


class FrontPageJourneyTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, (cls.dinkes, cls.dinsos) = build_region_tree(opd_count=2, news_per_opd=1)
        cls.archive = NewsArchivePage(title="Semua Berita", slug="berita")
        cls.home.add_child(instance=cls.archive)
        cls.humas = UserFactory(username="humas")
        cls.humas.groups.add(ensure_humas_group(cls.archive))
        alert = RegionAlert.for_site(Site.objects.get(is_default_site=True))
        alert.is_active, alert.message = True, "Siaga banjir di Kecamatan Sukamaju"
        alert.save()

    def feed_titles(self, url):
        return [entry.title for entry in feedparser.parse(self.client.get(url).content).entries]

    def test_approved_news_travels_from_the_opd_to_sorotan_and_out_again(self):
        index = NewsIndexPage.objects.child_of(self.dinkes).get()
        news = NewsPage(
            title="Vaksinasi lansia di Puskesmas", lead="Ratusan lansia divaksin.", propose_for_front_page=True
        )
        index.add_child(instance=news)
        news.save_revision().publish()  # the OPD admin approves the operator's draft

        self.assertContains(self.client.get(self.dinkes.url), "Vaksinasi lansia di Puskesmas")
        self.assertContains(self.client.get(self.archive.url), "Vaksinasi lansia di Puskesmas")
        self.assertIn("Vaksinasi lansia di Puskesmas", self.feed_titles(f"/umpan/{self.dinkes.slug}/berita.rss"))
        self.assertIn("Vaksinasi lansia di Puskesmas", self.feed_titles("/umpan/berita.atom"))
        api = self.client.get("/api/v2/pages/?type=opd_pages.NewsPage&fields=opd").json()
        self.assertIn(
            ("Vaksinasi lansia di Puskesmas", self.dinkes.acronym),
            [(item["title"], item["opd"]["acronym"]) for item in api["items"]],
        )

        self.client.force_login(self.humas)
        self.client.post(f"/admin/usulan-beranda/{news.pk}/featured/")
        ends_at = timezone.now() + datetime.timedelta(days=3)
        Highlight.objects.filter(page=news).update(ends_at=ends_at)
        self.client.logout()
        self.assertEqual([h.page_id for h in self.client.get("/").context["highlights"]], [news.pk])

        with mock.patch("django.utils.timezone.now", return_value=ends_at + datetime.timedelta(minutes=1)):
            self.assertEqual(list(self.client.get("/").context["highlights"]), [])

        for url in ("/", self.archive.url, self.dinkes.url, news.url, self.dinsos.url):
            with self.subTest(url):
                self.assertContains(self.client.get(url), "Siaga banjir di Kecamatan Sukamaju")

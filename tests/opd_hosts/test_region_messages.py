"""Region-wide messages: the alert banner scoped to the site, chosen OPDs or one page (scheduled), and the
regional head's announcement pushed to every OPD section with an end date; query counts stay flat."""

import datetime

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Site

from home.models import PinnedAnnouncement, RegionAlert
from opd_pages.models import NewsPage
from tests.factories.home import RegionalPageFactory
from tests.factories.opd_pages import make_opd_section
from tests.trees import build_region_tree

from .helpers import OPD_HOST, build_region_with_opd_host

ALERT = "Jalan menuju puskesmas ditutup"
PINNED = "Imbauan Bupati: waspada cuaca ekstrem"


class AlertScopeTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.opds = build_region_tree(opd_count=3, news_per_opd=1)
        cls.regional = RegionalPageFactory(parent=cls.home, title="Tentang Kabupaten")
        cls.site = Site.objects.get(is_default_site=True)
        cls.alert = RegionAlert.objects.create(site=cls.site, is_active=True, message=ALERT)

    def shows_on(self, page):
        return ALERT in self.client.get(page.url).content.decode()

    def test_site_scope_shows_everywhere(self):
        for page in (self.home, self.regional, *self.opds, NewsPage.objects.first()):
            with self.subTest(page.url):
                self.assertTrue(self.shows_on(page))

    def test_chosen_opds_show_it_on_all_their_pages_and_nowhere_else(self):
        self.alert.scope = "opd"
        self.alert.save()
        self.alert.opds.set([self.opds[0], self.opds[2]])
        news_of_first = NewsPage.objects.descendant_of(self.opds[0]).first()
        news_of_second = NewsPage.objects.descendant_of(self.opds[1]).first()
        for page, expected in (
            (self.opds[0], True),
            (news_of_first, True),
            (self.opds[2], True),
            (self.opds[1], False),
            (news_of_second, False),
            (self.home, False),
            (self.regional, False),
        ):
            with self.subTest(page.url):
                self.assertEqual(self.shows_on(page), expected)
        self.assertNotContains(self.client.get("/cari/?q=x"), ALERT)  # not a page of a chosen OPD

    def test_one_page_scope(self):
        self.alert.scope = "halaman"
        self.alert.page = self.regional
        self.alert.save()
        self.assertTrue(self.shows_on(self.regional))
        self.assertFalse(self.shows_on(self.home))
        self.assertFalse(self.shows_on(self.opds[0]))

    def test_each_scope_follows_its_schedule(self):
        now = timezone.now()
        for scope, extra in (("situs", {}), ("opd", {}), ("halaman", {"page": self.opds[0]})):
            with self.subTest(scope):
                RegionAlert.objects.filter(pk=self.alert.pk).update(
                    scope=scope, starts_at=now + datetime.timedelta(hours=1), ends_at=None, **extra
                )
                self.alert.refresh_from_db()
                self.alert.opds.set([self.opds[0]])
                self.assertFalse(self.shows_on(self.opds[0]))
                RegionAlert.objects.filter(pk=self.alert.pk).update(
                    starts_at=now - datetime.timedelta(hours=2), ends_at=now - datetime.timedelta(hours=1)
                )
                self.assertFalse(self.shows_on(self.opds[0]))
                RegionAlert.objects.filter(pk=self.alert.pk).update(ends_at=now + datetime.timedelta(hours=1))
                self.assertTrue(self.shows_on(self.opds[0]))

    def test_page_scope_needs_a_page_and_opd_scope_needs_opds_in_the_admin(self):
        self.alert.scope = "halaman"
        with self.assertRaisesMessage(ValidationError, "Pilih halaman"):
            self.alert.full_clean()
        admin = get_user_model().objects.create_superuser("diskominfo", "d@contohkab.go.id", "rahasia-12345")
        self.client.force_login(admin)
        url = f"/admin/settings/home/regionalert/{self.site.pk}/"
        response = self.client.post(
            url, {"is_active": "on", "level": "darurat", "message": ALERT, "scope": "opd", "link_url": ""}
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Pilih sedikitnya satu OPD")
        response = self.client.post(
            url,
            {"is_active": "on", "level": "darurat", "message": ALERT, "scope": "opd", "opds": [self.opds[1].pk]},
        )
        self.assertEqual(response.status_code, 302)
        self.assertEqual(list(RegionAlert.for_site(self.site).opds.all()), [self.opds[1]])


class PushedAnnouncementTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.opds, cls.opd_site = build_region_with_opd_host(opd_count=2, news_per_opd=1)
        cls.site = Site.objects.get(is_default_site=True)
        cls.pinned = PinnedAnnouncement.objects.create(
            site=cls.site, is_active=True, title=PINNED, text="Bersihkan saluran air.", page=cls.opds[1]
        )

    def test_not_pushed_shows_only_on_the_regional_home(self):
        self.assertContains(self.client.get("/"), PINNED)
        self.assertNotContains(self.client.get(self.opds[1].url), PINNED)

    def test_pushed_shows_on_every_opd_home_also_on_an_opd_host_until_its_end(self):
        PinnedAnnouncement.objects.update(show_in_opds=True, ends_at=timezone.now() + datetime.timedelta(days=1))
        other = self.client.get(self.opds[1].url)
        self.assertContains(other, PINNED)
        self.assertContains(other, 'aria-labelledby="region-announcement-title"')
        on_host = self.client.get("/", HTTP_HOST=OPD_HOST)
        self.assertContains(on_host, PINNED)
        # Its "read more" link leaves the OPD host for the page's own address.
        self.assertContains(on_host, f'href="http://localhost/{self.opds[1].slug}/"')
        PinnedAnnouncement.objects.update(ends_at=timezone.now() - datetime.timedelta(minutes=1))
        self.assertNotContains(self.client.get(self.opds[1].url), PINNED)

    def test_pushing_needs_an_end_date(self):
        self.pinned.show_in_opds = True
        with self.assertRaisesMessage(ValidationError, "tampil sampai"):
            self.pinned.full_clean()

    def test_page_cache_ends_with_the_pushed_window(self):
        ends = timezone.now() + datetime.timedelta(hours=3)
        PinnedAnnouncement.objects.update(show_in_opds=True, ends_at=ends)
        self.assertEqual(PinnedAnnouncement.for_site(self.site).page_cache_expires_at(), ends)
        PinnedAnnouncement.objects.update(show_in_opds=False)
        self.assertIsNone(PinnedAnnouncement.for_site(self.site).page_cache_expires_at())


class RegionMessagesQueryBudgetTests(TestCase):
    """The OPD host's pages and a scoped alert cost the same queries with 3 and 30 OPDs."""

    def count(self, path, host):
        self.client.get(path, HTTP_HOST=host)
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(path, HTTP_HOST=host)
        self.assertEqual(response.status_code, 200)
        return len(queries)

    def test_query_counts_flat_from_3_to_30_opds(self):
        home, opds, _site = build_region_with_opd_host(opd_count=3, news_per_opd=2)
        site = Site.objects.get(is_default_site=True)
        PinnedAnnouncement.objects.create(
            site=site, is_active=True, title=PINNED, text="Isi", show_in_opds=True,
            ends_at=timezone.now() + datetime.timedelta(days=1), page=opds[1],
        )  # fmt: skip
        alert = RegionAlert.objects.get(site=site)
        alert.scope = "opd"
        alert.save()
        alert.opds.set(opds)
        paths = [("/", OPD_HOST), ("/berita/", OPD_HOST), (opds[1].url, "localhost"), ("/", "localhost")]
        small = {key: self.count(*key) for key in paths}
        for n in range(3, 30):
            opd = make_opd_section(home, acronym=f"Besar{n}", title=f"Dinas Besar {n}", news=3)
            alert.opds.add(opd)
        for key in paths:
            with self.subTest(key):
                self.assertEqual(self.count(*key), small[key])
        self.assertLessEqual(small[("/", OPD_HOST)], 20)

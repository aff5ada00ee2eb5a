"""Switched-off services: the portal serves, the admin works, nothing is lost."""

from unittest import mock

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.files.base import ContentFile
from django.db import OperationalError
from django.test import TestCase, override_settings
from django.urls import reverse
from wagtail.images import get_image_model

from opd_pages.models import NewsPage, OpdHomePage
from opd_teams.roles import ensure_platform_groups
from outbox.models import OutgoingMail
from portal.search_backends import DOCUMENTS_BACKEND
from tests.media_safety.hostile import image_bytes
from tests.trees import build_region_tree

#: A real closed port: connections are refused at once.
REDIS_DOWN = {"default": {"BACKEND": "resilience.cache.ResilientRedisCache", "LOCATION": "redis://127.0.0.1:1/0"}}
ENGINE_DOWN = {
    "default": {"BACKEND": "search.backends.opensearch3", "URLS": ["http://127.0.0.1:9"], "TIMEOUT": 1},
    "portal_documents": DOCUMENTS_BACKEND,
}
MAIL_DOWN = mock.patch("django.core.mail.message.EmailMessage.send", side_effect=ConnectionRefusedError("SMTP down"))


class FaultTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.opds = build_region_tree(opd_count=2, news_per_opd=2)
        ensure_platform_groups()
        cls.admin = get_user_model().objects.create_superuser("admin", "admin@contohkab.go.id", "kata-sandi-panjang")

    def public_urls(self):
        news = NewsPage.objects.live().first()
        return ["/", self.opds[0].url, news.url, "/cari/?q=berita", "/cari/saran/?q=ber", "/sitemap.xml",
                "/umpan/berita.rss", "/api/v2/pages/"]  # fmt: skip


@override_settings(CACHES=REDIS_DOWN, PORTAL_PAGE_CACHE_SECONDS=300)
class RedisDownTests(FaultTestCase):
    def test_public_site_is_served_uncached(self):
        for url in self.public_urls():
            with self.subTest(url=url):
                self.assertEqual(self.client.get(url).status_code, 200)

    def test_admin_login_and_publishing_work(self):
        self.assertNotIn("cache", settings.SESSION_ENGINE)
        response = self.client.post(
            reverse("wagtailadmin_login"), {"username": "admin", "password": "kata-sandi-panjang"}
        )
        self.assertEqual(response.status_code, 302)
        self.assertEqual(self.client.get(reverse("wagtailadmin_home")).status_code, 200)
        page = NewsPage.objects.live().first()
        revision = page.save_revision(user=self.admin)
        revision.publish(user=self.admin)
        self.assertEqual(self.client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).status_code, 200)


@override_settings(WAGTAILSEARCH_BACKENDS=ENGINE_DOWN)
class SearchEngineDownTests(FaultTestCase):
    def setUp(self):
        self.client.force_login(self.admin)
        get_image_model().objects.create(title="Foto kegiatan posyandu", file=ContentFile(image_bytes(), "f.png"))

    def test_every_admin_search_falls_back_to_the_database(self):
        title = NewsPage.objects.first().title
        for url, expected in [
            (reverse("wagtailadmin_pages:search") + "?q=" + title, title),
            (reverse("wagtailadmin_choose_page_search") + "?q=" + title, title),
            (reverse("wagtailimages:index") + "?q=posyandu", "Foto kegiatan posyandu"),
            (reverse("wagtaildocs:index") + "?q=laporan", ""),
            (reverse("wagtailsnippets_home_highlight:list") + "?q=apa", ""),
        ]:
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 200)
                self.assertIn(expected, response.content.decode())

    def test_public_search_still_answers(self):
        response = self.client.get("/cari/?q=berita")
        self.assertEqual(response.status_code, 200)

    def test_publishing_with_the_engine_down_works(self):
        page = NewsPage.objects.first()
        page.title = "Berita baru saat mesin pencari mati"
        page.save_revision(user=self.admin).publish(user=self.admin)
        page.refresh_from_db()
        self.assertEqual(page.title, "Berita baru saat mesin pencari mati")


class MailDownTests(FaultTestCase):
    def test_tambah_opd_commits_and_queues_both_invitations(self):
        self.client.force_login(self.admin)
        emails = ["budi@diskan.contohkab.go.id", "sari@diskan.contohkab.go.id"]
        with MAIL_DOWN, self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(
                reverse("opd_teams:onboard"),
                {"title": "Dinas Perikanan", "acronym": "Diskan", "kind": "dinas", "admin_emails": "\n".join(emails)},
            )
        self.assertIn(response.status_code, (200, 302))
        self.assertTrue(OpdHomePage.objects.filter(acronym="Diskan").exists())
        stored = OutgoingMail.objects.filter(kind="invitation")
        self.assertEqual(sorted(m.to[0] for m in stored), emails)
        self.assertTrue(all(m.status == OutgoingMail.Status.FAILED for m in stored))
        # Diskominfo sees them and the retry button delivers them once the server is back.
        page = self.client.get(reverse("outbox_undelivered"))
        self.assertContains(page, "budi@diskan.contohkab.go.id")
        self.client.post(reverse("outbox_retry_all"))
        self.assertEqual(OutgoingMail.objects.undelivered().count(), 0)
        self.assertEqual(sorted(m.to[0] for m in mail.outbox), emails)

    def test_only_diskominfo_sees_the_outbox(self):
        operator = get_user_model().objects.create_user("operator", "o@contohkab.go.id", "kata-sandi-panjang")
        from django.contrib.auth.models import Permission

        operator.user_permissions.add(Permission.objects.get(codename="access_admin"))
        with MAIL_DOWN, self.captureOnCommitCallbacks(execute=True):
            from outbox.mail import queue_mail

            queue_mail("Rahasia", "Isi", "kepala@contohkab.go.id")
        self.client.force_login(operator)
        self.assertNotContains(self.client.get(reverse("outbox_undelivered"), follow=True), "kepala@contohkab.go.id")
        self.client.post(reverse("outbox_retry_all"))
        self.assertEqual(OutgoingMail.objects.undelivered().count(), 1)
        self.assertEqual(len(mail.outbox), 0)


class DatabaseLockTests(FaultTestCase):
    """SQLite answers "database is locked" (PostgreSQL a lock timeout) when a writer holds the lock
    too long; the search's only write, its statistics, gets that error here."""

    def test_a_locked_database_for_statistics_does_not_stop_the_search(self):
        locked = OperationalError("database is locked")
        with (
            mock.patch("search.models.QueryStat.record", side_effect=locked),
            mock.patch("search.models.QueryVisitor.record", side_effect=locked),
        ):
            response = self.client.get("/cari/?q=berita")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "kegiatan nomor")

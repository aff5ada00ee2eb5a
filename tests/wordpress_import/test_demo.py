"""The demo region imports Dinsos' old WordPress site once: report, quarantine, redirects."""

import tempfile
from io import StringIO
from unittest import mock

from django.core.management import call_command
from django.test import TestCase, override_settings
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page

from demo import content
from wordpress_import.models import ImportedItem, ImportRun

DEMO_OPDS = [spec for spec in content.OPDS if spec["acronym"] in {"Setda", "Dinsos"}]


class DemoImportTest(TestCase):
    def setUp(self):
        folder = tempfile.TemporaryDirectory()
        self.addCleanup(folder.cleanup)
        storage = override_settings(PORTAL_WORDPRESS_IMPORT_ROOT=folder.name)
        storage.enable()
        self.addCleanup(storage.disable)

    def load_demo(self):
        out = StringIO()
        with mock.patch.object(content, "OPDS", DEMO_OPDS):
            call_command("load_demo", stdout=out)
        return out.getvalue()

    def test_the_demo_import_shows_its_report_and_quarantine_and_runs_once(self):
        output = self.load_demo()
        self.assertIn("Impor WordPress demo (Dinsos): Selesai, 1 butir dikarantina.", output)
        run = ImportRun.objects.get()
        self.assertEqual(run.status, ImportRun.Status.DONE)
        self.assertTrue(run.dry_run_report)
        self.assertEqual(run.report["errors"], [])
        self.assertEqual(run.report["counts"]["post"]["created"], 4)
        self.assertEqual(run.report["counts"]["page"]["created"], 3)
        self.assertEqual(run.report["orphan_pages"], [])
        self.assertEqual([m["file"] for m in run.report["missing_media"]], ["2026/09/daftar-penerima-pkh-2026.pdf"])
        spam = ImportedItem.objects.get(status=ImportedItem.Status.QUARANTINED)
        self.assertIn("Slot Gacor", spam.title)
        self.assertFalse(spam.page.live)
        news = ImportedItem.objects.get(wp_id=120).page.specific
        self.assertIsNotNone(news.main_image)
        response = self.client.get("/dinsos/2026/10/14/penyaluran-bansos-tahap-ii/")
        self.assertRedirects(response, news.url, status_code=301)
        self.assertEqual(self.client.get("/dinsos/?page_id=131", follow=True).status_code, 200)
        # The sub-pages sit under their parent in the tree (132 came first in the file) and it lists them.
        parent = ImportedItem.objects.get(wp_id=130).page
        subpages = [ImportedItem.objects.get(wp_id=wp_id).page for wp_id in (131, 132)]
        self.assertEqual([page.get_parent().pk for page in subpages], [parent.pk, parent.pk])
        self.assertEqual(subpages[0].url, "/dinsos/layanan-rehabilitasi-sosial/syarat-pengajuan/")
        listing = self.client.get(parent.url)
        for page in subpages:
            self.assertContains(listing, f'href="{page.url}"')
        counts = (
            Page.objects.count(),
            Redirect.objects.count(),
            ImportedItem.objects.count(),
            ImportRun.objects.count(),
        )
        self.load_demo()
        self.assertEqual(
            (Page.objects.count(), Redirect.objects.count(), ImportedItem.objects.count(), ImportRun.objects.count()),
            counts,
        )

import json
import sqlite3
import tempfile
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import TestCase, TransactionTestCase
from wagtail.models import Page

from operations.backup import MANIFEST, BackupError, backup, fingerprint, restore, verify
from tests.trees import build_region_tree
from tests.wagtail_roots import ensure_wagtail_roots


class VerifyTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_region_tree(opd_count=2, news_per_opd=2)

    def setUp(self):
        default_storage.save("documents/laporan.pdf", ContentFile(b"%PDF-1.4 laporan"))
        self.folder = tempfile.TemporaryDirectory()
        self.addCleanup(self.folder.cleanup)
        self.manifest = fingerprint()
        (Path(self.folder.name) / MANIFEST).write_text(json.dumps(self.manifest))

    def test_fingerprint_holds_tree_users_media_and_search_answers(self):
        self.assertGreater(self.manifest["pages"]["count"], 5)
        self.assertIn("documents/laporan.pdf", self.manifest["media"])
        self.assertTrue(any(self.manifest["search"].values()), self.manifest["search"])
        self.assertEqual(verify(self.folder.name), [])

    def test_verify_names_what_differs(self):
        Page.objects.filter(depth=4).first().delete()
        default_storage.save("documents/tambahan.pdf", ContentFile(b"x"))
        differences = verify(self.folder.name)
        self.assertTrue(any(d.startswith("pages:") for d in differences), differences)
        self.assertTrue(any(d.startswith("search:") for d in differences), differences)
        self.assertIn("media tambahan: documents/tambahan.pdf", differences)
        with self.assertRaisesMessage(CommandError, "Berbeda dari cadangan"):
            call_command("verify_backup", self.folder.name)

    def test_restore_refuses_a_database_that_holds_pages(self):
        with self.assertRaisesMessage(CommandError, "sudah berisi halaman"):
            call_command("restore", self.folder.name)

    def test_backup_refuses_a_folder_that_is_not_empty(self):
        with self.assertRaises(BackupError):
            backup(self.folder.name)


class SqliteBackupTests(TransactionTestCase):
    def setUp(self):
        ensure_wagtail_roots()
        build_region_tree(opd_count=1, news_per_opd=1)
        default_storage.save("documents/laporan.pdf", ContentFile(b"%PDF-1.4 laporan"))

    def test_backup_copies_the_database_and_every_media_file(self):
        with tempfile.TemporaryDirectory() as folder:
            manifest = backup(Path(folder) / "cadangan")
            if connection.vendor == "sqlite":
                copy = sqlite3.connect(Path(folder) / "cadangan" / "database.sqlite3")
                pages = copy.execute("SELECT COUNT(*) FROM wagtailcore_page").fetchone()[0]
                copy.close()
                self.assertEqual(pages, manifest["pages"]["count"])
            else:  # PostgreSQL: pg_dump's custom format (restored by the two-server drill)
                self.assertGreater((Path(folder) / "cadangan" / "database.dump").stat().st_size, 0)
                self.assertEqual(Page.objects.count(), manifest["pages"]["count"])
            self.assertIn("documents/laporan.pdf", manifest["media"])
            self.assertEqual(verify(Path(folder) / "cadangan"), [])
            # Password hashes and 2FA secrets are in the dump: no other local user may open the folder.
            self.assertEqual((Path(folder) / "cadangan").stat().st_mode & 0o777, 0o700)

    def test_restore_refuses_a_folder_that_is_not_a_backup(self):
        with tempfile.TemporaryDirectory() as folder, self.assertRaises(BackupError):
            restore(folder)

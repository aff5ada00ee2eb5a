"""Private files (citizens' attachments, uploaded WordPress exports) with several app servers.

With ``MEDIA_S3_BUCKET`` set they live in the bucket under ``private/`` (which the bucket policy
keeps private), not on one server's disk: another server, the worker and the backup reach them.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import boto3
from django.core.files.base import ContentFile
from django.db.models.fields.files import FieldFile
from django.test import SimpleTestCase, override_settings
from moto import mock_aws
from storages.backends.s3 import S3Storage

from operations.backup import backed_up_files
from wordpress_import.models import ImportRun
from wordpress_import.tasks import local_copy

BASE_DIR = Path(__file__).resolve().parents[2]
BUCKET = "portal-media-test"


def settings_with(env):
    """STORAGES and PORTAL_BACKUP_STORAGES as portal.settings.base computes them under ``env``."""
    script = (
        "import json; from portal.settings import base as s; "
        "print(json.dumps({'storages': s.STORAGES, 'backup': s.PORTAL_BACKUP_STORAGES}, default=str))"
    )
    clean = {k: v for k, v in os.environ.items() if not k.startswith("MEDIA_S3")}
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=BASE_DIR,
        env={**clean, "SECRET_KEY": "x" * 50, **env},
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


class PrivateStorageSettingsTests(SimpleTestCase):
    def test_with_a_bucket_every_private_file_goes_to_its_private_prefix(self):
        computed = settings_with({"MEDIA_S3_BUCKET": BUCKET, "MEDIA_S3_CUSTOM_DOMAIN": "contohkab.go.id/media"})
        for alias, prefix in (
            ("casework_private", "private/casework"),
            ("wordpress_import", "private/wordpress-import"),
        ):
            with self.subTest(alias=alias):
                storage = computed["storages"][alias]
                self.assertEqual(storage["BACKEND"], "storages.backends.s3.S3Storage")
                self.assertEqual(storage["OPTIONS"]["bucket_name"], BUCKET)
                self.assertEqual(storage["OPTIONS"]["location"], prefix)
                self.assertIsNone(storage["OPTIONS"]["custom_domain"])  # never a public address
        self.assertEqual(computed["backup"], ["default"])  # the bucket's listing holds private/ too

    def test_without_a_bucket_the_backup_takes_the_private_folders_too(self):
        computed = settings_with({})
        self.assertEqual(
            computed["storages"]["casework_private"]["BACKEND"], "django.core.files.storage.FileSystemStorage"
        )
        self.assertEqual(computed["backup"], ["default", "casework_private", "wordpress_import"])


@mock_aws
class PrivateFilesInTheBucketTests(SimpleTestCase):
    def setUp(self):
        os.environ.setdefault("AWS_ACCESS_KEY_ID", "test")
        os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "test")
        self.s3 = boto3.client("s3", region_name="us-east-1")
        self.s3.create_bucket(Bucket=BUCKET)
        options = {"bucket_name": BUCKET, "region_name": "us-east-1", "file_overwrite": False, "default_acl": None}
        self.storages = {
            "default": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options},
            "casework_private": {
                "BACKEND": "storages.backends.s3.S3Storage",
                "OPTIONS": {**options, "location": "private/casework"},
            },
            "wordpress_import": {
                "BACKEND": "storages.backends.s3.S3Storage",
                "OPTIONS": {**options, "location": "private/wordpress-import"},
            },
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        }

    def keys(self):
        return sorted(item["Key"] for item in self.s3.list_objects_v2(Bucket=BUCKET).get("Contents", []))

    def test_an_attachment_and_an_export_land_under_private_and_in_the_backup(self):
        from django.core.files.storage import storages

        with override_settings(STORAGES=self.storages, PORTAL_BACKUP_STORAGES=["default"]):
            storages["default"].save("images/foto.png", ContentFile(b"png"))
            storages["casework_private"].save("pengaduan/2026/12/bukti.pdf", ContentFile(b"%PDF-1.4 bukti"))
            storages["wordpress_import"].save("ekspor/2026/12/situs.xml", ContentFile(b"<rss/>"))
            self.assertEqual(
                self.keys(),
                [
                    "images/foto.png",
                    "private/casework/pengaduan/2026/12/bukti.pdf",
                    "private/wordpress-import/ekspor/2026/12/situs.xml",
                ],
            )
            # Another server (a new storage instance, nothing on this one's disk) reads it back.
            other = S3Storage(**self.storages["casework_private"]["OPTIONS"])
            with other.open("pengaduan/2026/12/bukti.pdf") as handle:
                self.assertEqual(handle.read(), b"%PDF-1.4 bukti")
            self.assertEqual([member for member, _storage, _name in backed_up_files()], self.keys())

    def test_the_worker_imports_an_export_it_reads_from_the_bucket(self):
        storage = S3Storage(**self.storages["wordpress_import"]["OPTIONS"])
        name = storage.save("ekspor/2026/12/situs.xml", ContentFile(b"<rss>ekspor</rss>"))
        field_file = FieldFile(ImportRun(), ImportRun._meta.get_field("export_file"), name)
        field_file.storage = storage
        with local_copy(field_file) as path:
            self.assertEqual(Path(path).read_bytes(), b"<rss>ekspor</rss>")
            self.assertTrue(path.endswith(".xml"))
        self.assertFalse(Path(path).exists())  # the temporary copy is gone afterwards
        with local_copy(None) as nothing:
            self.assertIsNone(nothing)

"""Attachments missing from the uploads copy, fetched from their old URL — and the SSRF an export
could try: a local http.server on loopback stands in for the old site (allow-listed explicitly,
as an old server on the government network would be); attacker exports point attachments at
127.0.0.1, the cloud metadata address and a redirect to another host."""

import http.server
import socket
import tempfile
import threading
import time
from io import StringIO
from pathlib import Path

from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import TestCase, override_settings
from django.urls import reverse
from wagtail.images import get_image_model

from benchmarks.wordpress_export import ExportWriter, png_bytes
from opd_teams.models import DISKOMINFO_GROUP
from tests.factories.opd_teams import UserFactory
from wordpress_import.fetch import RemoteFetcher
from wordpress_import.importer import import_wordpress
from wordpress_import.models import ImportedItem, ImportRun

from .helpers import onboarded_region

PNG = png_bytes(7)


def dns_answering(address):
    """A resolver that answers every name with ``address`` (a DNS server the attacker controls)."""

    def resolve(host, port, **kwargs):
        family = socket.AF_INET6 if ":" in address else socket.AF_INET
        return [(family, socket.SOCK_STREAM, 6, "", (address, port))]

    return resolve


class OldSite(http.server.BaseHTTPRequestHandler):
    """The old WordPress server: uploads, redirects, a slow and a big file, HTML posing as a photo."""

    requests = []

    def do_GET(self):  # noqa: N802 - http.server's name
        OldSite.requests.append(self.path)
        port = self.server.server_address[1]
        routes = {
            "/wp-content/uploads/2024/01/foto.png": (200, {}, PNG),
            "/wp-content/uploads/2024/01/pindah.png": (302, {"Location": "/wp-content/uploads/2024/01/foto.png"}, b""),
            "/wp-content/uploads/2024/01/keluar.png": (
                302,
                {"Location": f"http://localhost:{port}/wp-content/uploads/2024/01/foto.png"},
                b"",
            ),
            "/wp-content/uploads/2024/01/besar.png": (200, {}, PNG + b"\0" * 200_000),
            "/wp-content/uploads/2024/01/palsu.png": (200, {}, b"<html><script>alert(1)</script></html>"),
        }
        if self.path.endswith("/lambat.png"):
            time.sleep(2.5)
        status, headers, body = routes.get(self.path, (404, {}, b"tidak ada"))
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


class FetchTestCase(TestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), OldSite)
        cls.port = cls.server.server_address[1]
        cls.thread = threading.Thread(target=cls.server.serve_forever, daemon=True)
        cls.thread.start()

    @classmethod
    def tearDownClass(cls):
        cls.server.shutdown()
        cls.server.server_close()
        super().tearDownClass()

    @classmethod
    def setUpTestData(cls):
        cls.home, cls.opds, cls.teams = onboarded_region(opd_count=1)
        cls.opd = cls.opds[0]

    def setUp(self):
        OldSite.requests = []
        folder = tempfile.TemporaryDirectory()
        self.addCleanup(folder.cleanup)
        self.folder = Path(folder.name)
        self.export = self.folder / "export.xml"

    @property
    def old_site(self):
        return f"http://127.0.0.1:{self.port}"

    def write(self, attachments, base=None):
        writer = ExportWriter(base=base or self.old_site)
        writer.head()
        for wp_id, url in attachments:
            name = url.rsplit("/", 1)[-1]
            writer.item(wp_id, "attachment", f"Lampiran {wp_id}", status="inherit", slug=f"lampiran-{wp_id}",
                        attachment_url=url, meta=[("_wp_attached_file", f"2024/01/{wp_id}-{name}")])  # fmt: skip
        writer.tail()
        self.export.write_bytes(writer.bytes())

    def upload_url(self, name):
        return f"{self.old_site}/wp-content/uploads/2024/01/{name}"

    def item(self, wp_id):
        return ImportedItem.objects.get(opd=self.opd, wp_id=wp_id)

    def reasons(self, report, key):
        return {entry["wp_id"]: entry["reason"] for entry in report[key]}


class FetchFromTheOldSiteTest(FetchTestCase):
    def test_a_file_missing_locally_is_fetched_from_an_allow_listed_host_and_checked(self):
        names = ["foto.png", "pindah.png", "palsu.png", "tidak-ada.png"]
        self.write([(number, self.upload_url(name)) for number, name in enumerate(names, start=1)])
        report = import_wordpress(self.opd, self.export, fetch_missing=True, fetch_hosts=["127.0.0.1"])
        self.assertEqual(report["errors"], [])
        self.assertEqual(report["fetched_media"], 3)
        image = self.item(1).image
        self.assertEqual(image.collection, self.teams[0].collection)
        with image.file.open("rb") as stored:
            self.assertEqual(stored.read(), PNG)
        self.assertIsNotNone(self.item(2).image)  # a redirect on the same host is followed
        self.assertIsNone(self.item(3).image)  # HTML posing as a photo: refused by the upload checks
        self.assertEqual(self.item(3).status, ImportedItem.Status.REFUSED)
        self.assertIn(3, self.reasons(report, "refused_media"))
        self.assertIn("HTTP 404", self.reasons(report, "missing_media")[4])
        self.assertEqual(get_image_model().objects.count(), 2)

    def test_without_fetch_missing_nothing_is_requested(self):
        self.write([(1, self.upload_url("foto.png"))])
        report = import_wordpress(self.opd, self.export)
        self.assertEqual([entry["wp_id"] for entry in report["missing_media"]], [1])
        self.assertEqual(OldSite.requests, [])

    def test_a_re_run_fetches_what_was_refused_once_the_host_is_allowed(self):
        self.write([(1, self.upload_url("foto.png"))])
        report = import_wordpress(self.opd, self.export, fetch_missing=True)  # loopback, not explicitly allowed
        self.assertIn(1, self.reasons(report, "refused_media"))
        self.assertEqual(self.item(1).status, ImportedItem.Status.MISSING)
        report = import_wordpress(self.opd, self.export, fetch_missing=True, fetch_hosts=["127.0.0.1"])
        self.assertEqual(report["fetched_media"], 1)
        self.assertIsNotNone(self.item(1).image)

    @override_settings(PORTAL_WORDPRESS_FETCH_MAX_BYTES=100_000)
    def test_a_file_over_the_size_cap_is_refused(self):
        self.write([(1, self.upload_url("besar.png"))])
        report = import_wordpress(self.opd, self.export, fetch_missing=True, fetch_hosts=["127.0.0.1"])
        self.assertIn("batas unduhan", self.reasons(report, "refused_media")[1])
        self.assertFalse(get_image_model().objects.exists())

    @override_settings(PORTAL_WORDPRESS_FETCH_TIMEOUT=1)
    def test_a_server_too_slow_is_reported_missing_not_fatal(self):
        self.write([(1, self.upload_url("lambat.png")), (2, self.upload_url("foto.png"))])
        report = import_wordpress(self.opd, self.export, fetch_missing=True, fetch_hosts=["127.0.0.1"])
        self.assertEqual(report["errors"], [])
        self.assertIn("gagal mengunduh", self.reasons(report, "missing_media")[1])
        self.assertIsNotNone(self.item(2).image)

    @override_settings(PORTAL_WORDPRESS_FETCH_HOSTS=["127.0.0.1"])
    def test_the_setting_allows_a_host_and_the_command_option_turns_fetching_on(self):
        self.write([(1, self.upload_url("foto.png"))])
        out = StringIO()
        call_command("import_wordpress", str(self.export), opd=self.opd.acronym, fetch_missing=True, stdout=out)
        self.assertIn("Berkas media diunduh dari situs lama: 1", out.getvalue())
        self.assertIsNotNone(self.item(1).image)

    def test_the_command_takes_fetch_host(self):
        self.write([(1, self.upload_url("foto.png"))])
        call_command("import_wordpress", str(self.export), "--opd", self.opd.acronym, "--fetch-missing",
                     "--fetch-host", "127.0.0.1", stdout=StringIO())  # fmt: skip
        self.assertIsNotNone(self.item(1).image)

    def test_the_admin_checkbox_fetches_missing_files(self):
        diskominfo = UserFactory(username="kominfo")
        diskominfo.groups.add(Group.objects.get(name=DISKOMINFO_GROUP))
        self.client.force_login(diskominfo)
        self.write([(1, self.upload_url("foto.png"))])
        self.assertContains(
            self.client.get(reverse("wordpress_import:index")), "Unduh berkas yang hilang dari situs lama"
        )
        with override_settings(
            PORTAL_WORDPRESS_IMPORT_ROOT=self.folder / "storage", PORTAL_WORDPRESS_FETCH_HOSTS=["127.0.0.1"]
        ):
            self.client.post(reverse("wordpress_import:index"), {
                "opd": self.opd.pk, "fetch_missing": "on",
                "export_file": SimpleUploadedFile("ekspor.xml", self.export.read_bytes(), "text/xml"),
            })  # fmt: skip
            run = ImportRun.objects.get()
            self.assertTrue(run.fetch_missing)
            self.assertEqual(run.dry_run_report["fetched_media"], 1)
            self.assertFalse(ImportedItem.objects.exists())  # the dry run fetched and checked, wrote nothing
            self.client.post(reverse("wordpress_import:start", args=[run.pk]))
            run.refresh_from_db()
            self.assertEqual(run.status, ImportRun.Status.DONE, run.error)
            self.assertIsNotNone(self.item(1).image)
            page = self.client.get(reverse("wordpress_import:run", args=[run.pk]))
            self.assertContains(page, "Berkas media diunduh dari situs lama: 1")


class AttackerExportTest(FetchTestCase):
    """What someone who can edit the export would try; nothing may be requested from the inside."""

    def test_attachments_pointing_at_loopback_or_the_metadata_service_are_refused_and_reported(self):
        self.write(
            [(1, self.upload_url("foto.png")), (2, "http://169.254.169.254/latest/meta-data/iam/foto.png"),
             (3, f"http://localhost:{self.port}/wp-content/uploads/2024/01/foto.png"), (4, "file:///etc/passwd"),
             (5, f"http://[::1]:{self.port}/wp-content/uploads/2024/01/foto.png")],
            base="https://dinas-contoh.contohkab.go.id",
        )  # fmt: skip
        report = import_wordpress(self.opd, self.export, fetch_missing=True)
        self.assertEqual(report["errors"], [])
        refused = self.reasons(report, "refused_media")
        self.assertEqual(set(refused), {1, 2, 3, 4, 5})
        for wp_id in (1, 2, 3, 5):
            self.assertIn("tidak ada di daftar", refused[wp_id])
        self.assertEqual(OldSite.requests, [])
        self.assertFalse(get_image_model().objects.exists())

    def test_an_export_naming_an_internal_address_as_its_own_site_does_not_unlock_it(self):
        for base in (self.old_site, "http://169.254.169.254"):
            with self.subTest(base=base):
                self.write([(1, f"{base}/wp-content/uploads/2024/01/foto.png")], base=base)
                report = import_wordpress(self.opd, self.export, fetch_missing=True)
                self.assertIn("jaringan dalam", self.reasons(report, "refused_media")[1])
        self.assertEqual(OldSite.requests, [])

    def test_a_public_looking_name_that_resolves_inside_is_refused(self):
        fetcher = RemoteFetcher(
            default_hosts=["dinas-contoh.contohkab.go.id"], resolve=dns_answering("169.254.169.254")
        )
        result = fetcher.fetch("https://dinas-contoh.contohkab.go.id/wp-content/uploads/a.png")
        self.assertTrue(result.refused)
        self.assertIn("169.254.169.254", result.reason)
        inside = ("10.1.2.3", "192.168.1.1", "127.0.0.2", "::1", "fe80::1", "::ffff:127.0.0.1", "100.64.0.1", "0.0.0.0")
        for address in inside:
            with self.subTest(address=address):
                fetcher = RemoteFetcher(default_hosts=["old.example.go.id"], resolve=dns_answering(address))
                self.assertTrue(fetcher.fetch("http://old.example.go.id/x.png").refused)
        self.assertEqual(OldSite.requests, [])

    def test_a_redirect_to_another_host_is_refused(self):
        self.write([(1, self.upload_url("keluar.png"))])
        report = import_wordpress(self.opd, self.export, fetch_missing=True, fetch_hosts=["127.0.0.1", "localhost"])
        self.assertIn("host lain", self.reasons(report, "refused_media")[1])
        self.assertEqual(OldSite.requests, ["/wp-content/uploads/2024/01/keluar.png"])  # the target was never asked
        self.assertFalse(get_image_model().objects.exists())

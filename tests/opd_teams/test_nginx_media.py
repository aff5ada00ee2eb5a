"""The nginx rules of docs/operations.md, run with Debian's nginx in front of a test server.

Fails (never skips) without ``/usr/sbin/nginx``: ``make test`` installs it (``make nginx``).
"""

import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import wagtail_factories
from django.conf import settings
from django.test import LiveServerTestCase, override_settings
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from tests.factories.opd_teams import UserFactory
from tests.wagtail_roots import ensure_wagtail_roots

from .helpers import image_file_stub

NGINX = "/usr/sbin/nginx"
DOCS = Path(settings.BASE_DIR) / "docs" / "operations.md"
MEDIA_ROOT = tempfile.mkdtemp(prefix="portal-nginx-media-")


def documented_server_block():
    text = DOCS.read_text(encoding="utf-8")
    match = re.search(r"<!-- nginx-media-config.*?-->\s*```nginx\n(.*?)```", text, re.S)
    assert match, "docs/operations.md lost its nginx block"
    return match.group(1)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - loopback test server
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, b""


@override_settings(
    MEDIA_ROOT=MEDIA_ROOT,
    PORTAL_MEDIA_ACCEL_REDIRECT="/_protected_media/",
    STORAGES={**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}},
)
class NginxMediaRulesTest(LiveServerTestCase):
    # Django's test server answers MEDIA_URL from MEDIA_ROOT by itself (_MediaFilesHandler);
    # unwrap it so /media/ reaches the portal's media gate as in production.
    static_handler = staticmethod(lambda media_handler: media_handler.application)

    def setUp(self):
        self.assertTrue(Path(NGINX).exists(), "install Debian's nginx: apt-get install -y nginx (make nginx)")
        ensure_wagtail_roots()  # an earlier transactional test may have flushed them
        root = Collection.get_first_root_node()
        public_collection = root.add_child(name="Publik")
        private_collection = root.add_child(name="Tertutup")
        CollectionViewRestriction.objects.create(
            collection=private_collection, restriction_type=CollectionViewRestriction.LOGIN
        )
        operator = UserFactory(username="operator.unggah")  # no publishing role: uploads wait for approval
        self.public = wagtail_factories.ImageFactory(
            title="Publik", collection=public_collection, file__filename="publik.jpg"
        )
        self.private = wagtail_factories.ImageFactory(
            title="Tertutup", collection=private_collection, file__filename="tertutup.jpg"
        )
        self.unreleased = wagtail_factories.ImageFactory(
            title="Belum disetujui",
            collection=public_collection,
            uploaded_by_user=operator,
            file__filename="unggahan.jpg",
        )
        self.document = get_document_model().objects.create(
            title="Dokumen", collection=public_collection, file=image_file_stub("dokumen-publik")
        )
        self.renditions = {
            name: image.get_rendition("fill-20x20").file.name
            for name, image in (("public", self.public), ("private", self.private), ("unreleased", self.unreleased))
        }
        self.port = free_port()
        self.prefix = Path(tempfile.mkdtemp(prefix="portal-nginx-"))
        server = (
            documented_server_block()
            .replace("listen 80;", f"listen 127.0.0.1:{self.port};")
            .replace("http://127.0.0.1:8001", self.live_server_url)
            .replace("/srv/portal/media/", MEDIA_ROOT.rstrip("/") + "/")
        )
        temp = self.prefix
        # As root, nginx's workers would run as "nobody" and could not read the private temp dirs.
        user = "user root;" if os.geteuid() == 0 else ""
        conf = f"""
{user}
worker_processes 1;
daemon off;
pid {temp}/nginx.pid;
error_log {temp}/error.log;
events {{ worker_connections 64; }}
http {{
    access_log off;
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
    types {{ image/jpeg jpg jpeg; image/png png; application/pdf pdf; }}
{server}
}}
"""
        (temp / "nginx.conf").write_text(conf)
        self.nginx = subprocess.Popen(  # noqa: S603 - fixed binary, our config
            [NGINX, "-p", str(temp), "-c", str(temp / "nginx.conf"), "-e", str(temp / "error.log")],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        self.addCleanup(self.stop_nginx)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", self.port)) == 0:
                    return
            if self.nginx.poll() is not None:
                self.fail(f"nginx did not start: {self.nginx.stderr.read().decode()}")
            time.sleep(0.1)
        self.fail("nginx did not open its port")

    def stop_nginx(self):
        self.nginx.terminate()
        self.nginx.wait(timeout=10)
        shutil.rmtree(self.prefix, ignore_errors=True)

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"

    def test_private_and_unreleased_files_are_refused_and_public_ones_served(self):
        media = settings.MEDIA_URL
        status, body = fetch(self.url(media + self.renditions["public"]))
        self.assertEqual(status, 200, (self.prefix / "error.log").read_text()[-800:])
        self.assertEqual(body, (Path(MEDIA_ROOT) / self.renditions["public"]).read_bytes())
        self.assertEqual(fetch(self.url(media + self.public.file.name))[0], 200)
        for label, path in (
            ("private rendition", self.renditions["private"]),
            ("private original", self.private.file.name),
            ("unreleased rendition", self.renditions["unreleased"]),
            ("unreleased original", self.unreleased.file.name),
            ("document under /media/", self.document.file.name),
            ("unknown file", "images/tidak-ada.jpg"),
        ):
            with self.subTest(label):
                self.assertTrue((Path(MEDIA_ROOT) / path).exists() or label == "unknown file", path)
                self.assertEqual(fetch(self.url(media + path))[0], 404, label)
        # The internal location is not reachable from outside, even for a public file.
        self.assertEqual(fetch(self.url("/_protected_media/" + self.renditions["public"]))[0], 404)
        # The document itself is downloaded through Django's /dokumen/ view.
        self.assertEqual(fetch(self.url(self.document.url))[0], 200)

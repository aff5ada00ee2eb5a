"""Two app servers and a worker behind Debian's nginx, on PostgreSQL, Redis and an S3 server.

Everything runs on loopback: a fresh PostgreSQL database, a private redis-server (so the test
can stop it), moto's S3-compatible server, two gunicorn servers with the production settings,
``db_worker`` and nginx with the configuration from deploy/nginx/portal.conf.template.
Run with ``make test-servers`` (part of ``make test``).
"""

import concurrent.futures
import contextlib
import json
import re
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

from benchmarks.servers import NGINX, PYTHON, REPO, Deployment, request

pytestmark = pytest.mark.servers


@pytest.fixture(scope="module")
def deployment():
    if not Path(NGINX).exists():
        pytest.fail("Debian's nginx is required (make test installs it)")
    with tempfile.TemporaryDirectory() as workdir:
        deployment = Deployment(workdir)
        try:
            deployment.up()
            yield deployment
        finally:
            deployment.down()


class AdminSession:
    """A logged-in admin session against one app server (cookies kept by hand, plain HTTP)."""

    def __init__(self, port, cookies=None):
        self.port = port
        self.cookies = dict(cookies or {})

    def on(self, port):
        """The same session against another app server (the session store is shared)."""
        return AdminSession(port, self.cookies)

    def _headers(self, extra=None):
        headers = {"Host": "127.0.0.1", "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        headers.update(extra or {})
        return headers

    def _remember(self, response):
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";", 1)[0]

    def get(self, path):
        response, body = request(self.port, path, headers=self._headers())
        self._remember(response)
        return response, body

    def post(self, path, fields, files=None):
        boundary = "----portalboundary"
        parts = []
        fields = {**fields, "csrfmiddlewaretoken": self.cookies["csrftoken"]}
        for key, value in fields.items():
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n{value}\r\n'.encode())
        for key, (filename, content, content_type) in (files or {}).items():
            parts.append(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"; filename="{filename}"\r\n'
                f"Content-Type: {content_type}\r\n\r\n".encode()
                + content
                + b"\r\n"
            )
        body = b"".join(parts) + f"--{boundary}--\r\n".encode()
        headers = self._headers(
            {"Content-Type": f"multipart/form-data; boundary={boundary}", "Referer": f"http://127.0.0.1:{self.port}/"}
        )
        response, data = request(self.port, path, method="POST", headers=headers, body=body)
        self._remember(response)
        return response, data

    def login(self):
        self.get("/admin/login/")
        response, _ = self.post(
            "/admin/login/", {"username": "root", "password": "Dua-server-uji-2026", "next": "/admin/"}
        )
        assert response.status == 302, response.status
        # The second step production asks of a superuser: the authenticator's current code.
        from binascii import unhexlify

        from django_otp.oath import TOTP

        from demo.two_factor import DEMO_TOTP_KEY

        self.get("/admin/akun/2fa/verifikasi/?next=/admin/")
        response, _ = self.post(
            "/admin/akun/2fa/verifikasi/?next=/admin/",
            {"code": f"{TOTP(unhexlify(DEMO_TOTP_KEY)).token():06d}", "next": "/admin/"},
        )
        assert response.status == 302, response.status
        assert response.getheader("Location") == "/admin/", response.getheader("Location")


@pytest.fixture(scope="module")
def admin(deployment):
    """Root, logged in once with the password and the authenticator's code (a code works once)."""
    session = AdminSession(deployment.app_ports[0])
    session.login()
    return session


def test_an_admin_session_from_one_server_is_valid_on_the_other(admin, deployment):
    response, _ = admin.on(deployment.app_ports[1]).get("/admin/")
    assert response.status == 200


def test_an_upload_through_one_server_is_served_by_the_other(admin, deployment):
    session = admin.on(deployment.app_ports[0])
    pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    response, body = session.post(
        "/admin/documents/multiple/add/",
        {"title": "Laporan dua server", "collection": "1"},
        files={"files[]": ("laporan-dua-server.pdf", pdf, "application/pdf")},
    )
    assert response.status == 200, body[:500]
    assert b'"success": true' in body, body[:500]
    doc_id = json.loads(body)["doc_id"]
    found = deployment.manage(
        "shell",
        "-c",
        (
            f"from wagtail.documents.models import Document; d = Document.objects.get(pk={doc_id});"
            "print('DOC', d.pk, d.filename)"
        ),
    ).stdout
    doc_id, filename = re.search(r"DOC (\d+) (\S+)", found).groups()
    other = deployment.app_ports[1]
    response, served = request(other, f"/dokumen/{doc_id}/{filename}", headers={"Host": "127.0.0.1"})
    assert response.status == 200
    assert served == pdf
    # The bucket's documents are never served by the proxy directly.
    response, _ = request(deployment.nginx_port, f"/media/documents/{filename}")
    assert response.status == 404


def test_an_image_uploaded_on_one_server_renders_on_the_other_from_the_bucket(admin, deployment):
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 30, 30)).save(buffer, "PNG")
    session = admin.on(deployment.app_ports[1])
    response, body = session.post(
        "/admin/images/multiple/add/",
        {"title": "Foto dua server", "collection": "1"},
        files={"files[]": ("foto-dua-server.png", buffer.getvalue(), "image/png")},
    )
    assert response.status == 200, body[:500]
    assert b'"success": true' in body, body[:500]
    image_id = json.loads(body)["image_id"]
    url = deployment.manage(
        "shell",
        "-c",
        (
            f"from wagtail.images.models import Image; i = Image.objects.get(pk={image_id});"
            "print('URL', i.get_rendition('width-32').url)"
        ),
    ).stdout
    rendition_url = re.search(r"URL (\S+)", url).group(1)
    assert rendition_url.startswith(f"http://127.0.0.1:{deployment.nginx_port}/media/images/")
    path = rendition_url.split(str(deployment.nginx_port), 1)[1]
    response, data = request(deployment.nginx_port, path)
    assert response.status == 200
    assert Image.open(io.BytesIO(data)).size[0] == 32


def test_a_publish_on_one_server_clears_the_cache_of_both(admin, deployment):
    home = "/"
    for port in deployment.app_ports:
        results = [request(port, home, headers={"Host": "127.0.0.1"})[0].getheader("X-Page-Cache") for _n in range(3)]
        assert results[-1] == "hit", results
    deployment.manage(
        "shell",
        "-c",
        (
            f"from home.models import HomePage; h = HomePage.objects.get(pk={deployment.home_id});"
            "h.title = 'Kabupaten Dua Server Baru'; h.save_revision()"
        ),
    )
    session = admin.on(deployment.app_ports[0])
    path = f"/admin/bulk/wagtailcore/page/publish/?next=/admin/&id={deployment.home_id}"
    session.get(path)
    response, body = session.post(path, {"include_descendants": ""})
    assert response.status == 302, body[:300]
    for port in deployment.app_ports:
        response, body = request(port, home, headers={"Host": "127.0.0.1"})
        assert response.status == 200
        assert "Kabupaten Dua Server Baru" in body.decode(), port


def test_a_scheduled_job_started_on_both_servers_runs_once(deployment):
    args = [PYTHON, "manage.py", "send_opd_reminders"]
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        runs = list(
            pool.map(
                lambda _n: subprocess.run(args, cwd=REPO, env=deployment.env, capture_output=True, text=True), range(2)
            )
        )
    assert all(run.returncode == 0 for run in runs), [run.stderr[-500:] for run in runs]
    counted = deployment.manage(
        "shell",
        "-c",
        (
            "from monitoring.models import Reminder; from django.db.models import Count;"
            "print('MAX', max([r['n'] for r in Reminder.objects.values('opd').annotate(n=Count('id'))] or [0]),"
            " 'TOTAL', Reminder.objects.count())"
        ),
    ).stdout
    most, total = map(int, re.search(r"MAX (\d+) TOTAL (\d+)", counted).groups())
    assert total >= 2, counted  # both quiet OPDs were reminded ...
    assert most == 1, counted  # ... once each


def test_the_worker_delivers_queued_mail(deployment):
    deployment.manage(
        "shell",
        "-c",
        (
            "from outbox.mail import queue_mail; from django.db import transaction;"
            "\nwith transaction.atomic(): queue_mail('Uji pekerja', 'Isi', 'x@contohkab.go.id', kind='test')"
        ),
    )
    deadline = time.monotonic() + 30
    status = ""
    while time.monotonic() < deadline:
        status = deployment.manage(
            "shell",
            "-c",
            ("from outbox.models import OutgoingMail; print('STATUS', OutgoingMail.objects.get(kind='test').status)"),
        ).stdout
        if "STATUS sent" in status:
            break
        time.sleep(0.5)
    assert "STATUS sent" in status, deployment.log("worker")


def test_the_rate_limit_sees_two_clients_as_two(deployment):
    for _n in range(60):
        response, _ = request(deployment.nginx_port, "/cari/?q=layanan", source="127.0.0.2")
        assert response.status == 200
    response, _ = request(deployment.nginx_port, "/cari/?q=layanan", source="127.0.0.2")
    assert response.status == 429
    response, _ = request(deployment.nginx_port, "/cari/?q=layanan", source="127.0.0.3")
    assert response.status == 200
    # A spoofed header from the client does not buy it a new bucket.
    response, _ = request(
        deployment.nginx_port, "/cari/?q=layanan", source="127.0.0.2", headers={"X-Forwarded-For": "10.1.1.1"}
    )
    assert response.status == 429


def test_backup_and_restore_drill_into_a_clean_database_and_bucket(deployment, tmp_path):
    backup_dir = tmp_path / "cadangan"
    made = deployment.manage("backup", str(backup_dir))
    assert "berkas media" in made.stdout
    manifest = json.loads((backup_dir / "manifest.json").read_text())
    assert manifest["media"], "the drill must carry media files"
    assert any(manifest["search"].values()), manifest["search"]
    restored_db = deployment.db_name + "_restored"
    deployment.psql(f"DROP DATABASE IF EXISTS {restored_db}")
    deployment.psql(f"CREATE DATABASE {restored_db}")
    restored_bucket = deployment.bucket + "-restored"
    import boto3

    boto3.client(
        "s3",
        endpoint_url=f"http://127.0.0.1:{deployment.s3_port}",
        aws_access_key_id="test",
        aws_secret_access_key="test",
        region_name="us-east-1",
    ).create_bucket(Bucket=restored_bucket)
    env = {
        **deployment.env,
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{restored_db}",
        "MEDIA_S3_BUCKET": restored_bucket,
    }
    try:
        run = subprocess.run(
            [PYTHON, "manage.py", "restore", str(backup_dir)], cwd=REPO, env=env, capture_output=True, text=True
        )
        assert run.returncode == 0, run.stderr[-2000:]
        assert "cocok dengan cadangan" in run.stdout
        # A second restore into the now full database is refused, never merged.
        again = subprocess.run(
            [PYTHON, "manage.py", "restore", str(backup_dir)], cwd=REPO, env=env, capture_output=True, text=True
        )
        assert again.returncode != 0
        assert "sudah berisi halaman" in again.stderr
    finally:
        with contextlib.suppress(subprocess.CalledProcessError):
            deployment.psql(f"DROP DATABASE IF EXISTS {restored_db} WITH (FORCE)")


def test_readyz_turns_red_when_redis_stops_and_pages_still_serve(deployment):
    response, _ = request(deployment.nginx_port, "/readyz")
    assert response.status == 200
    deployment.stop("redis")
    for port in deployment.app_ports:
        response, body = request(port, "/readyz", headers={"Host": "127.0.0.1"})
        assert response.status == 503
        assert b'"cache": {"ok": false' in body
        response, body = request(port, "/", headers={"Host": "127.0.0.1"})
        assert response.status == 200, deployment.log("app0")
        assert b"Kabupaten Dua Server" in body


def test_a_citizens_attachment_stored_through_one_server_opens_on_the_other(admin, deployment):
    """Private files are in the bucket's private/ prefix, never on one server's disk."""
    created = deployment.manage(
        "shell",
        "-c",
        (
            "from django.core.files.base import ContentFile\n"
            "from django.core.files.storage import default_storage\n"
            "from complaints.models import ComplaintAttachment\n"
            "from tests.factories.complaints import ComplaintFactory\n"
            "case = ComplaintFactory()\n"
            "a = ComplaintAttachment(case=case, original_name='bukti.pdf', content_type='application/pdf', size=13)\n"
            "a.file.save('bukti-dua-server.pdf', ContentFile(b'%PDF-1.4 bukti'), save=False)\n"
            "a.save()\n"
            "key = 'private/casework/' + a.file.name\n"
            "print('ATT', case.pk, a.pk, a.file.storage.location, default_storage.exists(key), key)"
        ),
    ).stdout
    case_id, attachment_id, location, in_bucket, key = re.search(r"ATT (\d+) (\d+) (\S+) (\S+) (\S+)", created).groups()
    assert location == "private/casework"
    assert in_bucket == "True"
    for port in deployment.app_ports:
        response, body = admin.on(port).get(f"/admin/pengaduan/{case_id}/lampiran/{attachment_id}/")
        assert response.status == 200, (port, response.status)
        assert body == b"%PDF-1.4 bukti"
    # Not through the proxy's /media/ (the bucket policy and nginx serve images only).
    response, _ = request(deployment.nginx_port, f"/media/{key}")
    assert response.status == 404

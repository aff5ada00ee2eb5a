"""A loopback deployment like docs/deployment.md: N gunicorn app servers, ``db_worker`` and
Debian's nginx (deploy/nginx/portal.conf.template) in front, on a fresh PostgreSQL database,
a private redis-server and moto's S3-compatible server. Used by the two-server test and by
``manage.py bench_servers``; it binds to 127.0.0.1 only.
"""

import contextlib
import http.client
import os
import re
import shutil
import signal
import socket
import string
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
PG_ADMIN = os.environ.get("PORTAL_SERVERS_PG", "postgres://postgres@127.0.0.1:5432/postgres")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url, timeout=60, ok=(200,)):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status in ok:
                    return
        except Exception:  # noqa: BLE001 - not up yet
            pass
        time.sleep(0.3)
    raise AssertionError(f"{url} did not come up")


def request(port, path, *, method="GET", source="127.0.0.1", headers=None, body=None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30, source_address=(source, 0))
    conn.request(method, path, body=body, headers=headers or {})
    response = conn.getresponse()
    data = response.read()
    conn.close()
    return response, data


class Deployment:
    def __init__(self, workdir, app_servers=2, workers=1, threads=4, extra_env=None):
        self.workdir = Path(workdir)
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.workers = workers
        self.threads = threads
        self.processes = {}
        self.db_name = f"portal_servers_{os.getpid()}"
        self.redis_port = free_port()
        self.s3_port = free_port()
        self.app_ports = [free_port() for _n in range(app_servers)]
        self.nginx_port = free_port()
        self.bucket = "portal-media"
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "benchmarks.servers_settings",
            "SECRET_KEY": "two-servers-test-key-" + "x" * 40,
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{self.db_name}",
            "REDIS_URL": f"redis://127.0.0.1:{self.redis_port}/0",
            "MEDIA_S3_BUCKET": self.bucket,
            "MEDIA_S3_ENDPOINT_URL": f"http://127.0.0.1:{self.s3_port}",
            "MEDIA_S3_ACCESS_KEY_ID": "test",
            "MEDIA_S3_SECRET_ACCESS_KEY": "test",
            "MEDIA_S3_CUSTOM_DOMAIN": f"127.0.0.1:{self.nginx_port}/media",
            "MEDIA_S3_URL_PROTOCOL": "http:",
            "TRUSTED_PROXIES": "127.0.0.1/32",
            "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
            "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
            "WAGTAILADMIN_BASE_URL": f"http://127.0.0.1:{self.nginx_port}",
            "PAGE_CACHE_SECONDS": "300",
            "LOG_LEVEL": "ERROR",
            "PYTHONPATH": str(REPO),
        }
        self.env.update(extra_env or {})

    def start(self, name, args, **kwargs):
        log = open(self.workdir / f"{name}.log", "wb")  # noqa: SIM115 - closed with the process
        self.processes[name] = (subprocess.Popen(args, cwd=REPO, env=self.env, stdout=log, stderr=log, **kwargs), log)

    def stop(self, name):
        process, log = self.processes.pop(name)
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()

    def manage(self, *args, settings=None):
        env = {**self.env, "DJANGO_SETTINGS_MODULE": settings} if settings else self.env
        run = subprocess.run([PYTHON, "manage.py", *args], cwd=REPO, env=env, capture_output=True, text=True)
        assert run.returncode == 0, run.stderr[-2000:]
        return run

    def psql(self, sql):
        subprocess.run(["psql", PG_ADMIN, "-q", "-c", sql], check=True, capture_output=True)

    def up(self, fill_args=None):
        """Start everything; ``fill_args`` (e.g. ``["--opds", "16"]``) adds a generated region."""
        self.psql(f"DROP DATABASE IF EXISTS {self.db_name}")
        self.psql(f"CREATE DATABASE {self.db_name}")
        self.start("redis", ["redis-server", "--port", str(self.redis_port), "--bind", "127.0.0.1", "--save", ""])
        self.start("s3", ["moto_server", "-H", "127.0.0.1", "-p", str(self.s3_port)])
        wait_for(f"http://127.0.0.1:{self.s3_port}/moto-api/", timeout=60)
        import boto3

        s3 = boto3.client(
            "s3",
            endpoint_url=f"http://127.0.0.1:{self.s3_port}",
            aws_access_key_id="test",
            aws_secret_access_key="test",
            region_name="us-east-1",
        )
        s3.create_bucket(Bucket=self.bucket)
        # The bucket policy from docs/deployment.md: only images and renditions are public.
        s3.put_bucket_policy(
            Bucket=self.bucket,
            Policy=(REPO / "deploy/s3-public-images-policy.json").read_text().replace("portal-media", self.bucket),
        )
        self.manage("migrate", "--noinput")
        if fill_args:
            self.manage(
                "fill_region", *fill_args, "--force", "--verbosity", "0", settings="benchmarks.servers_fill_settings"
            )
        setup = self.manage("shell", "-c", (REPO / "benchmarks/servers_site.py").read_text())
        self.home_id = int(re.search(r"HOME (\d+)", setup.stdout).group(1))
        for index, port in enumerate(self.app_ports):
            self.start(
                f"app{index}",
                [
                    PYTHON,
                    "-m",
                    "gunicorn",
                    "portal.wsgi:application",
                    "--bind",
                    f"127.0.0.1:{port}",
                    "--workers",
                    str(self.workers),
                    "--threads",
                    str(self.threads),
                    "--timeout",
                    "60",
                ],
            )
        self.start("worker", [PYTHON, "manage.py", "db_worker", "--interval", "0.5"])
        self.write_nginx_conf(self.app_ports)
        self.start(
            "nginx",
            [NGINX, "-p", str(self.nginx_prefix), "-c", str(self.nginx_prefix / "nginx.conf"), "-g", "daemon off;"],
        )
        for port in [*self.app_ports, self.nginx_port]:
            wait_for(f"http://127.0.0.1:{port}/healthz")

    @property
    def nginx_prefix(self):
        return self.workdir / "nginx"

    def write_nginx_conf(self, app_ports):
        conf = string.Template((REPO / "deploy/nginx/portal.conf.template").read_text()).safe_substitute(
            LISTEN=f"127.0.0.1:{self.nginx_port}",
            SERVER_NAME="127.0.0.1 localhost",
            APP_SERVERS=" ".join(f"server 127.0.0.1:{port};" for port in app_ports),
            MEDIA_S3_ORIGIN=f"127.0.0.1:{self.s3_port}",
            MEDIA_S3_BUCKET=self.bucket,
        )
        (self.nginx_prefix / "logs").mkdir(parents=True, exist_ok=True)
        (self.nginx_prefix / "nginx.conf").write_text(
            "worker_processes 1; error_log logs/error.log; pid logs/nginx.pid;\n"
            "events { worker_connections 1024; }\n"
            "http { access_log off; client_body_temp_path logs/body; proxy_temp_path logs/proxy;\n"
            "fastcgi_temp_path logs/fcgi; uwsgi_temp_path logs/uwsgi; scgi_temp_path logs/scgi;\n"
            "include /etc/nginx/mime.types;\n" + conf + "\n}\n"
        )

    def route_to(self, app_ports):
        """Point nginx at ``app_ports`` only (a graceful reload)."""
        self.write_nginx_conf(app_ports)
        subprocess.run(
            [NGINX, "-p", str(self.nginx_prefix), "-c", str(self.nginx_prefix / "nginx.conf"), "-s", "reload"],
            check=True,
            capture_output=True,
        )
        time.sleep(1)

    def down(self):
        for name in list(self.processes):
            self.stop(name)
        with contextlib.suppress(subprocess.CalledProcessError):
            self.psql(f"DROP DATABASE IF EXISTS {self.db_name} WITH (FORCE)")

    def log(self, name):
        return (self.workdir / f"{name}.log").read_text(errors="replace")[-3000:]

"""Throughput of one and two app servers behind nginx, cached and uncached, plus a load run.

Builds the loopback deployment of :mod:`benchmarks.servers` (PostgreSQL, Redis, S3 server, nginx,
gunicorn), fills a region with ``fill_region`` and drives it with wrk (Debian's package). Each
measured URL is first fetched once and must answer 200 with the region's content, so no figure
times an empty or error answer. Prints JSON lines and a table; never fails on time.
"""

import json
import re
import shutil
import tempfile
import time

from django.core.management.base import BaseCommand, CommandError

from benchmarks.servers import Deployment, request
from benchmarks.wrk import wrk


class Command(BaseCommand):
    help = "Mengukur throughput satu vs dua server aplikasi di belakang nginx (butuh PostgreSQL, wrk, nginx)."

    def add_arguments(self, parser):
        parser.add_argument("--seconds", type=int, default=15, help="Lama tiap pengukuran (bawaan 15 detik).")
        parser.add_argument("--connections", type=int, default=16)
        parser.add_argument("--load-seconds", type=int, default=60, help="Lama uji beban akhir (bawaan 60).")
        parser.add_argument("--load-connections", type=int, default=32)
        parser.add_argument("--workers", type=int, default=2, help="Worker gunicorn per server (bawaan 2).")
        parser.add_argument("--fill", default="--opds 16 --news 60", help="Argumen fill_region.")
        parser.add_argument("--output", default="", help="Berkas JSON lines untuk hasilnya.")

    def handle(self, *args, **options):
        if not shutil.which("wrk"):
            raise CommandError("wrk tidak ada: apt-get install wrk")
        rows = []
        with tempfile.TemporaryDirectory() as workdir:
            for cached in (False, True):
                extra = {"PAGE_CACHE_SECONDS": "300" if cached else "0"}
                deployment = Deployment(
                    workdir + ("/c" if cached else "/u"), workers=options["workers"], threads=1, extra_env=extra
                )
                try:
                    deployment.up(fill_args=options["fill"].split())
                    opd_path = self.opd_path(deployment)
                    for servers in (1, 2):
                        deployment.route_to(deployment.app_ports[:servers])
                        for path in ("/", opd_path):
                            self.check_content(deployment, path)
                            result = wrk(deployment.nginx_port, path, options["seconds"], options["connections"])
                            row = {
                                "servers": servers,
                                "workers_per_server": options["workers"],
                                "cached": cached,
                                "path": path,
                                **result,
                            }
                            rows.append(row)
                            self.stdout.write(json.dumps(row))
                    if cached:
                        load = wrk(deployment.nginx_port, "/", options["load_seconds"], options["load_connections"])
                        row = {
                            "load_run": True,
                            "servers": 2,
                            "seconds": options["load_seconds"],
                            "connections": options["load_connections"],
                            **load,
                        }
                        rows.append(row)
                        self.stdout.write(json.dumps(row))
                finally:
                    deployment.down()
        if options["output"]:
            with open(options["output"], "w") as handle:
                handle.writelines(json.dumps(row) + "\n" for row in rows)
        self.stdout.write("\n| page | cached | 1 server req/s | 2 servers req/s |\n| --- | --- | ---: | ---: |")
        for cached in (False, True):
            for path in sorted({r["path"] for r in rows if "path" in r}):
                one, two = (
                    next(
                        r["rps"]
                        for r in rows
                        if r.get("path") == path and r.get("cached") == cached and r["servers"] == n
                    )
                    for n in (1, 2)
                )
                self.stdout.write(f"| `{path}` | {'ya' if cached else 'tidak'} | {one:.1f} | {two:.1f} |")

    @staticmethod
    def opd_path(deployment):
        out = deployment.manage(
            "shell",
            "-c",
            ("from opd_pages.models import OpdHomePage; print('OPD', OpdHomePage.objects.live().first().url_path)"),
        ).stdout
        url_path = re.search(r"OPD (\S+)", out).group(1)
        return "/" + url_path.strip("/").split("/", 1)[1] + "/"

    @staticmethod
    def check_content(deployment, path):
        for _attempt in range(3):
            response, body = request(deployment.nginx_port, path)
            if response.status == 200 and b"<main" in body and len(body) > 2000:
                return
            time.sleep(1)
        raise CommandError(f"{path} tidak menjawab dengan isi (status {response.status}); tidak diukur.")

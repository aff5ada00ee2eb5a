import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from integrity.checks import compare_manifest, fetch_in_process, fetch_over_http, find_cloaking


class Command(BaseCommand):
    help = (
        "Diskominfo's cron check: templates and static files against the release manifest, and public pages "
        "as a search-engine crawler versus a browser (cloaking). Exits non-zero when anything differs."
    )

    def add_arguments(self, parser):
        parser.add_argument("--manifest", default="release-manifest.json")
        parser.add_argument("--base-url", default="", help="Fetch over HTTP from the live site instead of in-process.")
        parser.add_argument("--skip-cloaking", action="store_true")

    def handle(self, *args, **options):
        problems = 0
        manifest_path = Path(options["manifest"])
        if not manifest_path.exists():
            raise CommandError(f"Manifest {manifest_path} tidak ada; buat saat rilis dengan integrity_manifest.")
        changed, missing, added = compare_manifest(json.loads(manifest_path.read_text("utf-8")))
        for label, files in (("BERUBAH", changed), ("HILANG", missing), ("BARU", added)):
            for name in files:
                self.stdout.write(f"{label}: {name}")
            problems += len(files)
        if not options["skip_cloaking"]:
            fetch = fetch_over_http(options["base_url"]) if options["base_url"] else fetch_in_process
            for path, difference in find_cloaking(fetch=fetch):
                self.stdout.write(f"CLOAKING: {path}: {difference}")
                problems += 1
        if problems:
            raise CommandError(f"{problems} perbedaan ditemukan")
        self.stdout.write(self.style.SUCCESS("Tidak ada perbedaan."))

"""Build (or complete) the demo region; safe to run again."""

import sys

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils.module_loading import import_string

from demo.region import DEMO_ADMIN_USERNAME


class Command(BaseCommand):
    help = "Membangun daerah contoh (Kabupaten Contoh) beserta OPD, berita dan akun demo. Aman dijalankan ulang."

    def add_arguments(self, parser):
        parser.add_argument("--admin-password", default="demo-admin-2026", help="Kata sandi akun admin demo baru.")

    def progress(self, done, total, label):
        if self.verbosity >= 1:
            width = 30
            filled = int(width * done / total)
            end = "\n" if done == total else ""
            self.stdout.write(f"\r  [{'#' * filled}{'.' * (width - filled)}] {done}/{total} {label:<14}", ending=end)
            self.stdout.flush()
            if not getattr(self.stdout, "isatty", lambda: False)() and done != total:
                sys.stdout.flush()

    def handle(self, *args, **options):
        self.verbosity = options["verbosity"]
        self.stdout.write("Menyiapkan daerah contoh…")
        summary = {}
        for dotted_path in settings.PORTAL_DEMO_STEPS:
            step = import_string(dotted_path)
            summary[dotted_path] = step(
                stdout=self.stdout, admin_password=options["admin_password"], progress=self.progress
            )
        region = summary.get("demo.region.build_region", {})
        created = region.get("created_opds", [])
        if created:
            self.stdout.write(self.style.SUCCESS(f"Dibuat {len(created)} OPD: {', '.join(created)}"))
        else:
            self.stdout.write(self.style.SUCCESS("Daerah contoh sudah lengkap; tidak ada yang diubah."))
        password_note = options["admin_password"] if region.get("admin_created") else "(tidak diubah sejak dibuat)"
        self.stdout.write(
            f"Admin: http://127.0.0.1:8000/admin/  pengguna: {DEMO_ADMIN_USERNAME}  sandi: {password_note}"
        )

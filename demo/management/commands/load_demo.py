"""Build (or complete) the demo region; safe to run again."""

import sys

from django.core.management.base import BaseCommand

from demo import (
    complaints,
    front_page,
    hosts,
    monitoring,
    ppid,
    region,
    search,
    services,
    site_care,
    sites_content,
    spam_gate,
    teams,
    two_factor,
    wordpress,
)
from demo.region import DEMO_ADMIN_USERNAME

#: The demo's steps, in order: the region first, then what each feature adds to it.
STEPS = [
    ("region", region.build_region),
    ("search", search.step),
    ("teams", teams.step),
    ("front_page", front_page.build_front_page),
    ("hosts", hosts.step),
    ("monitoring", monitoring.step),
    ("services", services.step),
    ("complaints", complaints.step),
    ("ppid", ppid.step),
    ("sites_content", sites_content.step),
    ("two_factor", two_factor.step),
    ("spam_gate", spam_gate.step),
    ("wordpress", wordpress.step),
    ("site_care", site_care.step),
]


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
        for name, step in STEPS:
            summary[name] = step(stdout=self.stdout, admin_password=options["admin_password"], progress=self.progress)
        region = summary["region"]
        created = region.get("created_opds", [])
        if created:
            self.stdout.write(self.style.SUCCESS(f"Dibuat {len(created)} OPD: {', '.join(created)}"))
        else:
            self.stdout.write(self.style.SUCCESS("Daerah contoh sudah lengkap; tidak ada yang diubah."))
        password_note = options["admin_password"] if region.get("admin_created") else "(tidak diubah sejak dibuat)"
        self.stdout.write(
            f"Admin: http://127.0.0.1:8000/admin/  pengguna: {DEMO_ADMIN_USERNAME}  sandi: {password_note}"
        )

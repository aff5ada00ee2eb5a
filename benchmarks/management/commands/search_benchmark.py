"""Time the public search on this database: p50/p95 per query and per query class."""

from django.core.management.base import BaseCommand

from benchmarks import search as benchmark


class Command(BaseCommand):
    help = (
        "Mengukur kecepatan pencarian pada basis data ini (kata langka, kata umum, beberapa kata, "
        "pelengkapan otomatis) dan mencetak p50/p95 dalam milidetik. Jalankan pada tiap ukuran data "
        "(lihat fill_region) dan tiap basis data (DATABASE_URL)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--repeat", type=int, default=20, help="Ulangan per kueri (bawaan 20).")
        parser.add_argument(
            "--database-only", action="store_true", help="Lewati mesin pencari SEARCH_URL walaupun diatur."
        )

    def handle(self, *args, **options):
        repeat = max(1, options["repeat"])
        self.stdout.write(f"Basis data: {benchmark.database_label()}; {repeat} ulangan per kueri.")
        per_query, per_class = benchmark.run(repeat=repeat, include_configured=not options["database_only"])
        header = f"{'mesin':<12} {'halaman':>8} {'kelas':<13} {'kueri':<36} {'hasil':>7} {'p50 ms':>8} {'p95 ms':>8}"
        self.stdout.write(header)
        for row in per_query:
            prefix = f"{row.engine:<12} {row.pages:>8} {row.kind:<13} {row.query[:36]:<36} {row.hits:>7} "
            if row.problem:
                self.stdout.write(self.style.WARNING(f"{prefix}TIDAK DIUKUR: {row.problem}"))
            else:
                self.stdout.write(f"{prefix}{row.p50:>8.1f} {row.p95:>8.1f}")
        self.stdout.write(self.style.MIGRATE_HEADING("Ringkasan per kelas kueri"))
        for row in per_class:
            prefix = f"{row.engine:<12} {row.pages:>8} {row.kind:<13} "
            if row.problem:
                self.stdout.write(self.style.WARNING(f"{prefix}TIDAK DIUKUR: {row.problem}"))
            else:
                self.stdout.write(f"{prefix}p50 {row.p50:>7.1f} ms  p95 {row.p95:>7.1f} ms")

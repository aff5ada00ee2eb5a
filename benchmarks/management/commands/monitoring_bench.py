"""Measure the monitoring screens on the current database (e.g. after `fill_region`)."""

import json

from django.core.management.base import BaseCommand

from benchmarks.monitoring import run


class Command(BaseCommand):
    help = "Mengukur waktu kartu skor, beranda admin dan ekspor laporan triwulan pada basis data ini (JSON per baris)."

    def add_arguments(self, parser):
        parser.add_argument("--repeat", type=int, default=10, help="Pengulangan per pengukuran.")

    def handle(self, *args, **options):
        for result in run(repeat=options["repeat"]):
            self.stdout.write(json.dumps(result, ensure_ascii=False))

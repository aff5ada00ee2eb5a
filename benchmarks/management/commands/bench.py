"""Benchmark key URLs and gunicorn throughput against a loaded database; prints JSON lines."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand

from benchmarks.pages import machine, ratio_table, read_results, run_throughput, run_url_bench


class Command(BaseCommand):
    help = (
        "Mengukur waktu respons, jumlah query SQL dan ukuran halaman-halaman utama (warga dan editor OPD), "
        "lalu throughput gunicorn. Satu baris JSON per URL. Bukan tes: tidak pernah gagal karena waktu."
    )

    def add_arguments(self, parser):
        parser.add_argument("--requests", type=int, default=30, help="Permintaan terukur per URL (minimal 30).")
        parser.add_argument("--warmup", type=int, default=3, help="Permintaan pemanasan per URL.")
        parser.add_argument("--only", nargs="*", help="Hanya target dengan nama ini.")
        parser.add_argument("--no-throughput", action="store_true", help="Lewati uji throughput gunicorn.")
        parser.add_argument("--port", type=int, default=8017, help="Port gunicorn di 127.0.0.1.")
        parser.add_argument("--seconds", type=float, default=10.0, help="Lama tiap uji throughput.")
        parser.add_argument("--concurrency", type=int, default=4, help="Koneksi bersamaan pada uji throughput.")
        parser.add_argument("--output", help="Tambahkan hasil (JSON lines) ke berkas ini juga.")
        parser.add_argument(
            "--compare",
            metavar="BASELINE.jsonl",
            help="Hasil pembanding (mis. daerah 3 OPD): cetak tabel rasio waktu per URL terhadapnya.",
        )
        parser.add_argument(
            "--report",
            nargs=2,
            metavar=("BASELINE.jsonl", "RESULT.jsonl"),
            help="Tanpa mengukur: cetak tabel rasio dari dua berkas hasil yang sudah ada.",
        )

    def handle(self, *args, **options):
        if options["report"]:
            baseline, result = (read_results(Path(name)) for name in options["report"])
            self.stdout.write(ratio_table(baseline, result))
            return
        output = Path(options["output"]) if options["output"] else None
        collected = []
        if output:
            output.parent.mkdir(parents=True, exist_ok=True)

        def emit(result):
            collected.append(result)
            line = json.dumps(result, ensure_ascii=False)
            self.stdout.write(line)
            self.stdout.flush()
            if output:
                with output.open("a") as handle:
                    handle.write(line + "\n")

        emit({"name": "machine", **machine()})
        context = run_url_bench(
            emit, requests=max(30, options["requests"]), warmup=options["warmup"], only=options["only"]
        )
        if options["compare"]:
            self.stdout.write(ratio_table(read_results(Path(options["compare"])), collected))
        if not options["no_throughput"]:
            paths = [("home", "/"), ("news_page", context.news.url), ("search_common_word", "/cari/?q=warga")]
            run_throughput(
                emit, paths, port=options["port"], seconds=options["seconds"], concurrency=options["concurrency"]
            )

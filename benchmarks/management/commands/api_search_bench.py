"""Time the public API's ?search= while a page is being published over and over."""

from django.core.management.base import BaseCommand

from benchmarks import api_search


class Command(BaseCommand):
    help = (
        "Mengukur /api/v2/pages/?search=… (median dan p95 dalam milidetik) sementara sebuah berita "
        "diterbitkan berulang kali di utas lain; mencetak galat kedua sisi (mis. 'database is locked')."
    )

    def add_arguments(self, parser):
        parser.add_argument("--query", default="pelayanan", help="Kata yang dicari (bawaan: pelayanan).")
        parser.add_argument("--repeat", type=int, default=30, help="Jumlah permintaan API (bawaan 30).")
        parser.add_argument("--no-publish", action="store_true", help="Tanpa penerbitan bersamaan (pembanding).")

    def handle(self, *args, **options):
        result = api_search.run(
            query=options["query"], repeat=max(1, options["repeat"]), with_publish=not options["no_publish"]
        )
        self.stdout.write(
            f"?search={result.query}: {len(result.timings_ms)} jawaban, total_count {result.total_count}, "
            f"median {result.p50:.1f} ms, p95 {result.p95:.1f} ms; {result.publishes} penerbitan bersamaan."
        )
        for error in result.errors[:20]:
            self.stdout.write(self.style.ERROR(error))
        if result.errors:
            self.stdout.write(self.style.ERROR(f"{len(result.errors)} galat."))

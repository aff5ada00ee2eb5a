"""Fill the database with a large generated region (default 40 OPDs × 2,500 news = 100,000 news pages)."""

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from benchmarks.region import RegionNotEmpty, fill_region, foreign_pages, generator_user


class Command(BaseCommand):
    help = (
        "Mengisi basis data dengan daerah buatan: N OPD × M berita (bawaan 40 × 2.500 = 100.000 halaman berita) "
        "beserta pengumuman, agenda, gambar bersama dan indeks pencarian. MENGGANTI seluruh pohon halaman; "
        "menolak jalan bila ada halaman yang bukan buatan pembangkit kecuali dengan --force."
    )

    def add_arguments(self, parser):
        parser.add_argument("--opds", type=int, default=40, help="Jumlah OPD (bawaan 40).")
        parser.add_argument("--news", type=int, default=2500, help="Jumlah berita per OPD (bawaan 2.500).")
        parser.add_argument("--announcements", type=int, default=None, help="Pengumuman per OPD (bawaan berita/25).")
        parser.add_argument("--events", type=int, default=None, help="Agenda per OPD (bawaan berita/25).")
        parser.add_argument("--seed", type=int, default=2026, help="Benih acak agar isi dapat diulang.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Hapus juga halaman yang BUKAN buatan pembangkit (isi asli atau demo) sebelum mengisi.",
        )
        parser.add_argument("--dry-run", action="store_true", help="Hanya tampilkan apa yang akan dilakukan.")

    def progress(self, done, total, label):
        if self.verbosity < 1:
            return
        width = 30
        filled = int(width * done / total)
        end = "\n" if done == total else ""
        self.stdout.write(f"\r  [{'#' * filled}{'.' * (width - filled)}] {done}/{total} {label:<24}", ending=end)
        self.stdout.flush()

    def handle(self, *args, **options):
        self.verbosity = options["verbosity"]
        opds, news = options["opds"], options["news"]
        if opds < 1 or news < 0:
            raise CommandError("--opds minimal 1 dan --news tidak boleh negatif.")
        database = f"{connection.vendor} {connection.settings_dict.get('NAME')}"
        if options["dry_run"]:
            foreign = foreign_pages(generator_user()).count()
            self.stdout.write(
                f"Akan mengisi {database} dengan {opds} OPD × {news} berita. "
                f"Halaman bukan buatan pembangkit yang ada: {foreign}"
                + (" (perlu --force; akan DIHAPUS)." if foreign else ".")
            )
            return
        self.stdout.write(f"Mengisi {database} dengan {opds} OPD × {news} berita…")
        try:
            summary = fill_region(
                opds=opds,
                news=news,
                announcements=options["announcements"],
                events=options["events"],
                force=options["force"],
                seed=options["seed"],
                progress=self.progress,
            )
        except RegionNotEmpty as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            self.style.SUCCESS(
                f"Selesai: {summary['opds']} OPD, {summary['news']} berita, {summary['pages']} halaman dalam "
                f"{summary['seconds']:.1f} detik (halaman {summary['build_seconds']:.1f} d, "
                f"indeks pencarian {summary['index_seconds']:.1f} d, tim dan halaman depan "
                f"{summary['complete_seconds']:.1f} d, ANALYZE {summary['analyse_seconds']:.1f} d; "
                f"{summary['pages'] / max(summary['seconds'], 0.001):.0f} halaman/detik; "
                f"waktu CPU proses ini {summary['cpu_seconds']:.1f} d)."
            )
        )

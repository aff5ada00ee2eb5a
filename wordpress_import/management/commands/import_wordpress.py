"""manage.py import_wordpress FILE --opd ACRONYM: import one OPD's old WordPress site."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from opd_pages.models import OpdHomePage
from wordpress_import.importer import WordpressImportError, import_wordpress
from wordpress_import.report import render_text
from wordpress_import.wxr import WxrError


class Command(BaseCommand):
    help = (
        "Mengimpor ekspor WordPress (WXR) sebuah OPD: pos menjadi berita, halaman menjadi halaman profil, "
        "lampiran menjadi media, alamat lama dialihkan. Aman dijalankan ulang."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Berkas ekspor WordPress (Alat → Ekspor → Semua konten), .xml")
        parser.add_argument("--opd", required=True, help="Singkatan OPD tujuan, misalnya Dinkes")
        parser.add_argument("--uploads", help="Salinan wp-content/uploads: folder atau arsip .zip")
        parser.add_argument("--dry-run", action="store_true", help="Hanya periksa dan laporkan; tidak mengubah apa pun")
        parser.add_argument("--moderate", action="store_true", help="Pos terbit masuk alur moderasi OPD dulu")
        parser.add_argument("--old-host", help="Nama host situs lama bila berbeda dari yang tercatat di ekspor")
        parser.add_argument("--report", help="Tulis laporan ke berkas ini (teks)")
        parser.add_argument(
            "--fetch-missing",
            action="store_true",
            help="Unduh lampiran yang tidak ada di salinan unggahan dari alamatnya di situs lama "
            "(hanya host situs lama dari ekspor dan host --fetch-host / PORTAL_WORDPRESS_FETCH_HOSTS)",
        )
        parser.add_argument(
            "--fetch-host",
            action="append",
            default=[],
            help="Host tambahan yang boleh diunduh (boleh berulang); host ini juga boleh beralamat jaringan dalam",
        )

    def progress(self, done, total):
        if self.verbosity < 1 or not total:
            return
        if done == total or done % 10 == 0:
            width = 30
            filled = int(width * done / total)
            end = "\n" if done == total else ""
            self.stdout.write(f"\r  [{'#' * filled}{'.' * (width - filled)}] {done}/{total}", ending=end)
            self.stdout.flush()

    def handle(self, *args, **options):
        self.verbosity = options["verbosity"]
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"Berkas {path} tidak ditemukan.")
        uploads = options.get("uploads")
        if uploads and not Path(uploads).exists():
            raise CommandError(f"Folder atau arsip unggahan {uploads} tidak ditemukan.")
        opd = OpdHomePage.objects.filter(acronym__iexact=options["opd"]).first()
        if opd is None:
            raise CommandError(f"OPD dengan singkatan {options['opd']} tidak ada.")
        try:
            report = import_wordpress(
                opd,
                path,
                uploads=uploads,
                dry_run=options["dry_run"],
                moderate=options["moderate"],
                old_host=options.get("old_host"),
                fetch_missing=options["fetch_missing"],
                fetch_hosts=options["fetch_host"],
                progress=self.progress,
            )
        except (WordpressImportError, WxrError) as error:
            raise CommandError(str(error)) from error
        text = render_text(report)
        if options.get("report"):
            Path(options["report"]).write_text(text, encoding="utf-8")
        if self.verbosity >= 1:
            self.stdout.write(text)
        style = self.style.WARNING if report["errors"] or report["quarantined"] else self.style.SUCCESS
        self.stdout.write(style("Uji coba selesai." if report["dry_run"] else "Impor selesai."))

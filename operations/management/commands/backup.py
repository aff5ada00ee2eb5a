from django.core.management.base import BaseCommand, CommandError

from operations.backup import BackupError, backup


class Command(BaseCommand):
    help = "Mencadangkan basis data dan semua berkas media ke satu folder (beserta manifesnya)."

    def add_arguments(self, parser):
        parser.add_argument("destination", help="Folder baru untuk cadangan, misalnya /var/backups/portal/2026-12-01")

    def handle(self, *args, **options):
        try:
            manifest = backup(options["destination"])
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            self.style.SUCCESS(
                f"Cadangan selesai: {manifest['pages']['count']} halaman, {manifest['revisions']} revisi, "
                f"{manifest['users']['count']} pengguna, {len(manifest['media'])} berkas media."
            )
        )

from django.core.management.base import BaseCommand, CommandError

from operations.backup import BackupError, restore, verify


class Command(BaseCommand):
    help = "Memulihkan cadangan ke basis data dan penyimpanan media yang kosong, lalu memeriksanya."

    def add_arguments(self, parser):
        parser.add_argument("source", help="Folder cadangan yang dibuat oleh manage.py backup")

    def handle(self, *args, **options):
        try:
            restore(options["source"])
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        differences = verify(options["source"])
        if differences:
            raise CommandError("Hasil pemulihan berbeda dari cadangan:\n" + "\n".join(differences))
        self.stdout.write(self.style.SUCCESS("Pemulihan selesai dan cocok dengan cadangan."))

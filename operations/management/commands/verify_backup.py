from django.core.management.base import BaseCommand, CommandError

from operations.backup import verify


class Command(BaseCommand):
    help = "Membandingkan isi portal dengan manifes cadangan (halaman, revisi, pengguna, media, pencarian)."

    def add_arguments(self, parser):
        parser.add_argument("source", help="Folder cadangan")

    def handle(self, *args, **options):
        differences = verify(options["source"])
        if differences:
            raise CommandError("Berbeda dari cadangan:\n" + "\n".join(differences))
        self.stdout.write(self.style.SUCCESS("Cocok dengan cadangan."))

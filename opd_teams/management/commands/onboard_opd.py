"""Open an OPD section with its team in one step (same as the admin view "Tambah OPD")."""

from django.core.management.base import BaseCommand, CommandError

from opd_pages.models import OpdKind
from opd_teams.onboarding import OnboardingError, onboard_opd


class Command(BaseCommand):
    help = "Membuat bagian OPD baru beserta tim, koleksi media, alur moderasi dan undangan admin. Aman diulang."

    def add_arguments(self, parser):
        parser.add_argument("--name", required=True, help="Nama resmi OPD, mis. 'Dinas Perikanan'.")
        parser.add_argument("--acronym", required=True, help="Singkatan, mis. 'Diskan' (menjadi alamat /diskan/).")
        parser.add_argument("--kind", default=OpdKind.DINAS, choices=OpdKind.values, help="Jenis OPD.")
        parser.add_argument("--admin", action="append", default=[], dest="admins", help="Surel admin (ulangi ≥2 kali).")

    def handle(self, *args, **options):
        try:
            result = onboard_opd(
                title=options["name"], acronym=options["acronym"], kind=options["kind"], admin_emails=options["admins"]
            )
        except OnboardingError as error:
            raise CommandError(str(error)) from error
        opd = result.team.opd
        if result.created:
            self.stdout.write(
                self.style.SUCCESS(f"OPD {opd.title} dibuat di {opd.url_path}; {len(result.invited)} undangan dikirim.")
            )
        else:
            self.stdout.write(f"OPD {opd.title} sudah ada; tidak ada yang diubah.")

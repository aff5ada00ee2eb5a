"""Archive an OPD section: unpublish with redirects to the regional home, deactivate its accounts."""

from django.core.management.base import BaseCommand, CommandError

from opd_teams.models import OpdTeam
from opd_teams.onboarding import archive_opd


class Command(BaseCommand):
    help = "Mengarsipkan OPD: halaman diturunkan (dialihkan ke beranda daerah), akun dinonaktifkan, isi disimpan."

    def add_arguments(self, parser):
        parser.add_argument("acronym", help="Singkatan OPD, mis. 'Diskan'.")
        parser.add_argument("--dry-run", action="store_true", help="Hanya tampilkan apa yang akan terjadi.")

    def handle(self, *args, **options):
        team = OpdTeam.objects.filter(opd__acronym__iexact=options["acronym"]).select_related("opd").first()
        if team is None:
            raise CommandError(f"OPD dengan singkatan {options['acronym']} tidak ditemukan.")
        if options["dry_run"]:
            self.stdout.write(
                f"[uji coba] {team.opd.title}: {team.members().filter(is_active=True).count()} akun akan dinonaktifkan."
            )
            return
        result = archive_opd(team)
        self.stdout.write(
            self.style.SUCCESS(
                f"{team.opd.title} diarsipkan: {result['unpublished']} halaman diturunkan, "
                f"{result['deactivated']} akun dinonaktifkan."
            )
        )

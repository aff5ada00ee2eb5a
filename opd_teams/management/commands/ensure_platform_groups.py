"""Create or complete the Diskominfo and Humas groups with their permissions."""

from django.core.management.base import BaseCommand

from opd_teams.roles import ensure_platform_groups


class Command(BaseCommand):
    help = "Membuat/melengkapi grup Diskominfo dan Humas beserta hak aksesnya. Aman diulang."

    def handle(self, *args, **options):
        groups = ensure_platform_groups()
        self.stdout.write(self.style.SUCCESS(f"Grup siap: {', '.join(g.name for g in groups.values())}."))

from django.core.management.base import BaseCommand

from complaints.services import escalate_overdue


class Command(BaseCommand):
    help = "Escalate overdue complaints (run every few minutes from cron; safe on several servers at once)."

    def handle(self, *args, **options):
        counts = escalate_overdue()
        self.stdout.write(
            self.style.SUCCESS(f"Eskalasi: {counts['opd']} ke OPD, {counts['region']} ke koordinator dan Inspektorat.")
        )

"""Escalate overdue information requests to the PPID Utama (run daily from cron; safe to rerun)."""

from django.core.management.base import BaseCommand

from ppid.handling import escalate_overdue


class Command(BaseCommand):
    help = "Eskalasi permohonan informasi yang melewati batas waktu ke PPID Utama (sekali per permohonan)."

    def handle(self, *args, **options):
        escalated = escalate_overdue()
        for info_request in escalated:
            self.stdout.write(f"{info_request.number} ({info_request.opd.acronym}): batas {info_request.due_date}")
        self.stdout.write(self.style.SUCCESS(f"{len(escalated)} permohonan dieskalasi."))

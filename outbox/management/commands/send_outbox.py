from django.core.management.base import BaseCommand

from outbox.mail import deliver_due


class Command(BaseCommand):
    help = "Deliver queued and failed e-mail (run every few minutes from cron)."

    def handle(self, *args, **options):
        sent, failed = deliver_due()
        self.stdout.write(self.style.SUCCESS(f"{sent} terkirim, {failed} gagal (dicoba lagi nanti)."))

from outbox.mail import deliver_due
from scheduled_jobs.scheduled import ScheduledCommand


class Command(ScheduledCommand):
    help = "Deliver queued and failed e-mail (run every few minutes from cron)."

    def handle(self, *args, **options):
        sent, failed = deliver_due()
        self.stdout.write(self.style.SUCCESS(f"{sent} terkirim, {failed} gagal (dicoba lagi nanti)."))

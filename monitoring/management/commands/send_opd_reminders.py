"""Cron entry point: e-mail the admins of OPDs that published nothing for N days."""

from monitoring.reminders import send_due_reminders
from scheduled_jobs.scheduled import ScheduledCommand


class Command(ScheduledCommand):
    help = "Mengirim surel pengingat ke admin OPD yang lama tidak menerbitkan apa pun (untuk cron)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Tampilkan siapa yang akan diingatkan tanpa mengirim."
        )

    def handle(self, *args, **options):
        run = send_due_reminders(dry_run=options["dry_run"])
        if run.disabled:
            self.stdout.write(self.style.WARNING("Pengingat dimatikan di Pengaturan → Ambang pemantauan."))
            return
        verb = "Akan diingatkan" if run.dry_run else "Terkirim"
        self.stdout.write(self.style.SUCCESS(f"{verb}: {len(run.sent)} OPD {', '.join(run.sent)}".rstrip()))
        if run.failed:
            self.stdout.write(self.style.ERROR(f"Gagal: {len(run.failed)} OPD {', '.join(run.failed)}"))
        self.stdout.write(f"Tidak perlu diingatkan: {len(run.skipped)} OPD")

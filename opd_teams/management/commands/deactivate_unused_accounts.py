"""Deactivate OPD accounts not used for a while (run daily from cron or a scheduler)."""

from opd_teams.team import deactivate_unused_accounts, unused_since_days
from scheduled_jobs.scheduled import ScheduledCommand


class Command(ScheduledCommand):
    help = "Menonaktifkan akun OPD yang tidak dipakai selama sekian hari (bawaan PORTAL_ACCOUNT_UNUSED_DAYS)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None, help="Batas hari tanpa masuk (bawaan dari pengaturan).")
        parser.add_argument("--dry-run", action="store_true", help="Hanya tampilkan akun yang akan dinonaktifkan.")

    def handle(self, *args, **options):
        days = options["days"] or unused_since_days()
        accounts = deactivate_unused_accounts(days, dry_run=options["dry_run"])
        prefix = "[uji coba] akan dinonaktifkan" if options["dry_run"] else "Dinonaktifkan"
        for account in accounts:
            self.stdout.write(f"{prefix}: {account.get_username()} ({account.email})")
        self.stdout.write(self.style.SUCCESS(f"{len(accounts)} akun tidak dipakai lebih dari {days} hari."))

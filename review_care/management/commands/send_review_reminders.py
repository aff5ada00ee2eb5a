"""Cron: remind page owners and OPD admins of pages due for review, once across servers."""

from django.utils.translation import gettext as _

from scheduled_jobs.scheduled import ScheduledCommand

from ...reminders import send_review_reminders


class Command(ScheduledCommand):
    help = "Mengirim surel pengingat untuk halaman yang jatuh tempo ditinjau (untuk cron)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Tampilkan halaman yang akan diingatkan tanpa mengirim."
        )

    def handle(self, *args, **options):
        run = send_review_reminders(dry_run=options["dry_run"])
        if run.disabled:
            self.stdout.write(self.style.WARNING(_("Pengingat dimatikan di Pengaturan → Ambang pemantauan.")))
            return
        verb = _("Akan diingatkan") if run.dry_run else _("Diantrekan")
        self.stdout.write(self.style.SUCCESS(f"{verb}: {len(run.sent)}"))
        for label in run.sent:
            self.stdout.write(f"  {label}")
        if run.failed:
            self.stdout.write(self.style.ERROR(_("Gagal: %(count)s") % {"count": len(run.failed)}))
        self.stdout.write(_("Sudah diingatkan dalam periode ini: %(count)s") % {"count": len(run.skipped)})

"""Cron: check the links in every OPD's pages (``manage.py check_links``), once across servers."""

from django.utils.translation import gettext as _

from opd_pages.models import OpdHomePage
from scheduled_jobs.scheduled import ScheduledCommand

from ...checker import check_opd


class Command(ScheduledCommand):
    help = "Periksa tautan rusak di halaman setiap OPD (terbatas dan sopan); hasil tampil di kartu OPD."
    lock_ttl = 6 * 3600

    def add_arguments(self, parser):
        parser.add_argument("--opd", action="append", default=[], help="Singkatan OPD (boleh berulang).")
        parser.add_argument("--max-links", type=int, default=None, help="Paling banyak tautan per OPD.")

    def handle(self, *args, **options):
        opds = OpdHomePage.objects.live().exclude(team__archived_at__isnull=False).order_by("title")
        if options["opd"]:
            opds = opds.filter(acronym__in=options["opd"])
        for opd in opds:
            run = check_opd(opd, max_links=options["max_links"])
            line = _(
                "%(opd)s: %(checked)s tautan diperiksa, %(broken)s rusak, %(skipped)s menunggu putaran berikut."
            ) % {
                "opd": opd.acronym,
                "checked": run.checked,
                "broken": run.broken,
                "skipped": run.skipped,
            }
            self.stdout.write(self.style.WARNING(line) if run.broken else line)

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from spam_gate.checks import Verdict
from spam_gate.notify import report_spam
from spam_gate.scan import scan_published


class Command(BaseCommand):
    help = "Scan what is already published for judi-online spam (cron: daily); --notify e-mails Diskominfo."

    def add_arguments(self, parser):
        parser.add_argument("--notify", action="store_true", help="Record findings and e-mail Diskominfo.")

    def handle(self, *args, **options):
        findings = list(scan_published())
        for finding in findings:
            self.stdout.write(f"{finding.kind} #{finding.object_id} {finding.label}: {' '.join(finding.reasons)}")
        if findings and options["notify"]:
            reasons = [f"{f.kind} #{f.object_id} {f.label}: {' '.join(f.reasons)}" for f in findings]
            report_spam(_("%(n)s konten terbit") % {"n": len(findings)}, Verdict(True, reasons))
        style = self.style.ERROR if findings else self.style.SUCCESS
        self.stdout.write(style(f"{len(findings)} temuan"))

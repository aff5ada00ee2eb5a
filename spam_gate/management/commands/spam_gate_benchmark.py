from django.core.management.base import BaseCommand

from spam_gate.benchmark import run_benchmark


class Command(BaseCommand):
    help = "Measure the judi-online gate on the labelled corpus: caught and false-positive rates."

    def add_arguments(self, parser):
        parser.add_argument("--verbose-misses", action="store_true", help="List every miss and false positive.")

    def handle(self, *args, **options):
        result = run_benchmark()
        self.stdout.write(
            f"Spam: {result.caught}/{result.spam} tertangkap ({result.caught_rate:.1%}); "
            f"berita asli: {result.false_positives}/{result.ham} salah blokir ({result.false_positive_rate:.1%})"
        )
        if options["verbose_misses"]:
            for sample in result.missed:
                self.stdout.write(f"LOLOS [{sample.variant}] {sample.text[:120]}")
            for sample, reasons in result.wrongly_blocked:
                self.stdout.write(f"SALAH BLOKIR [{sample.variant}] {sample.text[:120]} :: {reasons}")

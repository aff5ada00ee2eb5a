from django.core.management.base import BaseCommand

from integrity.checks import write_manifest


class Command(BaseCommand):
    help = "Write the release manifest: SHA-256 of every installed template and static file (run at deploy time)."

    def add_arguments(self, parser):
        parser.add_argument("--output", default="release-manifest.json")

    def handle(self, *args, **options):
        manifest = write_manifest(options["output"])
        self.stdout.write(self.style.SUCCESS(f"{len(manifest)} berkas dicatat di {options['output']}"))

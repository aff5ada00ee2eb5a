"""An onboarded OPD to import into, and a generated export of about 180 items with its uploads."""

import tempfile
from pathlib import Path

from django.test import override_settings

from benchmarks.wordpress_export import write_export, write_uploads
from opd_teams.onboarding import adopt_opd
from opd_teams.roles import ensure_platform_groups
from tests.trees import build_region_tree


def onboarded_region(opd_count=2):
    home, opds = build_region_tree(opd_count=opd_count, news_per_opd=0)
    ensure_platform_groups()
    teams = [adopt_opd(opd, [f"{opd.slug}.a@contohkab.go.id", f"{opd.slug}.b@contohkab.go.id"]).team for opd in opds]
    return home, opds, teams


class ExportFiles:
    """A temporary folder holding ``export.xml`` and ``uploads/``; also the import storage root."""

    def __init__(self, **export_options):
        self.directory = tempfile.TemporaryDirectory()
        self.root = Path(self.directory.name)
        self.export = self.root / "export.xml"
        self.ids = write_export(self.export, **export_options)
        self.uploads = write_uploads(self.root / "uploads", self.ids)
        self.settings = override_settings(PORTAL_WORDPRESS_IMPORT_ROOT=self.root / "storage")

    def cleanup(self):
        self.directory.cleanup()

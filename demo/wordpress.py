"""Demo step: Dinsos' old WordPress site (a fictional export in demo/wordpress/) imported once.

The import goes through the same run record and tasks as the admin's *Impor WordPress*, so
its dry-run and final reports and the quarantined spam post show there. Idempotent: an
existing demo run is left as it is.
"""

import tempfile
from pathlib import Path

from django.core.files import File

from opd_pages.models import OpdHomePage
from opd_teams.models import OpdTeam
from wordpress_import.models import ImportRun
from wordpress_import.tasks import check_export, import_export

from .images import draw_picture

DEMO_OPD = "Dinsos"
EXPORT = Path(__file__).parent / "wordpress" / "dinsos-lama.xml"


def step(stdout=None, admin_password=None, progress=None):
    opd = OpdHomePage.objects.filter(acronym=DEMO_OPD).first()
    if opd is None or not OpdTeam.objects.filter(opd=opd).exists():
        return {"imported": False}
    if ImportRun.objects.filter(opd=opd).exists():
        return {"imported": False}
    with tempfile.TemporaryDirectory() as folder:
        uploads = Path(folder) / "uploads.zip"
        import zipfile

        with zipfile.ZipFile(uploads, "w") as archive:
            archive.writestr(
                "wp-content/uploads/2026/10/penyaluran-bansos.jpg", draw_picture("bansos", "Bansos").read()
            )
        with EXPORT.open("rb") as export, uploads.open("rb") as upload_file:
            run = ImportRun.objects.create(
                opd=opd,
                export_file=File(export, name="dinsos-lama.xml"),
                uploads_file=File(upload_file, name="dinsos-uploads.zip"),
            )
    check_export.call(run.pk)
    import_export.call(run.pk)
    run.refresh_from_db()
    if stdout is not None:
        quarantined = len(run.report.get("quarantined", []))
        stdout.write(f"Impor WordPress demo ({DEMO_OPD}): {run.get_status_display()}, {quarantined} butir dikarantina.")
    return {"imported": True, "run": run.pk}

"""Background work of the import admin: the dry run and the real import of an uploaded export."""

import logging

from django.utils import timezone
from django_tasks import task

from audit.log import record

from .importer import WordpressImportError, import_wordpress
from .models import ImportRun
from .wxr import WxrError

logger = logging.getLogger("portal.wordpress_import")


def _execute(run, dry_run):
    uploads = run.uploads_file.path if run.uploads_file else None
    try:
        report = import_wordpress(
            run.opd, run.export_file.path, uploads=uploads, dry_run=dry_run, moderate=run.moderate,
            user=run.created_by, run=run, fetch_missing=run.fetch_missing,
        )  # fmt: skip
    except (WordpressImportError, WxrError) as error:
        run.status, run.error = ImportRun.Status.FAILED, str(error)
        return None
    except Exception as error:  # noqa: BLE001 - the run records the failure for Diskominfo
        logger.exception("WordPress import %s failed", run.pk)
        run.status, run.error = ImportRun.Status.FAILED, f"{type(error).__name__}: {error}"[:2000]
        return None
    return report


@task()
def check_export(run_id):
    """Dry run: what the import would do, without writing anything."""
    run = ImportRun.objects.select_related("opd").get(pk=run_id)
    run.status = ImportRun.Status.CHECKING
    run.save(update_fields=["status"])
    report = _execute(run, dry_run=True)
    if report is not None:
        run.dry_run_report, run.status = report, ImportRun.Status.CHECKED
    run.processed = 0
    run.save(update_fields=["dry_run_report", "status", "error", "processed"])


@task()
def import_export(run_id):
    """The real import of a checked export."""
    run = ImportRun.objects.select_related("opd", "created_by").get(pk=run_id)
    run.status = ImportRun.Status.RUNNING
    run.save(update_fields=["status"])
    report = _execute(run, dry_run=False)
    if report is not None:
        run.report, run.status = report, ImportRun.Status.DONE
    run.finished_at = timezone.now()
    run.save(update_fields=["report", "status", "error", "finished_at"])
    record(
        "wordpress.import",
        user=run.created_by,
        opd=run.opd,
        target=run.export_file.name,
        outcome="ok" if report is not None else "failed",
        run=run.pk,
        quarantined=len((report or {}).get("quarantined", [])),
    )

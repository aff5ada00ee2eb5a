"""Background work of the import admin: the dry run and the real import of an uploaded export."""

import logging
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path

from django.utils import timezone
from django_tasks import task

from audit.log import record

from .importer import WordpressImportError, import_wordpress
from .models import ImportRun
from .wxr import WxrError

logger = logging.getLogger("portal.wordpress_import")


@contextmanager
def local_copy(field_file):
    """A path on this machine for ``field_file``: its own, or a temporary copy from the bucket.

    The worker that runs an import need not be the app server the export was uploaded to.
    """
    if not field_file:
        yield None
        return
    try:
        yield field_file.storage.path(field_file.name)
        return
    except NotImplementedError:  # object storage: no local path
        pass
    suffix = Path(field_file.name).suffix
    with tempfile.NamedTemporaryFile(suffix=suffix, prefix="wordpress-import-") as copy:
        with field_file.storage.open(field_file.name, "rb") as source:
            shutil.copyfileobj(source, copy, 1024 * 1024)
        copy.flush()
        yield copy.name


def _execute(run, dry_run):
    try:
        with local_copy(run.export_file) as export, local_copy(run.uploads_file) as uploads:
            report = import_wordpress(
                run.opd, export, uploads=uploads, dry_run=dry_run, moderate=run.moderate,
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

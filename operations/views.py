"""The admin's *Kesehatan server* page (Diskominfo): background worker, scheduled jobs, mail."""

import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from opd_teams.roles import is_diskominfo
from outbox.models import OutgoingMail
from scheduled_jobs.models import JobLock

from .health import _database_backend_in_use, queued_tasks, worker_lag_seconds


def worker_status():
    """Figures about the background worker for the admin page (one query each)."""
    status = {
        "database_backend": _database_backend_in_use(),
        "queued": queued_tasks(),
        "lag_seconds": round(worker_lag_seconds()),
        "max_lag_seconds": settings.PORTAL_WORKER_MAX_LAG_SECONDS,
        "running": 0,
        "failed_recent": [],
        "last_finished_at": None,
    }
    if status["database_backend"]:
        from django_tasks_db.models import DBTaskResult

        since = timezone.now() - datetime.timedelta(days=1)
        status["running"] = DBTaskResult.objects.running().count()
        status["failed_recent"] = list(
            DBTaskResult.objects.failed()
            .filter(finished_at__gte=since)
            .order_by("-finished_at")
            .values("task_path", "exception_class_path", "finished_at")[:20]
        )
        status["last_finished_at"] = (
            DBTaskResult.objects.finished().order_by("-finished_at").values_list("finished_at", flat=True).first()
        )
    status["healthy"] = status["lag_seconds"] <= status["max_lag_seconds"]
    return status


class ServerHealthView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "operations/server_health.html"
    page_title = _("Kesehatan server")
    header_icon = "pulse"

    def dispatch(self, request, *args, **kwargs):
        if not is_diskominfo(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return []

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["worker"] = worker_status()
        context["jobs"] = JobLock.objects.order_by("name")
        context["undelivered_mail"] = OutgoingMail.objects.undelivered().count()
        context["now"] = timezone.now()
        return context

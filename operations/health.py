"""Liveness (``/healthz``) and readiness (``/readyz``) probes for load balancers.

``/healthz`` answers as long as the process serves requests. ``/readyz`` checks what a request
needs — database, cache, storage, search engine — and how far the background worker lags; it
answers 503 when any of them fails, so the balancer stops sending traffic to this server. The
answer names the checks and their outcome, never an error text (that goes to the log).
"""

import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.core.files.storage import default_storage
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache

logger = logging.getLogger("portal.operations")


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_cache():
    probe = f"readyz:{time.monotonic_ns()}"
    cache.set(probe, "1", 10)
    if cache.get(probe) != "1":
        raise RuntimeError("cache did not return the value it stored")
    cache.delete(probe)


def check_storage():
    default_storage.exists("readyz-probe")


def check_search_engine():
    """Ping OpenSearch/Elasticsearch when one is configured (the database search needs no check)."""
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend("default")
    client = getattr(backend, "es", None)
    if client is not None and not client.ping():
        raise RuntimeError("search engine did not answer")


def _database_backend_in_use():
    from django_tasks import task_backends

    return type(task_backends["default"]).__module__.split(".")[0] == "django_tasks_db"


def queued_tasks():
    """Tasks waiting for the worker (0 without a database task backend)."""
    if not _database_backend_in_use():
        return 0
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.ready().count()


def worker_lag_seconds():
    """Age of the oldest task waiting for the worker (0 without a database task backend)."""
    if not _database_backend_in_use():
        return 0.0
    from django_tasks_db.models import DBTaskResult

    oldest = DBTaskResult.objects.ready().order_by("enqueued_at").values_list("enqueued_at", flat=True).first()
    return (timezone.now() - oldest).total_seconds() if oldest else 0.0


def check_worker():
    lag = worker_lag_seconds()
    if lag > settings.PORTAL_WORKER_MAX_LAG_SECONDS:
        raise RuntimeError(f"worker lags {lag:.0f} s")


CHECKS = {
    "database": check_database,
    "cache": check_cache,
    "storage": check_storage,
    "search": check_search_engine,
    "worker": check_worker,
}


def run_checks():
    results = {}
    for name, check in CHECKS.items():
        started = time.perf_counter()
        try:
            check()
            ok = True
        except Exception:  # noqa: BLE001 - any failure makes the server not ready
            logger.warning("Readiness check %s failed", name, exc_info=True)
            ok = False
        results[name] = {"ok": ok, "ms": round((time.perf_counter() - started) * 1000, 1)}
    return results


@never_cache
def healthz(request):
    return HttpResponse("ok\n", content_type="text/plain")


@never_cache
def readyz(request):
    results = run_checks()
    ready = all(result["ok"] for result in results.values())
    return JsonResponse({"status": "ok" if ready else "fail", "checks": results}, status=200 if ready else 503)

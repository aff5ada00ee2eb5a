"""Prometheus metrics beyond django-prometheus' request and database metrics.

- ``portal_page_cache_requests_total{result="hit|miss"}``: the anonymous page cache, read from
  the ``X-Page-Cache`` header the page cache sets (the hit ratio is hit / (hit + miss));
- ``portal_search_fallbacks_total``: public searches answered from the database because the
  engine failed (the search app's ``engine_fell_back`` signal);
- ``portal_task_queue_depth`` and ``portal_outbox_undelivered``: read from the database at
  scrape time.

With several gunicorn workers set ``PROMETHEUS_MULTIPROC_DIR`` (see docs/deployment.md), so
that a scrape sums every worker's counters.
"""

import os

from django.http import HttpResponse
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, generate_latest, multiprocess
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import REGISTRY

PAGE_CACHE = Counter("portal_page_cache_requests", "Anonymous page requests by page-cache result", ["result"])
SEARCH_FALLBACKS = Counter("portal_search_fallbacks", "Searches answered from the database after an engine failure")


class PageCacheMetricsMiddleware:
    """Counts page-cache hits and misses; place it before the page cache middleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        result = response.get("X-Page-Cache")
        if result in ("hit", "miss"):
            PAGE_CACHE.labels(result=result).inc()
        return response


def count_search_fallback(sender, **kwargs):
    SEARCH_FALLBACKS.inc()


class QueueCollector:
    """Queue depth and undelivered mail, computed when Prometheus scrapes."""

    def describe(self):
        yield GaugeMetricFamily("portal_task_queue_depth", "Background tasks waiting for the worker")
        yield GaugeMetricFamily("portal_outbox_undelivered", "E-mail not yet delivered")

    def collect(self):
        from outbox.models import OutgoingMail

        from .health import queued_tasks

        depth = GaugeMetricFamily("portal_task_queue_depth", "Background tasks waiting for the worker")
        depth.add_metric([], queued_tasks())
        yield depth
        outbox = GaugeMetricFamily("portal_outbox_undelivered", "E-mail not yet delivered")
        outbox.add_metric([], OutgoingMail.objects.undelivered().count())
        yield outbox


_registered = False


def register():
    global _registered
    if not _registered:
        REGISTRY.register(QueueCollector())
        _registered = True


def metrics_view(request):
    """``/metrics`` for Prometheus, only from ``PORTAL_METRICS_NETWORKS`` (default: loopback)."""
    import ipaddress

    from django.conf import settings
    from django.http import HttpResponseForbidden
    from django_prometheus.exports import ExportToDjangoView

    networks = [ipaddress.ip_network(net, strict=False) for net in settings.PORTAL_METRICS_NETWORKS]
    try:
        address = ipaddress.ip_address(request.META.get("REMOTE_ADDR", ""))
    except ValueError:
        return HttpResponseForbidden()
    if not any(address in network for network in networks):
        return HttpResponseForbidden()
    if "PROMETHEUS_MULTIPROC_DIR" not in os.environ:
        return ExportToDjangoView(request)
    # Several gunicorn workers (the systemd unit): django-prometheus' view reads only the
    # workers' files into a fresh registry, which would leave out the queue gauges above.
    registry = CollectorRegistry()
    multiprocess.MultiProcessCollector(registry)
    registry.register(QueueCollector())
    return HttpResponse(generate_latest(registry), content_type=CONTENT_TYPE_LATEST)

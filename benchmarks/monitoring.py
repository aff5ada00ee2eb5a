"""Timings of the monitoring screens on a loaded database (a benchmark, not a test)."""

import statistics
import time

from django.contrib.auth import get_user_model
from django.test import Client

from monitoring.report import build_report, export_csv, export_xlsx, previous_quarter
from monitoring.scorecard import build_scorecards


def _time(function, repeat):
    durations, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        durations.append((time.perf_counter() - start) * 1000)
    return result, durations


def _summary(name, durations, **extra):
    return {
        "name": name,
        "median_ms": round(statistics.median(durations), 1),
        "max_ms": round(max(durations), 1),
        "runs": len(durations),
        **extra,
    }


def run(repeat=10):
    """Yield one result dict per measured operation."""
    period = previous_quarter()
    cards, durations = _time(build_scorecards, repeat)
    yield _summary("build_scorecards", durations, opds=len(cards))

    user = get_user_model().objects.filter(is_superuser=True, is_active=True).first()
    if user is not None:
        client = Client()
        client.force_login(user)
        for url in ("/admin/pemantauan/", "/admin/pemantauan/laporan/", "/admin/"):
            client.get(url, HTTP_HOST="localhost")
            response, durations = _time(lambda url=url: client.get(url, HTTP_HOST="localhost"), repeat)
            yield _summary(f"GET {url}", durations, status=response.status_code)

    rows, durations = _time(lambda: build_report(period), repeat)
    yield _summary("build_report", durations, period=period.label, publications=sum(row.total for row in rows))
    _data, durations = _time(lambda: export_xlsx(period, build_report(period)), max(3, repeat // 2))
    yield _summary("export XLSX (report + file)", durations)
    _data, durations = _time(lambda: export_csv(period, build_report(period)), max(3, repeat // 2))
    yield _summary("export CSV (report + file)", durations)

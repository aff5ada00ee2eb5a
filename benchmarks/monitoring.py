"""Timings of the monitoring screens on a loaded database (a benchmark, not a test).

Every timed answer is checked (scorecards for the OPDs, 200 pages with content, a report with
rows, non-empty export files); a measurement whose answer is empty says so in ``"problem"``.
"""

import statistics
import time

from django.contrib.auth import get_user_model
from django.test import Client

from monitoring.report import build_report, export_csv, export_xlsx, previous_quarter
from monitoring.scorecard import build_scorecards


def _time(function, repeat, check):
    """Time ``repeat`` calls; ``check(result)`` returns what is wrong with an answer ("" if nothing)."""
    durations, result, problem = [], None, ""
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        durations.append((time.perf_counter() - start) * 1000)
        problem = check(result)
        if problem:
            break
    return result, durations, problem


def _page_problem(response):
    if response.status_code != 200:
        return f"status {response.status_code}"
    return "" if b"<h1" in response.content or b"<h2" in response.content else "halaman kosong"


def _summary(name, durations, problem="", **extra):
    if problem:
        return {"name": name, "problem": problem, **extra}
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
    cards, durations, problem = _time(build_scorecards, repeat, lambda cards: "" if cards else "tanpa kartu OPD")
    yield _summary("build_scorecards", durations, problem, opds=len(cards))

    user = get_user_model().objects.filter(is_superuser=True, is_active=True).first()
    if user is not None:
        client = Client()
        client.force_login(user)
        for url in ("/admin/pemantauan/", "/admin/pemantauan/laporan/", "/admin/"):
            client.get(url, HTTP_HOST="localhost")
            response, durations, problem = _time(
                lambda url=url: client.get(url, HTTP_HOST="localhost"), repeat, _page_problem
            )
            yield _summary(f"GET {url}", durations, problem, status=response.status_code)

    rows, durations, problem = _time(
        lambda: build_report(period), repeat, lambda rows: "" if rows else "laporan kosong"
    )
    yield _summary("build_report", durations, problem, period=period.label, publications=sum(row.total for row in rows))
    for label, export in (("export XLSX (report + file)", export_xlsx), ("export CSV (report + file)", export_csv)):
        data, durations, problem = _time(
            lambda export=export: export(period, build_report(period)),
            max(3, repeat // 2),
            lambda data: "" if data and len(data) > 100 else "berkas kosong",
        )
        yield _summary(label, durations, problem, bytes=len(data or b""))

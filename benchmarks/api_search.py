"""Timing the public API's ``?search=`` while editors publish: the issue's "under 100 ms" check.

A writer thread publishes a news page again and again (``save_revision().publish()``, as the
admin does, with the index upkeep it triggers) while the main thread asks the API for
``/api/v2/pages/?search=<word>`` through Django's test client (in process, no server; its own
database connection). Reports the median and p95 of the API answers, how many publishes went
through meanwhile and every error either side saw (``database is locked`` would show there).
Each answer is checked: status 200 and at least one item.
"""

import statistics
import threading
import time
from dataclasses import dataclass, field

from django.db import close_old_connections, connection
from django.test import Client

from opd_pages.models import NewsPage

API_URL = "/api/v2/pages/"


@dataclass
class Result:
    query: str
    timings_ms: list = field(default_factory=list)
    publishes: int = 0
    errors: list = field(default_factory=list)
    total_count: int = 0

    @property
    def p50(self):
        return statistics.median(self.timings_ms) if self.timings_ms else float("nan")

    @property
    def p95(self):
        if len(self.timings_ms) < 2:
            return self.p50
        return statistics.quantiles(self.timings_ms, n=20, method="inclusive")[-1]


def publisher(page_id, stop, result):
    """Publish ``page_id`` in a loop until ``stop`` is set (its own database connection)."""
    try:
        while not stop.is_set():
            try:
                page = NewsPage.objects.get(pk=page_id)
                page.lead = f"{page.lead.split(' [')[0]} [{result.publishes}]"
                page.save_revision().publish()
                result.publishes += 1
            except Exception as exc:  # noqa: BLE001 - reported, the benchmark goes on
                result.errors.append(f"terbit: {exc}")
    finally:
        connection.close()


def run(query="pelayanan", repeat=30, with_publish=True, extra=None):
    client = Client()
    params = {"search": query, **(extra or {})}
    client.get(API_URL, params)  # warm caches (templates, content types) as a running site has
    result = Result(query=query)
    stop = threading.Event()
    writer = None
    if with_publish:
        page_id = NewsPage.objects.live().order_by("-pk").values_list("pk", flat=True).first()
        writer = threading.Thread(target=publisher, args=(page_id, stop, result), daemon=True)
        writer.start()
        time.sleep(0.2)
    try:
        for _number in range(repeat):
            started = time.perf_counter()
            response = client.get(API_URL, params)
            elapsed = (time.perf_counter() - started) * 1000
            if response.status_code != 200:
                result.errors.append(f"API {response.status_code}: {response.content[:200]!r}")
                continue
            data = response.json()
            if not data.get("items"):
                result.errors.append("API: jawaban kosong")
                continue
            result.total_count = data["meta"]["total_count"]
            result.timings_ms.append(elapsed)
    finally:
        stop.set()
        if writer is not None:
            writer.join(timeout=60)
        close_old_connections()
    return result

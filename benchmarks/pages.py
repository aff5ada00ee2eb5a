"""Benchmark of the key citizen and editor URLs against a loaded database. Not a test.

Each target is a name and a function returning its URL (or ``None`` when the feature does
not exist yet: the target is skipped with a note), and a check of the answer: every timed
response must be a 200 with the content the target promises (search results, autocomplete
suggestions, the page's own title); the first answer that is not stops that target's timing
and is reported as ``"problem"``. Add a target by appending to ``CITIZEN_TARGETS`` or
``EDITOR_TARGETS``.
"""

import gzip
import http.client
import json
import math
import os
import platform
import socket
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse
from wagtail.models import Page

from benchmarks.wrk import available as wrk_available
from benchmarks.wrk import wrk
from opd_pages.models import NewsIndexPage, NewsPage, OpdHomePage
from opd_teams.models import OpdTeam
from opd_teams.onboarding import adopt_opd

BENCH_EDITOR_USERNAME = "bench-editor"


def has_main_content(body, context):
    return "" if b'id="konten"' in body and b"<h1" in body else "tanpa konten utama"


def has_search_results(body, context):
    return "" if b'class="listing-item search-result' in body else "tanpa hasil pencarian"


def has_suggestions(body, context):
    try:
        suggestions = json.loads(body).get("suggestions")
    except ValueError:
        return "bukan JSON"
    return "" if suggestions else "saran kosong"


def lists_child_pages(body, context):
    """An admin explorer listing with at least one row of pages."""
    return "" if b"<table" in body and b"<tbody" in body and b"</tr>" in body else "tanpa daftar halaman"


def lists_sitemap_urls(body, context):
    return "" if body.count(b"<loc>") >= 2 else "peta situs tanpa alamat"


def lists_feed_items(body, context):
    return "" if b"<item>" in body or b"<entry>" in body else "umpan tanpa butir"


def lists_api_items(body, context):
    try:
        items = json.loads(body).get("items")
    except ValueError:
        return "bukan JSON"
    return "" if items else "API tanpa butir"


def lists_news_cards(body, context):
    if b'id="konten"' not in body or b"<h1" not in body:
        return "tanpa konten utama"
    return "" if b"<article" in body or b"card" in body else "tanpa kartu berita"


def shows_news_title(body, context):
    return "" if context.news.title.encode() in body else "tanpa judul berita"


@dataclass
class Target:
    name: str
    resolve: object  # callable(context) -> str | None
    editor: bool = False
    check: object = has_main_content  # callable(body, context) -> "" or what is wrong


def _url_by_names(names, query=""):
    for name in names:
        try:
            return reverse(name) + query
        except NoReverseMatch:
            continue
    return None


def _page_of_model(label):
    """The URL of the first live page of model ``app_label.ModelName``, if the model exists here."""
    try:
        model = apps.get_model(label)
    except LookupError:
        return None
    page = model.objects.live().first()
    return page.url if page else None


def bench_opd():
    """The OPD with the most news (the first in tree order among equals)."""
    return max(OpdHomePage.objects.live().order_by("path"), key=lambda opd: opd.get_descendants().count())


def ensure_news_archive():
    """The *Semua berita* page (a generated region may lack it): created under the home if missing."""
    from home.models import HomePage, NewsArchivePage

    archive = NewsArchivePage.objects.live().first()
    if archive is None:
        home = HomePage.objects.first()
        if home is None:
            return None
        archive = home.add_child(instance=NewsArchivePage(title="Semua Berita", slug="berita"))
    return archive


class Context:
    """What the targets need: the OPD, its news index and a news item in the middle of it."""

    def __init__(self):
        from opd_pages.models import AnnouncementPage, EventPage

        self.opd = bench_opd()
        self.news_index = NewsIndexPage.objects.child_of(self.opd).get()
        news = NewsPage.objects.child_of(self.news_index).live().order_by("path")
        self.news_count = news.count()
        self.news = news[self.news_count // 2]
        self.news_month = f"{self.news.date:%Y-%m}"
        self.news_tag = self.news.tags.order_by("pk").values_list("slug", flat=True).first() or self.opd.slug
        per_page = getattr(settings, "PORTAL_ITEMS_PER_PAGE", self.news_index.items_per_page)
        self.news_index_last_page = max(1, math.ceil(self.news_count / per_page))
        self.announcement = AnnouncementPage.objects.live().descendant_of(self.opd).order_by("path").first()
        self.event = EventPage.objects.live().descendant_of(self.opd).order_by("path").first()
        self.archive = ensure_news_archive()
        self.api_offset = min(10_000, max(0, NewsPage.objects.live().count() - 10))
        self.client = Client(HTTP_HOST="localhost")

    @property
    def archive_url(self):
        return self.archive.url if self.archive else None

    def archive_query(self, query):
        return f"{self.archive.url}?{query}" if self.archive else None

    @property
    def typed_prefix(self):
        """What a citizen has typed of a word in the news item's title (so there are suggestions)."""
        word = max(self.news.title.split(), key=len)
        return word[:4].lower()


CITIZEN_TARGETS = [
    Target("home", lambda c: "/"),
    Target("semua_berita", lambda c: c.archive_url, check=lists_news_cards),
    Target("semua_berita_page_2", lambda c: c.archive_query("halaman=2"), check=lists_news_cards),
    Target("semua_berita_page_100", lambda c: c.archive_query("halaman=100"), check=lists_news_cards),
    Target("semua_berita_page_8334", lambda c: c.archive_query("halaman=8334"), check=lists_news_cards),
    Target("semua_berita_opd", lambda c: c.archive_query(f"opd={c.opd.slug}"), check=lists_news_cards),
    Target(
        "semua_berita_opd_page_50", lambda c: c.archive_query(f"opd={c.opd.slug}&halaman=50"), check=lists_news_cards
    ),
    Target("semua_berita_month", lambda c: c.archive_query(f"bulan={c.news_month}"), check=lists_news_cards),
    Target("semua_berita_tag", lambda c: c.archive_query(f"label={c.news_tag}"), check=lists_news_cards),
    Target(
        "semua_berita_opd_month_tag",
        lambda c: c.archive_query(f"opd={c.opd.slug}&bulan={c.news_month}&label={c.news_tag}"),
        check=lists_news_cards,
    ),
    Target("opd_home", lambda c: c.opd.url),
    Target("opd_news_index", lambda c: c.news_index.url, check=lists_news_cards),
    Target("opd_news_index_page_100", lambda c: c.news_index.url + "?halaman=100", check=lists_news_cards),
    Target(
        "opd_news_index_last_page",
        lambda c: c.news_index.url + f"?halaman={c.news_index_last_page}",
        check=lists_news_cards,
    ),
    Target("news_page", lambda c: c.news.url),
    Target("announcement_page", lambda c: c.announcement.url if c.announcement else None),
    Target("event_page", lambda c: c.event.url if c.event else None),
    Target("feed_region_news", lambda c: reverse("feed_berita_rss"), check=lists_feed_items),
    Target("feed_opd_news", lambda c: reverse("feed_opd_berita_atom", args=[c.opd.slug]), check=lists_feed_items),
    Target("sitemap_index", lambda c: reverse("sitemap"), check=lists_sitemap_urls),
    Target("sitemap_opd", lambda c: reverse("sitemap_section", args=[c.opd.slug]), check=lists_sitemap_urls),
    Target(
        "sitemap_opd_last_file",
        lambda c: reverse("sitemap_section", args=[c.opd.slug]) + f"?p={sitemap_files(c.opd)}",
        check=lists_sitemap_urls,
    ),
    Target("api_news", lambda c: "/api/v2/pages/?type=opd_pages.NewsPage", check=lists_api_items),
    Target(
        "api_news_deep_offset",
        lambda c: f"/api/v2/pages/?type=opd_pages.NewsPage&offset={c.api_offset}",
        check=lists_api_items,
    ),
    Target("search_rare_word", lambda c: reverse("search") + "?q=zamrud", check=has_search_results),
    Target("search_common_word", lambda c: reverse("search") + "?q=warga", check=has_search_results),
    Target("search_two_words", lambda c: reverse("search") + "?q=pelayanan+kesehatan", check=has_search_results),
    Target("search_facet_opd", lambda c: reverse("search") + f"?q=warga&opd={c.opd.slug}", check=has_search_results),
    Target("search_facet_kind", lambda c: reverse("search") + "?q=warga&jenis=berita", check=has_search_results),
    Target("search_page_5", lambda c: reverse("search") + "?q=warga&halaman=5", check=has_search_results),
    Target(
        "search_autocomplete",
        lambda c: _url_by_names(["search_autocomplete", "search:autocomplete", "autocomplete"], f"?q={c.typed_prefix}"),
        check=has_suggestions,
    ),
]

EDITOR_TARGETS = [
    Target(
        "admin_explorer_opd",
        lambda c: reverse("wagtailadmin_explore", args=[c.opd.pk]),
        editor=True,
        check=lists_child_pages,
    ),
    Target(
        "admin_explorer_news",
        lambda c: reverse("wagtailadmin_explore", args=[c.news_index.pk]),
        editor=True,
        check=lists_child_pages,
    ),
    Target(
        "admin_edit_news",
        lambda c: reverse("wagtailadmin_pages:edit", args=[c.news.pk]),
        editor=True,
        check=shows_news_title,
    ),
]


def sitemap_files(opd):
    """How many files the OPD's sitemap section has (its last ``?p=``)."""
    try:
        from seo.sitemaps import SITEMAP_LIMIT
    except ImportError:  # a release before sitemaps were split in files: one file per section
        SITEMAP_LIMIT = 50_000  # noqa: N806

    pages = opd.get_descendants(inclusive=True).live().public().count()
    return max(1, math.ceil(pages / SITEMAP_LIMIT))


def bench_editor(opd):
    """An admin of ``opd``'s team (the OPD is onboarded first if it has no team); created once, reused."""
    team = OpdTeam.objects.filter(opd=opd).first()
    if team is None:
        team = adopt_opd(opd, [f"bench.admin@{opd.slug}.go.id", f"bench.admin2@{opd.slug}.go.id"]).team
    user, _ = get_user_model().objects.get_or_create(
        username=BENCH_EDITOR_USERNAME, defaults={"first_name": "Editor", "last_name": "Bench"}
    )
    user.groups.set([team.admin_group])
    return user


def login_with_second_factor(client, user):
    """Log ``user`` in as after the password and an authenticator code (the admin requires both)."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device, _ = TOTPDevice.objects.get_or_create(user=user, name="bench", defaults={"confirmed": True})
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def _body(response):
    return b"".join(response) if response.streaming else response.content


def answer_problem(response, check, context):
    if response.status_code != 200:
        return f"status {response.status_code}"
    return check(_body(response), context) if check else ""


def measure(client, url, requests=30, warmup=3, check=None, context=None):
    """Time ``requests`` GETs of ``url`` after ``warmup`` ones; count the SQL queries of one more.

    Every answer (warm-up, timed and the counted one) goes through ``check``; the first bad one
    ends the measurement with ``{"status": ..., "problem": ...}`` and no timings.
    """
    for _ in range(warmup):
        response = client.get(url)
        problem = answer_problem(response, check, context)
        if problem:
            return {"status": response.status_code, "problem": problem}
    timings = []
    for _ in range(requests):
        started = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
        problem = answer_problem(response, check, context)
        if problem:
            return {"status": response.status_code, "problem": problem}
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    problem = answer_problem(response, check, context)
    if problem:
        return {"status": response.status_code, "problem": problem}
    body = _body(response)
    return {
        "status": response.status_code,
        "queries": len(queries),
        "median_ms": round(statistics.median(timings), 1),
        "p95_ms": round(percentile(timings, 0.95), 1),
        "requests": requests,
        "bytes": len(body),
        "gzip_bytes": len(gzip.compress(body, compresslevel=6)),
    }


def machine():
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as cpuinfo:
            cpu = next(line.split(":", 1)[1].strip() for line in cpuinfo if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    return {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "host": socket.gethostname(),
        "cpu": cpu,
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "load_average_1m": round(os.getloadavg()[0], 2),
        "database": f"{connection.vendor} {connection.settings_dict.get('NAME')}",
        "search_backend": settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"],
        "pages": Page.objects.count(),
        "news_pages": NewsPage.objects.count(),
    }


def run_url_bench(emit, requests=30, warmup=3, only=None):
    """Emit one result dict per target (or a skip note)."""
    context = Context()
    editor_client = Client(HTTP_HOST="localhost")
    login_with_second_factor(editor_client, bench_editor(context.opd))
    for target in CITIZEN_TARGETS + EDITOR_TARGETS:
        if only and target.name not in only:
            continue
        url = target.resolve(context)
        if url is None:
            emit({"name": target.name, "skipped": "halaman atau URL ini tidak ada di basis data ini"})
            continue
        client = editor_client if target.editor else context.client
        result = measure(client, url, requests=requests, warmup=warmup, check=target.check, context=context)
        emit({"name": target.name, "url": url, **result})
    return context


#: What the issue asks of every public page: at 100,000 pages within this factor of its time on
#: a small region, and at most this many milliseconds (median, uncached).
RATIO_GOAL = 1.5
MEDIAN_GOAL_MS = 50


def read_results(path):
    """The results of one ``bench`` run (JSON lines), the last line per name wins."""
    results = []
    for line in path.read_text().splitlines():
        if line.strip():
            results.append(json.loads(line))
    return results


def ratio_table(baseline, result):
    """A Markdown table: per URL, the baseline's and this run's median and queries, and the ratio."""
    before = {item["name"]: item for item in baseline if "median_ms" in item or "problem" in item}
    small = next((item.get("pages") for item in baseline if item.get("name") == "machine"), "?")
    large = next((item.get("pages") for item in result if item.get("name") == "machine"), "?")
    lines = [
        f"| URL | {small} halaman: median ms (query) | {large} halaman: median ms (query) | rasio | "
        f"≤ {RATIO_GOAL}× | ≤ {MEDIAN_GOAL_MS} ms |",
        "|---|---|---|---|---|---|",
    ]
    for item in result:
        if "median_ms" not in item and "problem" not in item:
            continue
        name = item["name"]
        old = before.get(name, {})

        def cell(entry):
            if "problem" in entry:
                return f"masalah: {entry['problem']}"
            return f"{entry['median_ms']} ({entry['queries']})" if "median_ms" in entry else "–"

        ratio = round(item["median_ms"] / old["median_ms"], 2) if "median_ms" in item and old.get("median_ms") else None
        ratio_ok = "ya" if ratio is not None and ratio <= RATIO_GOAL else ("–" if ratio is None else "**tidak**")
        median_ok = "ya" if item.get("median_ms", 1e9) <= MEDIAN_GOAL_MS else "**tidak**"
        lines.append(
            f"| {name} | {cell(old)} | {cell(item)} | {ratio if ratio is not None else '–'} | "
            f"{ratio_ok} | {median_ok} |"
        )
    return "\n".join(lines) + "\n"


def _wait_for_port(port, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return True
        except OSError:
            time.sleep(0.2)
    return False


LOAD_HEADERS = {"Host": "localhost", "Accept-Encoding": "gzip"}


def load(port, path, seconds=10.0, concurrency=4):
    """A small bounded load generator: ``concurrency`` threads GET ``path`` for ``seconds``."""
    timings, errors = [], []
    deadline = time.monotonic() + seconds

    def worker():
        while time.monotonic() < deadline:
            started = time.perf_counter()
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
                conn.request("GET", path, headers=LOAD_HEADERS)
                response = conn.getresponse()
                body = response.read()
                conn.close()
                if response.status != 200:
                    errors.append(response.status)
                    continue
                if response.getheader("Content-Encoding") == "gzip":
                    body = gzip.decompress(body)
                if b"<h1" not in body:  # a timed answer must be the page, not an empty or error body
                    errors.append("tanpa konten")
                    continue
            except OSError as exc:
                errors.append(str(exc))
                continue
            timings.append((time.perf_counter() - started) * 1000)

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    return {
        "requests": len(timings),
        "errors": len(errors),
        "requests_per_second": round(len(timings) / elapsed, 1),
        "median_ms": round(statistics.median(timings), 1) if timings else None,
        "p95_ms": round(percentile(timings, 0.95), 1) if timings else None,
        "concurrency": concurrency,
        "seconds": seconds,
    }


def run_throughput(emit, paths, port=8017, seconds=10.0, concurrency=4, workers=2):
    """Serve with gunicorn (``workers`` sync workers on loopback), without then with a page cache."""
    for cached in (False, True):
        env = {**os.environ, "PORTAL_BENCH_PAGE_CACHE": "1" if cached else "0"}
        command = [
            sys.executable,
            "-m",
            "gunicorn",
            "portal.wsgi",
            "--workers",
            str(workers),
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ]
        server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            if not _wait_for_port(port):
                emit({"name": "throughput", "error": f"gunicorn tidak menjawab di port {port}"})
                continue
            for name, path in paths:
                for _ in range(10):  # warm up every worker; each answer is checked for content
                    checked = load(port, path, seconds=0.2, concurrency=workers)
                if checked["errors"] or not checked["requests"]:
                    emit({"name": f"throughput_{name}", "path": path, "problem": "jawaban tanpa konten", **checked})
                    continue
                if wrk_available():
                    # wrk (C, two threads) leaves the CPU to the server; the Python generator took a core.
                    result = wrk(port, path, seconds, max(concurrency, 16), headers=LOAD_HEADERS)
                    result = {"tool": "wrk", "requests_per_second": result["rps"], **result}
                else:
                    result = {"tool": "python", **load(port, path, seconds=seconds, concurrency=concurrency)}
                emit({"name": f"throughput_{name}", "path": path, "page_cache": cached, "workers": workers, **result})
        finally:
            server.terminate()
            server.wait(timeout=30)

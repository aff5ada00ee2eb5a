"""Integrity checks for Diskominfo's cron.

* :func:`build_manifest` / :func:`compare_manifest`: every installed template and static file
  of the portal (its own apps, ``templates/``, ``static/``, and ``STATIC_ROOT`` when collected)
  with its SHA-256, written at release time and compared later: changed, missing and added
  files are reported (a defaced template, a dropped web shell).
* :func:`find_cloaking`: public pages fetched as a search-engine crawler and as a browser; a
  page that differs (the classic judi-online injection shows spam only to Googlebot) is reported.
"""

import difflib
import hashlib
import json
import re
from pathlib import Path
from urllib.request import Request, urlopen

from django.apps import apps
from django.conf import settings

CRAWLER_AGENT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"
BROWSER_AGENT = (
    "Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36"
)
VOLATILE = re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"|nonce="[^"]*"|<time[^>]*>[^<]*</time>')


def _roots():
    base = Path(settings.BASE_DIR).resolve()
    roots = [Path(d) for t in settings.TEMPLATES for d in t.get("DIRS", [])]
    roots += [Path(d) for d in settings.STATICFILES_DIRS]
    for config in apps.get_app_configs():
        app_path = Path(config.path).resolve()
        if base in app_path.parents:  # the portal's own apps; libraries are pinned by requirements.txt
            roots += [app_path / "templates", app_path / "static"]
    static_root = getattr(settings, "STATIC_ROOT", None)
    if static_root and Path(static_root).is_dir():
        roots.append(Path(static_root))
    return base, [r for r in roots if r.is_dir()]


def build_manifest():
    """{relative path: sha256} of every installed template and static file."""
    base, roots = _roots()
    manifest = {}
    for root in roots:
        for path in sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
            resolved = path.resolve()
            key = str(resolved.relative_to(base)) if base in resolved.parents else str(resolved)
            manifest[key] = hashlib.sha256(resolved.read_bytes()).hexdigest()
    return manifest


def write_manifest(path):
    manifest = build_manifest()
    Path(path).write_text(json.dumps(manifest, indent=1, sort_keys=True), "utf-8")
    return manifest


def compare_manifest(expected, current=None):
    """(changed, missing, added) file lists."""
    current = build_manifest() if current is None else current
    changed = sorted(k for k in expected.keys() & current.keys() if expected[k] != current[k])
    missing = sorted(expected.keys() - current.keys())
    added = sorted(current.keys() - expected.keys())
    return changed, missing, added


def _normalise(html):
    return VOLATILE.sub("", html)


def fetch_in_process(path, agent):
    from django.test import Client

    client = Client(HTTP_USER_AGENT=agent, raise_request_exception=False)
    response = client.get(path, secure=getattr(settings, "SECURE_SSL_REDIRECT", False))
    return response.status_code, response.content.decode("utf-8", "replace")


def fetch_over_http(base_url):
    def fetch(path, agent):
        request = Request(base_url.rstrip("/") + path, headers={"User-Agent": agent})
        with urlopen(request, timeout=20) as response:  # noqa: S310 - Diskominfo's own site
            return response.status, response.read().decode("utf-8", "replace")

    return fetch


def public_paths(limit=30):
    from opd_pages.models import NewsPage, OpdHomePage

    paths = ["/", "/cari/", "/sitemap.xml", "/robots.txt"]
    paths += [page.url for page in OpdHomePage.objects.live().public()[:limit] if page.url]
    paths += [page.url for page in NewsPage.objects.live().public().order_by("-first_published_at")[:limit] if page.url]
    return list(dict.fromkeys(paths))


def find_cloaking(paths=None, fetch=fetch_in_process):
    """[(path, summary of the difference)] for pages a crawler and a browser see differently."""
    differences = []
    for path in paths if paths is not None else public_paths():
        crawler_status, crawler_body = fetch(path, CRAWLER_AGENT)
        browser_status, browser_body = fetch(path, BROWSER_AGENT)
        if crawler_status != browser_status:
            differences.append((path, f"status {crawler_status} (crawler) vs {browser_status} (browser)"))
            continue
        crawler_text, browser_text = _normalise(crawler_body), _normalise(browser_body)
        if crawler_text != browser_text:
            diff = [
                line
                for line in difflib.unified_diff(browser_text.splitlines(), crawler_text.splitlines(), lineterm="", n=0)
                if line.startswith(("+", "-")) and not line.startswith(("+++", "---"))
            ]
            differences.append((path, " | ".join(diff[:6])[:500]))
    return differences

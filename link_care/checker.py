"""The broken-link check of one OPD's pages: bounded and polite.

Links are read from the body of every live page of the OPD (rich text ``href``s, links to pages
and documents inside the portal, URLs in blocks). Internal links are checked in the database
(the page or document exists and is live); external ``http(s)`` links by HTTP:

* at most ``max_links`` distinct links per OPD and run (the rest wait for the next run),
* a ``timeout`` per request,
* at least ``host_delay`` seconds between two requests to the same host,
* ``HEAD`` first, then ``GET`` when the server refuses ``HEAD`` (or fails it),
* a User-Agent naming the portal and where to reach its operator.

Each run replaces the OPD's results with what it found (:class:`link_care.models.LinkResult`).
"""

import json
import re
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.urls import Resolver404, resolve
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Page, Site

from .models import LinkResult

DEFAULT_MAX_LINKS = 200
DEFAULT_TIMEOUT = 10
DEFAULT_HOST_DELAY = 1.0

HREF = re.compile(r"""<a\b[^>]*?\bhref=["']([^"']+)["']""", re.IGNORECASE)
PAGE_LINK = re.compile(r"""<a\b[^>]*?\blinktype=["']page["'][^>]*?\bid=["'](\d+)["']""", re.IGNORECASE)
DOCUMENT_LINK = re.compile(r"""<a\b[^>]*?\blinktype=["']document["'][^>]*?\bid=["'](\d+)["']""", re.IGNORECASE)
BARE_URL = re.compile(r"""^https?://[^\s"'<>]+$""", re.IGNORECASE)


def user_agent():
    base = getattr(settings, "WAGTAILADMIN_BASE_URL", "") or ""
    return f"PortalPemda-LinkCheck/1.0 (+{base.rstrip('/')}/)"


@dataclass(frozen=True)
class Link:
    """A link as found in a page: ``kind`` is "url", "page" or "document"."""

    kind: str
    target: str

    @property
    def label(self):
        if self.kind == "page":
            return f"halaman #{self.target}"
        if self.kind == "document":
            return f"dokumen #{self.target}"
        return self.target


@dataclass
class Outcome:
    ok: bool
    status_code: int | None = None
    error: str = ""


@dataclass
class OpdRun:
    opd: object
    checked: int = 0
    broken: int = 0
    skipped: int = 0  # links beyond max_links, left for the next run
    results: list = field(default_factory=list)


def _strings(value):
    """Every string inside a StreamField's raw JSON value."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)


def links_in_body(raw_data):
    """The links of a body (StreamField raw data), in order, each once."""
    found = []
    for text in _strings(raw_data):
        found += [Link("page", pk) for pk in PAGE_LINK.findall(text)]
        found += [Link("document", pk) for pk in DOCUMENT_LINK.findall(text)]
        found += [Link("url", href.strip()) for href in HREF.findall(text)]
        if BARE_URL.match(text.strip()):
            found.append(Link("url", text.strip()))
    seen, unique = set(), []
    for link in found:
        if link.kind == "url" and not link.target.lower().startswith(("http://", "https://", "/")):
            continue  # mailto:, tel:, #anchors
        if link not in seen:
            seen.add(link)
            unique.append(link)
    return unique


def pages_with_links(opd):
    """(page, links) for every live page of the OPD's subtree that has a body."""
    pages = Page.objects.live().descendant_of(opd, inclusive=True).order_by("path").specific(defer=False)
    for page in pages:
        body = getattr(page, "body", None)
        raw = getattr(body, "raw_data", None)
        if raw is None:
            continue
        links = links_in_body(list(raw))
        if links:
            yield page, links


class HttpChecker:
    """Checks external URLs; remembers when it last asked each host to keep ``host_delay`` between requests."""

    def __init__(self, timeout=DEFAULT_TIMEOUT, host_delay=DEFAULT_HOST_DELAY, sleep=time.sleep, clock=time.monotonic):
        self.timeout, self.host_delay, self.sleep, self.clock = timeout, host_delay, sleep, clock
        self.last_request = {}

    def _wait_for(self, host):
        last = self.last_request.get(host)
        if last is not None:
            waited = self.clock() - last
            if waited < self.host_delay:
                self.sleep(self.host_delay - waited)
        self.last_request[host] = self.clock()

    def _request(self, url, method):
        self._wait_for(urlsplit(url).netloc.lower())
        request = urllib.request.Request(url, method=method, headers={"User-Agent": user_agent(), "Accept": "*/*"})
        with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310 - http(s) only
            if method == "GET":
                response.read(1024)
            return response.status

    def check(self, url):
        if urlsplit(url).scheme.lower() not in ("http", "https"):
            return Outcome(False, error="skema tidak didukung")
        outcome = None
        for method in ("HEAD", "GET"):
            try:
                status = self._request(url, method)
            except urllib.error.HTTPError as error:
                outcome = Outcome(False, status_code=error.code)
                if method == "HEAD" and error.code not in (404, 410):
                    continue  # many servers refuse HEAD (405, 403, 501): ask again with GET
                return outcome
            except (urllib.error.URLError, TimeoutError, OSError, ValueError) as error:
                reason = getattr(error, "reason", error)
                outcome = Outcome(False, error=f"{type(reason).__name__}: {reason}"[:255])
                continue
            return Outcome(status < 400, status_code=status)
        return outcome


def check_internal(link, site):
    """(Outcome) for a link inside the portal: a page or document id, or a path on the site."""
    if link.kind == "page":
        ok = Page.objects.live().filter(pk=link.target).exists()
        return Outcome(ok, error="" if ok else "halaman tidak ada atau tidak terbit")
    if link.kind == "document":
        ok = get_document_model().objects.filter(pk=link.target).exists()
        return Outcome(ok, error="" if ok else "dokumen tidak ada")
    path = urlsplit(link.target).path or "/"
    try:
        match = resolve(path)
    except Resolver404:
        return Outcome(False, status_code=404)
    if match.url_name != "wagtail_serve":
        return Outcome(True)  # another view of the portal (search, pengaduan, media …)
    if site is None:
        return Outcome(True)
    url_path = site.root_page.url_path + path.lstrip("/")
    if not url_path.endswith("/"):
        url_path += "/"
    ok = Page.objects.live().filter(url_path=url_path).exists()
    return Outcome(ok, status_code=None if ok else 404)


def check_opd(opd, *, max_links=None, http=None, now=None):
    """Check the links of ``opd``'s pages and replace its stored results; returns an :class:`OpdRun`."""
    max_links = max_links or int(getattr(settings, "PORTAL_LINK_CHECK_MAX_LINKS", DEFAULT_MAX_LINKS))
    http = http or HttpChecker(
        timeout=float(getattr(settings, "PORTAL_LINK_CHECK_TIMEOUT", DEFAULT_TIMEOUT)),
        host_delay=float(getattr(settings, "PORTAL_LINK_CHECK_HOST_DELAY", DEFAULT_HOST_DELAY)),
    )
    now = now or timezone.now()
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    run = OpdRun(opd=opd)
    outcomes = {}
    for page, links in pages_with_links(opd):
        for link in links:
            if link not in outcomes:
                if len(outcomes) >= max_links:
                    run.skipped += 1
                    continue
                if link.kind == "url" and not link.target.startswith("/"):
                    outcomes[link] = http.check(link.target)
                else:
                    outcomes[link] = check_internal(link, site)
            outcome = outcomes[link]
            run.results.append(
                LinkResult(
                    opd=opd,
                    page=page,
                    url=link.label[:2000],
                    internal=link.kind != "url" or link.target.startswith("/"),
                    ok=outcome.ok,
                    status_code=outcome.status_code,
                    error=outcome.error[:255],
                    checked_at=now,
                )
            )
    run.checked = len(outcomes)
    run.broken = sum(1 for result in run.results if not result.ok)
    with transaction.atomic():
        LinkResult.objects.filter(opd=opd).delete()
        LinkResult.objects.bulk_create(run.results)
    return run


def summary(results):
    """JSON-friendly summary of several runs, for the command's output."""
    return json.dumps(
        {run.opd.acronym: {"checked": run.checked, "broken": run.broken, "skipped": run.skipped} for run in results}
    )

"""Import one OPD's WordPress export: posts → news, pages → profile pages, attachments → media.

The export is read three times, each time streamed (see :mod:`.wxr`), so memory depends on
the number of items (a small summary each), never on the size of their content:

1. **scan**: a summary of every item (type, status, slug, old URL, parent), for link
   rewriting, page hierarchy and progress;
2. **import**: attachments first (from the local uploads copy, or with ``fetch_missing`` from
   their URL on an allow-listed host, see :mod:`.fetch`), then posts in file order, then pages
   parents first (WXR order is arbitrary: the pages are spooled to a temporary file and taken
   in topological order of ``post_parent``); every item in its own savepoint, so one bad item
   is reported and never stops the run;
3. **links**: items whose content linked to an item imported after them are converted
   again now that the target exists.

Pages keep their hierarchy: a page goes under the profile page its WordPress parent became.
A page whose parent is missing from the export, not imported (trash), quarantined as spam or
part of a ``post_parent`` cycle goes under the OPD home and is reported (``orphan_pages``). A
newer export that gives a page another parent moves it, with its subtree.

Every item is keyed by (OPD, WordPress id) in :class:`~.models.ImportedItem` with a
fingerprint of its exported fields: the same export again changes nothing; a newer export
adds new items and updates changed ones. Each post and page passes the spam gate; a hit is
kept as a draft and listed in the quarantine with its reason. Old URLs are redirected
(:mod:`.redirects`). With ``dry_run`` nothing is written and the report says what would be.
"""

import dataclasses
import datetime
import hashlib
import json
import logging
import pickle
import re
import tempfile
import zoneinfo
from types import SimpleNamespace
from urllib.parse import parse_qs, unquote, urlsplit

from django.conf import settings
from django.core.files import File
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from opd_pages.models import NewsIndexPage, NewsPage, ProfilePage
from opd_pages.models.profile import ProfileType
from opd_teams.models import OpdTeam

from . import gates
from .content import Link, convert_body, plain_text, shorten
from .fetch import RemoteFetcher
from .models import ImportedItem
from .redirects import RedirectPlanner
from .uploads import UploadsSource, relative_upload_path
from .wxr import WxrSite, read_export

logger = logging.getLogger("portal.wordpress_import")

#: Bump when the conversion changes, so a re-run updates earlier imports.
CONVERTER_VERSION = "2"  # 2: pages nest; no Subhalaman paragraph in the body
IMPORTED_TYPES = {"post", "page", "attachment"}
SKIPPED_TYPES = {"nav_menu_item", "revision", "custom_css", "customize_changeset", "oembed_cache", "wp_block",
                 "wp_template", "wp_template_part", "wp_global_styles", "wp_navigation", "user_request"}  # fmt: skip
NEVER_IMPORTED_STATUSES = {"trash", "auto-draft"}
LEAD_LENGTH = 400
UNCATEGORISED = {"uncategorized", "tak-berkategori", "tidak-berkategori"}


class ImportError_(Exception):
    """The import cannot start; the message is for the operator (Bahasa Indonesia)."""


WordpressImportError = ImportError_


@dataclasses.dataclass
class Summary:
    wp_id: int
    post_type: str
    status: str
    slug: str
    link: str
    parent_id: int
    date: str
    title: str
    upload_path: str = ""
    menu_order: int = 0
    publishable: bool = False
    plan: str = ""


def fingerprint(item):
    fields = dataclasses.asdict(item)
    fields.pop("comment_count", None)
    fields["converter"] = CONVERTER_VERSION
    return hashlib.sha256(json.dumps(fields, sort_keys=True, default=str).encode()).hexdigest()


def parse_wp_datetime(value, zone):
    """A WordPress date ("2024-03-05 09:30:00") as an aware datetime, or ``None`` for "0000-00-00…"."""
    try:
        moment = datetime.datetime.strptime((value or "").strip(), "%Y-%m-%d %H:%M:%S")
    except ValueError:
        return None
    return moment.replace(tzinfo=zone)


def publication_plan(item):
    """What becomes of the item: "publish", "schedule", "draft", "private" or "skip"."""
    if item.status in NEVER_IMPORTED_STATUSES:
        return "skip"
    if item.password or item.status == "private":
        return "private"
    if item.status == "publish":
        return "publish"
    if item.status == "future":
        return "schedule"
    return "draft"


def empty_report(opd, dry_run):
    return {
        "opd": opd.acronym,
        "dry_run": dry_run,
        "site": "",
        "wxr_version": "",
        "counts": {kind: {"created": 0, "updated": 0, "unchanged": 0} for kind in ("post", "page", "attachment")},
        "published": 0,
        "scheduled": 0,
        "drafts": 0,
        "private": 0,
        "moderation": 0,
        "skipped": {},
        "quarantined": [],
        "missing_media": [],
        "refused_media": [],
        "fetched_media": 0,
        "orphan_pages": [],
        "pages_moved": 0,
        "redirects": {"created": 0, "updated": 0, "unchanged": 0},
        "shortcodes": {},
        "links_rewritten": 0,
        "links_dropped": 0,
        "images_dropped": 0,
        "invalid_bytes": 0,
        "errors": [],
    }


DRY_RUN_IMAGE = SimpleNamespace(pk=0, title="")


class Resolver:
    """Points links and images of old content at what the import made of them."""

    def __init__(self, importer):
        self.importer = importer

    def image(self, attachment_id, src):
        importer = self.importer
        item = importer.items.get(attachment_id) if attachment_id else None
        if item is None and src:
            wp_id = importer.attachment_by_path.get(importer.upload_key(src))
            item = importer.items.get(wp_id) if wp_id else None
        if item is not None and item.image_id:
            return item.image
        if importer.dry_run:
            wp_id = (
                attachment_id
                if attachment_id in importer.index
                else importer.attachment_by_path.get(importer.upload_key(src))
                if src
                else None
            )
            if wp_id is not None and importer.index[wp_id].post_type == "attachment":
                return DRY_RUN_IMAGE  # would be imported; nothing is written in a dry run
        return None

    def link(self, href):
        importer = self.importer
        parts = urlsplit(href)
        if parts.scheme in {"mailto", "tel"}:
            return Link("url", href)
        if parts.scheme not in {"", "http", "https"}:
            return Link("drop")
        if parts.netloc and parts.netloc.lower() not in importer.old_hosts:
            return Link("url", href)
        wp_id = importer.wp_id_for_url(href)
        if wp_id is None:
            return Link("drop") if parts.path.strip("/") or parts.query else Link("page", importer.opd.pk)
        item = importer.items.get(wp_id)
        if item is not None:
            if item.page_id:
                return Link("page", item.page_id)
            if item.document_id:
                return Link("document", item.document_id)
            if item.image_id:
                return Link("url", item.image.file.url)
        summary = importer.index.get(wp_id)
        if summary is not None and summary.publishable and summary.post_type != "attachment":
            return Link("pending", wp_id)
        return Link("drop")


class WordpressImporter:
    def __init__(
        self,
        opd,
        export_path,
        *,
        uploads=None,
        dry_run=False,
        moderate=False,
        user=None,
        run=None,
        progress=None,
        old_host=None,
        fetch_missing=False,
        fetch_hosts=(),
    ):
        self.opd = opd
        self.export_path = export_path
        self.uploads = UploadsSource(uploads)
        self.dry_run = dry_run
        self.moderate = moderate
        self.user = user
        self.run_record = run
        self.progress = progress
        self.zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
        self.report = empty_report(opd, dry_run)
        self.site = WxrSite()
        self.index = {}
        self.url_map = {}
        self.attachment_by_path = {}
        self.slug_map = {}
        self.old_hosts = {old_host.lower()} if old_host else set()
        self.fetch_missing = fetch_missing
        self.fetch_hosts = [host for host in fetch_hosts if host]
        self.fetcher = None
        self.page_parents = {}  # page wp id → its parent page's wp id (None: under the OPD home)
        self.orphans = {}  # page wp id → why it is not under its WordPress parent
        self.page_order = []
        self.quarantined_ids = set()
        self.placed = set()
        self.base_path = ""
        self.items = {}
        self.done = 0
        self.total = 0

    # ---- helpers -------------------------------------------------------------------------
    def count(self, key, amount=1):
        self.report[key] = self.report.get(key, 0) + amount

    def skip(self, reason):
        self.report["skipped"][reason] = self.report["skipped"].get(reason, 0) + 1

    def old_path(self, url):
        """The path of an old URL relative to the old site's root, e.g. ``/2024/03/slug/``."""
        path = unquote(urlsplit(url).path) or "/"
        if self.base_path and path.startswith(self.base_path):
            path = path[len(self.base_path) :] or "/"
        return "/" + path.strip("/") + ("/" if path.strip("/") else "")

    def upload_key(self, url):
        """Attachment key of an upload URL; WordPress' resized copies (``-300x200``) map to the original."""

        path = relative_upload_path(url=url)
        return re.sub(r"-\d+x\d+(?=\.[A-Za-z0-9]+$)", "", path).lower()

    def wp_id_for_url(self, href):
        parts = urlsplit(href)
        query = parse_qs(parts.query)
        for key in ("p", "page_id", "attachment_id"):
            value = (query.get(key) or [""])[0]
            if value.isdigit():
                return int(value)
        path = self.old_path(href)
        if "/uploads/" in path:
            return self.attachment_by_path.get(self.upload_key(href))
        if path in self.url_map:
            return self.url_map[path]
        # Another permalink structure than the export's (/slug/, /2024/03/slug/): the slug decides.
        return self.slug_map.get(path.rstrip("/").rsplit("/", 1)[-1])

    def tick(self):
        self.done += 1
        if self.progress:
            self.progress(self.done, self.total)
        if self.run_record is not None and (self.done % 10 == 0 or self.done == self.total):
            type(self.run_record).objects.filter(pk=self.run_record.pk).update(processed=self.done, total=self.total)

    def open_export(self):
        return open(self.export_path, "rb")  # noqa: SIM115 - closed by the caller's with-block

    # ---- pass 1: scan --------------------------------------------------------------------
    def scan(self):
        with self.open_export() as export:
            for item in read_export(export, self.site):
                if item.post_type not in IMPORTED_TYPES:
                    reason = "nav_menu_item" if item.post_type == "nav_menu_item" else item.post_type
                    self.skip(reason if item.post_type in SKIPPED_TYPES else "other_types")
                    continue
                self.report.setdefault("comments_skipped", 0)
                self.report["comments_skipped"] += item.comment_count
                plan = publication_plan(item) if item.post_type != "attachment" else "publish"
                summary = Summary(
                    wp_id=item.wp_id,
                    post_type=item.post_type,
                    status=item.status,
                    slug=unquote(item.slug),
                    link=item.link,
                    parent_id=item.parent_id,
                    date=item.date,
                    title=item.title,
                    menu_order=item.menu_order,
                    publishable=plan != "skip",
                    plan=plan,
                )
                if item.post_type == "attachment":
                    summary.upload_path = relative_upload_path(item.attached_file, item.attachment_url)
                self.index[item.wp_id] = summary
        site = self.site
        self.report["site"] = site.title
        self.report["wxr_version"] = site.wxr_version
        self.report["invalid_bytes"] = getattr(site, "replaced_bytes", 0)
        for url in (site.base_site_url, site.base_blog_url, site.link):
            if url:
                self.old_hosts.add(urlsplit(url).netloc.lower())
        self.old_hosts.discard("")
        base = site.base_blog_url or site.link or site.base_site_url
        self.base_path = urlsplit(base).path.rstrip("/") if base else ""
        for summary in self.index.values():
            if summary.link:
                self.url_map.setdefault(self.old_path(summary.link), summary.wp_id)
            if summary.post_type == "attachment" and summary.upload_path:
                self.attachment_by_path[summary.upload_path.lower()] = summary.wp_id
            if summary.slug and summary.post_type != "attachment":
                self.slug_map.setdefault(summary.slug, summary.wp_id)
        self.total = sum(1 for summary in self.index.values())
        self.plan_hierarchy()
        if self.fetch_missing:
            export_hosts = [urlsplit(url).hostname for url in (site.base_site_url, site.base_blog_url) if url]
            self.fetcher = RemoteFetcher(
                default_hosts=export_hosts,
                explicit_hosts=list(getattr(settings, "PORTAL_WORDPRESS_FETCH_HOSTS", [])) + self.fetch_hosts,
            )

    def plan_hierarchy(self):
        """Each page's parent page (by WordPress id) and the order that imports parents first."""
        pages = {wp_id: summary for wp_id, summary in self.index.items() if summary.post_type == "page"}
        for wp_id, summary in pages.items():
            parent = self.index.get(summary.parent_id) if summary.parent_id else None
            if not summary.parent_id:
                self.page_parents[wp_id] = None
            elif parent is None or parent.post_type != "page":
                self.page_parents[wp_id] = None
                self.orphans[wp_id] = _("induknya (#%(id)d) tidak ada di ekspor") % {"id": summary.parent_id}
            elif parent.plan == "skip":
                self.page_parents[wp_id] = None
                self.orphans[wp_id] = _("induknya (#%(id)d) tidak diimpor") % {"id": summary.parent_id}
            else:
                self.page_parents[wp_id] = summary.parent_id
        for wp_id in pages:
            walk, current = [], wp_id
            while current is not None and current not in walk:
                walk.append(current)
                current = self.page_parents.get(current)
            if current is not None:  # back on the walk: a post_parent cycle, its members go under the OPD home
                for member in walk[walk.index(current) :]:
                    self.page_parents[member] = None
                    self.orphans[member] = _("induknya membentuk lingkaran")
        depth = {wp_id: self.depth_of(wp_id) for wp_id in pages}
        self.page_order = sorted(pages, key=lambda wp_id: (depth[wp_id], pages[wp_id].menu_order, wp_id))

    def depth_of(self, wp_id):
        depth, current, seen = 0, self.page_parents.get(wp_id), {wp_id}
        while current is not None and current not in seen:
            seen.add(current)
            depth += 1
            current = self.page_parents.get(current)
        return depth

    # ---- pass 2: import ------------------------------------------------------------------
    def run(self):
        try:
            team = OpdTeam.objects.filter(opd=self.opd).select_related("collection").first()
            if team is None:
                raise WordpressImportError(
                    _("OPD %(opd)s belum punya tim; jalankan onboarding dulu.") % {"opd": self.opd.acronym}
                )
            self.collection = team.collection
            self.news_index = NewsIndexPage.objects.child_of(self.opd).first()
            if self.news_index is None:
                raise WordpressImportError(_("OPD %(opd)s tidak punya halaman Berita.") % {"opd": self.opd.acronym})
            self.scan()
            self.items = {
                item.wp_id: item
                for item in ImportedItem.objects.filter(opd=self.opd).select_related("page", "image", "document")
            }
            pending = {}
            with self.open_export() as export:
                for item in read_export(export):
                    if item.post_type == "attachment":
                        self.guarded(item, self.import_attachment)
            with self.open_export() as export, tempfile.TemporaryFile() as spool:
                offsets = {}
                for item in read_export(export):
                    if item.post_type == "post":
                        waiting = self.guarded(item, self.import_entry)
                        if waiting:
                            pending[item.wp_id] = waiting
                    elif item.post_type == "page":
                        # Pages wait on disk (memory stays flat) until every post is in.
                        offsets[item.wp_id] = spool.tell()
                        pickle.dump(item, spool, protocol=pickle.HIGHEST_PROTOCOL)
                for wp_id in self.page_order:
                    if wp_id not in offsets:
                        continue
                    spool.seek(offsets[wp_id])
                    item = pickle.load(spool)  # noqa: S301 - our own temporary file, written just above
                    waiting = self.guarded(item, self.import_entry)
                    if waiting:
                        pending[item.wp_id] = waiting
            if pending and not self.dry_run:
                with self.open_export() as export:
                    for item in read_export(export):
                        if item.wp_id in pending:
                            self.guarded(item, self.relink_entry)
            planner = RedirectPlanner(self.opd, self, dry_run=self.dry_run)
            self.report["redirects"] = planner.make_all()
        finally:
            self.uploads.close()
        return self.report

    def guarded(self, item, handler):
        """Run ``handler`` for one item in its own savepoint; a failure is reported, never fatal."""
        try:
            with transaction.atomic():
                return handler(item)
        except Exception as error:  # noqa: BLE001 - one broken item must not stop the import
            logger.exception("WordPress item %s failed", item.wp_id)
            self.report["errors"].append({"wp_id": item.wp_id, "title": item.title, "error": str(error)[:300]})
            return None
        finally:
            if handler != self.relink_entry:
                self.tick()

    def record(self, item, kind, **fields):
        existing = self.items.get(item.wp_id)
        if existing is None:
            existing = ImportedItem(opd=self.opd, wp_id=item.wp_id, kind=kind)
        existing.kind = kind
        existing.title = shorten(item.title or "", 255)
        existing.old_url = (item.link or item.attachment_url or "")[:1000]
        existing.wp_status = item.status[:20]
        existing.fingerprint = fingerprint(item)
        existing.run = self.run_record
        for key, value in fields.items():
            setattr(existing, key, value)
        existing.save()
        self.items[item.wp_id] = existing
        return existing

    def unchanged(self, item, kind):
        existing = self.items.get(item.wp_id)
        if existing is None or existing.fingerprint != fingerprint(item):
            return False
        if kind == "attachment":
            # A file missing last time is looked for again: the uploads copy may be complete now.
            return bool(existing.image_id or existing.document_id) or existing.status == ImportedItem.Status.REFUSED
        return existing.page_id is not None

    # ---- attachments ---------------------------------------------------------------------
    def import_attachment(self, item):
        counts = self.report["counts"]["attachment"]
        if self.unchanged(item, "attachment"):
            counts["unchanged"] += 1
            return None
        relative = existing_upload_path(item)
        extension = relative.rsplit(".", 1)[-1].lower() if "." in relative else ""
        if extension in settings.WAGTAILIMAGES_EXTENSIONS:
            kind = "image"
        elif extension in settings.WAGTAILDOCS_EXTENSIONS:
            kind = "document"
        else:
            self.report["refused_media"].append(
                {"wp_id": item.wp_id, "title": item.title, "file": relative, "reason": _("jenis berkas tidak didukung")}
            )
            if not self.dry_run:
                self.record(
                    item, "attachment", status=ImportedItem.Status.REFUSED, reason=_("jenis berkas tidak didukung")
                )
            return None
        data = self.uploads.open(relative)
        if data is None and self.fetcher is not None and item.attachment_url:
            fetched = self.fetcher.fetch(item.attachment_url)
            if fetched.data is None:
                entry = {
                    "wp_id": item.wp_id,
                    "title": item.title,
                    "file": item.attachment_url,
                    "reason": fetched.reason,
                }
                self.report["refused_media" if fetched.refused else "missing_media"].append(entry)
                if not self.dry_run:
                    # Kept as missing: a later run with a corrected allow-list or a reachable server tries again.
                    self.record(item, "attachment", status=ImportedItem.Status.MISSING, reason=fetched.reason)
                return None
            self.count("fetched_media")
            data = fetched.data
        if data is None:
            self.report["missing_media"].append(
                {"wp_id": item.wp_id, "title": item.title, "file": relative, "reason": _("berkas tidak ditemukan")}
            )
            if not self.dry_run:
                self.record(item, "attachment", status=ImportedItem.Status.MISSING, reason=_("berkas tidak ditemukan"))
            return None
        name = relative.rsplit("/", 1)[-1]
        data = File(data, name=name)  # the upload checks read the name and size
        refusal = gates.upload_refusal(data, kind)
        if refusal:
            self.report["refused_media"].append(
                {"wp_id": item.wp_id, "title": item.title, "file": relative, "reason": refusal}
            )
            if not self.dry_run:
                self.record(item, "attachment", status=ImportedItem.Status.REFUSED, reason=refusal)
            return None
        existing = self.items.get(item.wp_id)
        counts["updated" if existing and (existing.image_id or existing.document_id) else "created"] += 1
        if self.dry_run:
            return None
        title = shorten(item.title or name, 255)
        if kind == "image":
            image = existing.image if existing and existing.image_id else None
            if image is None:
                image = get_image_model()(title=title, collection=self.collection)
                image.file = ImageFile(data.file, name=name)
            image.title = title
            image.save()
            self.record(item, "attachment", image=image, status=ImportedItem.Status.IMPORTED, reason="")
        else:
            document = existing.document if existing and existing.document_id else None
            if document is None:
                document = get_document_model()(title=title, collection=self.collection)
                document.file = File(data.file, name=name)
            document.title = title
            document.save()
            self.record(item, "attachment", document=document, status=ImportedItem.Status.IMPORTED, reason="")
        return None

    # ---- posts and pages -----------------------------------------------------------------
    def import_entry(self, item):
        kind = item.post_type
        counts = self.report["counts"][kind]
        plan = publication_plan(item)
        if plan == "skip":
            self.skip(item.status)
            return None
        parent = None
        if kind == "page":
            parent, orphan_reason = self.page_parent(item)
            if orphan_reason:
                self.report["orphan_pages"].append({"wp_id": item.wp_id, "title": item.title, "reason": orphan_reason})
        if self.unchanged(item, kind):
            if kind == "page" and self.move_page(item, parent):
                counts["updated"] += 1
            else:
                counts["unchanged"] += 1
            self.placed.add(item.wp_id)
            return None
        shortcodes = self.report["shortcodes"]
        body = convert_body(item.content, Resolver(self), shortcodes)
        for key in ("links_rewritten", "links_dropped", "images_dropped"):
            self.count(key, body.stats.get(key, 0))
        reasons = gates.spam_reasons(item.title, item.content)
        existing = self.items.get(item.wp_id)
        counts["updated" if existing and existing.page_id else "created"] += 1
        if reasons:
            self.report["quarantined"].append({"wp_id": item.wp_id, "title": item.title, "reason": "; ".join(reasons)})
            self.quarantined_ids.add(item.wp_id)
        else:
            self.count({"publish": "published", "schedule": "scheduled", "private": "private"}.get(plan, "drafts"))
        self.placed.add(item.wp_id)
        if self.dry_run:
            if kind == "page" and existing is not None and existing.page_id:
                self.move_page(item, parent)  # counts the move; writes nothing
            return body.pending or None
        page = self.save_page(item, body, existing, plan, reasons, parent)
        status = ImportedItem.Status.QUARANTINED if reasons else ImportedItem.Status.IMPORTED
        if existing is not None and existing.status == ImportedItem.Status.RELEASED and not reasons:
            status = ImportedItem.Status.RELEASED
        self.record(
            item,
            kind,
            page=page,
            status=status,
            reason="; ".join(reasons),
            author_name=self.author_name(item)[:255],
        )
        return body.pending or None

    def relink_entry(self, item):
        existing = self.items.get(item.wp_id)
        if existing is None or existing.page_id is None:
            return None
        body = convert_body(item.content, Resolver(self))
        page = Page.objects.get(pk=existing.page_id).specific  # fresh: publishing changed the row
        page.body = stream_data(self.body_blocks(item, body))
        revision = page.save_revision(user=self.user, log_action=False)
        scheduled = page.go_live_at and existing.status != ImportedItem.Status.QUARANTINED and not self.moderate
        if page.live or scheduled:
            revision.publish(user=self.user, log_action=False)
        return None

    def page_parent(self, item):
        """(the page this page goes under, why it is not its WordPress parent or "")."""
        parent_wp = self.page_parents.get(item.wp_id)
        if parent_wp is None:
            return self.opd, self.orphans.get(item.wp_id, "")
        record = self.items.get(parent_wp)
        if parent_wp in self.quarantined_ids or (
            record is not None and record.status == ImportedItem.Status.QUARANTINED
        ):
            return self.opd, _("induknya (#%(id)d) dikarantina sebagai spam") % {"id": parent_wp}
        if record is not None and record.page_id:
            return Page.objects.get(pk=record.page_id), ""  # fresh: moves earlier in this run changed paths
        if self.dry_run and parent_wp in self.placed:
            return None, ""  # would be imported just before this page
        return self.opd, _("induknya (#%(id)d) gagal diimpor") % {"id": parent_wp}

    def move_page(self, item, parent):
        """Move the imported page under ``parent`` if it is elsewhere; True when it moved (or would)."""
        existing = self.items.get(item.wp_id)
        if parent is None or existing is None or not existing.page_id:
            return False
        page = Page.objects.get(pk=existing.page_id).specific
        if page.path[: -Page.steplen] == parent.path:
            return False
        self.count("pages_moved")
        if self.dry_run:
            return True
        slug = self.unique_slug(parent, page.slug, item, page)
        if slug != page.slug:
            page.slug = slug
            page.save()
        page.move(parent, pos="last-child", user=self.user)
        existing.page = Page.objects.get(pk=page.pk)
        return True

    def author_name(self, item):
        return self.site.authors.get(item.author, item.author) or ""

    def body_blocks(self, item, body):
        blocks = list(body.blocks)
        author = self.author_name(item)
        if item.post_type == "post" and author:
            blocks.append(("paragraph", f"<p><i>{escape_text(_('Penulis: %(name)s') % {'name': author})}</i></p>"))
        return blocks

    def unique_slug(self, parent, wanted, item, page):
        slug = slugify(wanted)[:200] or f"wp-{item.wp_id}"
        siblings = Page.objects.child_of(parent).filter(slug=slug)
        if page is not None and page.pk:
            siblings = siblings.exclude(pk=page.pk)
        if siblings.exists():
            slug = f"{slug}-{item.wp_id}"
        return slug

    def lead(self, item, body):
        text = plain_text(item.excerpt) or body.text or item.title or _("(tanpa ringkasan)")
        return shorten(text, LEAD_LENGTH)

    def save_page(self, item, body, existing, plan, reasons, parent=None):
        page = None
        if existing is not None and existing.page_id:
            if item.post_type == "page":
                self.move_page(item, parent)
            page = Page.objects.get(pk=existing.page_id).specific  # fresh: a move changes the tree columns
        created = page is None
        if item.post_type == "post":
            parent = self.news_index
            if created:
                page = NewsPage(live=False)
            published_at = parse_wp_datetime(item.date_gmt, datetime.UTC) or parse_wp_datetime(item.date, self.zone)
            page.date = (published_at or timezone.now()).astimezone(self.zone).date()
            page.lead = self.lead(item, body)
            tags = [
                term.name[:100]
                for term in item.terms
                if term.name and not (term.domain == "category" and term.slug in UNCATEGORISED)
            ]
            page.tags.set(list(dict.fromkeys(tags)))
            thumbnail = self.items.get(item.thumbnail_id) if item.thumbnail_id else None
            page.main_image = thumbnail.image if thumbnail is not None and thumbnail.image_id else None
            page.image_caption = ""
            blocks = body.blocks
            if (
                page.main_image
                and blocks
                and blocks[0][0] == "image"
                and blocks[0][1]["image"]["image"] == page.main_image.pk
            ):
                # Themes show the featured image above the post; its copy at the top of the body goes.
                page.image_caption = blocks[0][1]["caption"]
                body.blocks = blocks[1:]
        else:
            if created:
                page = ProfilePage(live=False, profile_type=ProfileType.LAINNYA)
            published_at = parse_wp_datetime(item.date_gmt, datetime.UTC) or parse_wp_datetime(item.date, self.zone)
        page.title = shorten(item.title or _("(tanpa judul)"), 255)
        page.slug = self.unique_slug(parent, item.slug or item.title, item, None if created else page)
        page.body = stream_data(self.body_blocks(item, body))
        page.search_description = ""
        go_live = published_at if plan == "schedule" and published_at and published_at > timezone.now() else None
        page.go_live_at = go_live
        if created:
            parent.add_child(instance=page)
        revision = page.save_revision(user=self.user, log_action=True)
        if reasons or plan in {"draft", "private"}:
            if page.live:
                page.unpublish(user=self.user, log_action=True)
            return page
        if plan == "schedule" and go_live is None:
            plan = "publish"  # the scheduled moment passed before the import
        if self.moderate:
            workflow = page.get_workflow()
            if workflow is not None:
                if page.workflow_in_progress:
                    page.current_workflow_state.cancel(user=self.user)
                workflow.start(page, self.user)
                self.count("moderation")
                return page
        revision.publish(user=self.user, log_action=True)
        if plan == "publish" and created and published_at:
            Page.objects.filter(pk=page.pk).update(first_published_at=published_at)
        return page


def stream_data(blocks):
    """StreamField raw data (JSON) for (block type, raw value) pairs."""
    return json.dumps([{"type": block_type, "value": value} for block_type, value in blocks])


def existing_upload_path(item):
    return relative_upload_path(item.attached_file, item.attachment_url)


def escape_text(text):
    from html import escape

    return escape(str(text), quote=False)


def import_wordpress(opd, export_path, **options):
    """Import (or with ``dry_run=True`` only check) one export into ``opd``; returns the report dict."""
    return WordpressImporter(opd, export_path, **options).run()

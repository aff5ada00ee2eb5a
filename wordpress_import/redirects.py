"""Old WordPress URLs of an OPD → its new pages, as Wagtail redirects (``wagtail.contrib.redirects``).

Where an old link can arrive:

* on the region's site under the OPD's section, ``/dinkes/2024/03/05/slug/`` — what the old
  host name becomes when the proxy sends ``dinkes.contohkab.go.id/*`` to
  ``contohkab.go.id/dinkes/*`` (docs/operations.md); always made;
* on the OPD's own host name, when a Wagtail ``Site`` has the OPD home as its root — the path
  as it was, ``/2024/03/05/slug/``; made for every such site.

Paths made per item: its permalink, ``/YYYY/MM/DD/slug/``, ``/YYYY/MM/slug/`` and ``/slug/``
for posts, the hierarchical path (``/parent/child/``) and ``/slug/`` for pages, the attachment page and the
``/wp-content/uploads/…`` file for attachments; per OPD ``/category/x/``, ``/tag/x/``,
``/author/x/``, ``/feed/``. Wagtail's redirect middleware matches paths only (and only on a
404), so ``/?p=ID``, ``/?page_id=ID`` and ``/?attachment_id=ID`` are answered by
:mod:`.middleware` from the import records instead. Drafts, quarantined and private items get
no redirect: an injected spam URL stays a 404. Imported pages keep their WordPress hierarchy,
so a nested page's old path is often its new one: a redirect that would lead to itself is not
made (and one left by an earlier import is removed), the page answers directly.
"""

from django.urls import NoReverseMatch, reverse
from django.utils.text import slugify
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, Revision, Site

from home.models import NewsArchivePage

from .models import ImportedItem

BATCH = 500


class RedirectPlanner:
    def __init__(self, opd, importer, dry_run=False):
        self.opd = opd
        self.importer = importer
        self.dry_run = dry_run

    def scopes(self):
        """(site, path prefix) pairs the OPD's old URLs are answered on."""
        scopes = []
        for site in Site.objects.select_related("root_page"):
            root = site.root_page
            if root.pk == self.opd.pk:
                scopes.append((site, ""))
            elif self.opd.url_path.startswith(root.url_path):
                scopes.append((site, "/" + self.opd.url_path[len(root.url_path) :].strip("/")))
        return scopes

    def item_paths(self, summary):
        importer = self.importer
        paths = []
        if summary.link:
            paths.append(importer.old_path(summary.link))
        slug = summary.slug.strip("/")
        if summary.post_type == "post" and slug:
            date = summary.date[:10]
            if len(date) == 10 and date[:4].isdigit() and date != "0000-00-00":
                year, month, day = date.split("-")
                paths += [f"/{year}/{month}/{day}/{slug}/", f"/{year}/{month}/{slug}/"]
            paths.append(f"/{slug}/")
        elif summary.post_type == "page" and slug:
            chain, seen, parent = [slug], set(), importer.index.get(summary.parent_id)
            while parent is not None and parent.wp_id not in seen and parent.post_type == "page":
                seen.add(parent.wp_id)
                chain.insert(0, parent.slug.strip("/"))
                parent = importer.index.get(parent.parent_id)
            paths += ["/" + "/".join(chain) + "/", f"/{slug}/"]
        elif summary.post_type == "attachment" and summary.upload_path:
            paths.append(f"/wp-content/uploads/{summary.upload_path}")
        return [path for path in paths if path.strip("/") and "?" not in path]

    def public_page_ids(self):
        """Imported pages that are live or scheduled to go live (one query each)."""
        page_ids = [item.page_id for item in self.importer.items.values() if item.page_id]
        rows = Page.objects.filter(pk__in=page_ids).values_list("pk", "url_path", "live")
        self.url_paths = {pk: url_path for pk, url_path, _live in rows}  # fresh: pages may have moved
        live = {pk for pk, _url_path, is_live in rows if is_live}
        scheduled = Revision.page_revisions.filter(
            object_id__in=[str(pk) for pk in page_ids], approved_go_live_at__isnull=False
        ).values_list("object_id", flat=True)
        return live | {int(pk) for pk in scheduled}

    def target(self, item, public_pages):
        """(redirect_page, redirect_link) for an imported item, or ``None`` when it has no public target."""
        if item is None or item.status == ImportedItem.Status.QUARANTINED:
            return None
        if item.page_id:
            return (item.page, "") if item.page_id in public_pages else None
        if item.image_id:
            return None, item.image.file.url
        if item.document_id:
            return None, item.document.url
        return None

    def news_listing_link(self, tag_name=""):
        archive = NewsArchivePage.objects.live().first()
        if archive is not None and archive.url:
            link = f"{archive.url}?opd={self.opd.slug}"
            return f"{link}&label={slugify(tag_name)}" if tag_name else link
        return self.importer.news_index.url or "/"

    def feed_link(self):
        try:
            return reverse("feed_opd_berita_rss", kwargs={"opd": self.opd.slug})
        except NoReverseMatch:
            return self.importer.news_index.url or "/"

    def entries(self):
        """(old path, redirect_page, redirect_link); pages win over posts, posts over attachments."""
        importer = self.importer
        order = {"page": 0, "post": 1, "attachment": 2}
        summaries = sorted(importer.index.values(), key=lambda s: (order[s.post_type], s.wp_id))
        seen = set()
        public_pages = self.public_page_ids()
        for summary in summaries:
            if not summary.publishable:
                continue
            item = importer.items.get(summary.wp_id)
            if self.dry_run and item is None:
                target = (None, "") if summary.post_type != "attachment" or summary.upload_path else None
            else:
                target = self.target(item, public_pages)
            if target is None:
                continue
            for path in self.item_paths(summary):
                if path not in seen:
                    seen.add(path)
                    yield path, *target
        site = importer.site
        listing = [("/feed/", None, self.feed_link()), ("/comments/feed/", None, self.feed_link())]
        for prefix, terms in (("category", site.categories), ("tag", site.tags)):
            for slug, name in terms.items():
                if slug:
                    listing.append((f"/{prefix}/{slug}/", None, self.news_listing_link(name)))
                    listing.append((f"/{prefix}/{slug}/feed/", None, self.feed_link()))
        for login in site.authors:
            if login:
                listing.append((f"/author/{slugify(login)}/", None, self.news_listing_link()))
        for path, page, link in listing:
            if path not in seen:
                seen.add(path)
                yield path, page, link

    def leads_to_itself(self, site, old_path, page):
        url_path = self.url_paths.get(page.pk) if page is not None else None
        root = site.root_page.url_path
        if not url_path or not url_path.startswith(root):
            return False
        return Redirect.normalise_path(url_path[len(root) - 1 :]) == old_path

    def make_all(self):
        counts = {"created": 0, "updated": 0, "unchanged": 0, "removed": 0}
        self.url_paths = {}
        entries = list(self.entries())
        for site, prefix in self.scopes():
            for start in range(0, len(entries), BATCH):
                batch = {
                    Redirect.normalise_path(prefix + path): (page, link)
                    for path, page, link in entries[start : start + BATCH]
                }
                existing = {
                    redirect.old_path: redirect
                    for redirect in Redirect.objects.filter(site=site, old_path__in=list(batch))
                }
                for old_path, (page, link) in batch.items():
                    redirect = existing.get(old_path)
                    if self.leads_to_itself(site, old_path, page):
                        if redirect is not None:
                            counts["removed"] += 1
                            if not self.dry_run:
                                redirect.delete()
                        continue
                    if redirect is None:
                        counts["created"] += 1
                        if not self.dry_run:
                            Redirect.objects.create(
                                old_path=old_path, site=site, redirect_page=page, redirect_link=link, is_permanent=True
                            )
                    elif (redirect.redirect_page_id, redirect.redirect_link) == (page.pk if page else None, link):
                        counts["unchanged"] += 1
                    elif not self.dry_run or page is None:
                        counts["updated"] += 1
                        if not self.dry_run:
                            redirect.redirect_page, redirect.redirect_link = page, link
                            redirect.save(update_fields=["redirect_page", "redirect_link"])
                    else:
                        counts["unchanged"] += 1
        return counts

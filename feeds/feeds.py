"""RSS 2.0 and Atom feeds of news and announcements, for the whole region and for each OPD.

Depends on ``opd_pages`` (the content) and ``home`` (region identity). Dates are given in the
region's time zone (TIME_ZONE), so readers show the same day citizens see on the site.
"""

import datetime

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Site

from home.models import RegionSettings
from opd_hosts.hosts import host_opd
from opd_pages.models import AnnouncementPage, NewsPage, OpdHomePage, attach_opds

ITEMS_PER_FEED = 20
ENCLOSURE_SPEC = "fill-960x540|format-webp"


class FeedSource:
    """What a feed is about: the region, or one OPD (``opd``)."""

    def __init__(self, request, opd):
        self.request = request
        self.opd = opd
        self.site = Site.find_for_request(request)
        self.region = RegionSettings.for_request(request)

    @property
    def publisher(self):
        if self.opd:
            return self.opd.title
        return self.region.government_name or self.region.name or _("Pemerintah daerah")

    @property
    def home(self):
        return self.opd or (self.site.root_page if self.site else None)


def local_datetime(date, at=None):
    """``date`` at the local time of ``at`` (or midnight), aware in the region's time zone."""
    clock = timezone.localtime(at).time() if at else datetime.time(0, 0)
    return timezone.make_aware(datetime.datetime.combine(date, clock))


class BasePageFeed(Feed):
    """A feed of pages; an instance serves one request (see :func:`feed_view`), so ``self.source`` is its own."""

    feed_type = Rss201rev2Feed
    kind_label = ""

    def get_object(self, request, opd=None):
        opd_page = None
        if opd is not None:
            opd_page = OpdHomePage.objects.live().public().filter(slug=opd).first()
            if opd_page is None:
                raise Http404(_("OPD tidak ditemukan."))
        else:
            # On an OPD's own host name the site's feed is that OPD's.
            opd_page = host_opd(request)
        return FeedSource(request, opd_page)

    def title(self, source):
        if source.opd:
            return f"{self.kind_label} {source.opd.acronym} — {source.opd.title}"
        return f"{self.kind_label} — {source.publisher}"

    def link(self, source):
        return source.home.get_url(source.request) if source.home else "/"

    def description(self, source):
        return _("%(kind)s terbaru dari %(publisher)s.") % {"kind": self.kind_label, "publisher": source.publisher}

    subtitle = description

    def feed_url(self, source):
        return source.request.path

    def feed_guid(self, source):
        """The Atom ``<id>``: the feed's own address, so each feed (news, announcements, per OPD) has its own."""
        return source.request.build_absolute_uri(source.request.path)

    def author_name(self, source):
        return source.publisher

    def get_queryset(self, source):
        raise NotImplementedError

    def items(self, source):
        self.source = source
        queryset = self.get_queryset(source)
        if source.opd:
            queryset = queryset.descendant_of(source.opd)
        return attach_opds(queryset[:ITEMS_PER_FEED])

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        # Readers treat the description as HTML; the lead is plain text, so markup in it is escaped.
        return escape(item.lead)

    def item_link(self, item):
        return item.get_url(self.source.request)

    def item_guid(self, item):
        return self.source.request.build_absolute_uri(item.get_url(self.source.request))

    item_guid_is_permalink = True

    def item_author_name(self, item):
        return item.opd.title if item.opd else self.source.publisher

    def item_updateddate(self, item):
        return timezone.localtime(item.last_published_at) if item.last_published_at else None


class NewsFeed(BasePageFeed):
    kind_label = gettext_lazy("Berita")

    def get_queryset(self, source):
        return NewsPage.objects.for_listing().prefetch_related("tags")

    def item_pubdate(self, item):
        return local_datetime(item.date, item.first_published_at)

    def item_categories(self, item):
        return [tag.name for tag in item.tags.all()]

    def item_enclosures(self, item):
        if not item.main_image:
            return []
        rendition = item.main_image.get_rendition(ENCLOSURE_SPEC)
        url = self.source.request.build_absolute_uri(rendition.url)
        return [Enclosure(url, str(rendition.file.size), "image/webp")]


class AnnouncementFeed(BasePageFeed):
    kind_label = gettext_lazy("Pengumuman")

    def get_queryset(self, source):
        return AnnouncementPage.objects.current()

    def item_pubdate(self, item):
        return local_datetime(item.date, item.first_published_at)


class AtomNewsFeed(NewsFeed):
    feed_type = Atom1Feed


class AtomAnnouncementFeed(AnnouncementFeed):
    feed_type = Atom1Feed


def feed_view(feed_class):
    """A view that builds a fresh feed object per request: no request state shared between threads."""

    def view(request, *args, **kwargs):
        return feed_class()(request, *args, **kwargs)

    view.feed_class = feed_class
    return view


FEEDS = {
    ("berita", "rss"): NewsFeed,
    ("berita", "atom"): AtomNewsFeed,
    ("pengumuman", "rss"): AnnouncementFeed,
    ("pengumuman", "atom"): AtomAnnouncementFeed,
}

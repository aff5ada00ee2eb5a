"""Semua berita: every news item of every OPD (and the region's own news), filterable and paginated."""

import datetime
from functools import cached_property

from django.conf import settings
from django.core.paginator import Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag
from wagtail.admin.panels import FieldPanel

from core.models import BasePage
from listing_stats.stats import news_counts
from opd_pages.models import NewsPage, OpdHomePage, attach_opds

#: Pages of "Semua berita" a visitor can page through; older news are reached by the filters
#: (an OPD, a month). Deeper pages would cost an OFFSET over the whole region's news.
MAX_ARCHIVE_PAGES = 100


class NewsArchiveFilters:
    """The OPD / month / tag filters of the "Semua berita" page, read from the query string."""

    def __init__(self, params, opds):
        self.opds_by_slug = {opd.slug: opd for opd in opds}
        self.opd = self.opds_by_slug.get(params.get("opd", ""))
        self.month = self.parse_month(params.get("bulan", ""))
        self.tag = params.get("label", "").strip()[:100]

    @staticmethod
    def parse_month(value):
        try:
            return datetime.datetime.strptime(value, "%Y-%m").date()
        except ValueError:
            return None

    def apply(self, news):
        if self.opd:
            news = news.descendant_of(self.opd)
        if self.month:
            # A date range (not year/month extraction) so the date index serves it.
            following = (self.month.replace(day=1) + datetime.timedelta(days=32)).replace(day=1)
            news = news.filter(date__gte=self.month.replace(day=1), date__lt=following)
        if self.tag:
            news = news.filter(tags__slug=self.tag)
        return news

    @property
    def active(self):
        return bool(self.opd or self.month or self.tag)

    def known_count(self, counts, tag):
        """The exact number of matches from the precomputed counts, or ``None`` for combined filters."""
        active = [bool(self.opd), bool(self.month), bool(self.tag)]
        if sum(active) == 0:
            return counts["total"]
        if sum(active) > 1:
            return None
        if self.opd:
            return counts["opd"].get(self.opd.pk, 0)
        if self.month:
            return counts["month"].get(self.month.replace(day=1), 0)
        return counts["tag"].get(tag.pk, 0) if tag else 0

    def query_string(self):
        """The filters as a query string prefix for pagination links."""
        parts = []
        if self.opd:
            parts.append(f"opd={self.opd.slug}")
        if self.month:
            parts.append(f"bulan={self.month:%Y-%m}")
        if self.tag:
            parts.append(f"label={self.tag}")
        return "&".join(parts)


class BoundedPaginator(Paginator):
    """A paginator that pages through at most ``max_pages`` pages.

    ``count`` is the exact total when it is known (precomputed), otherwise the number of matches
    counted up to one more than the pages shown can hold (a bounded query); ``total_is_lower_bound``
    then says there are more. The pages shown stop at ``max_pages``.
    """

    def __init__(self, object_list, per_page, known_count=None, max_pages=None):
        super().__init__(object_list, per_page)
        self.known_count = known_count
        self.max_pages = max_pages or MAX_ARCHIVE_PAGES

    @property
    def shown_limit(self):
        return self.per_page * self.max_pages

    @cached_property
    def count(self):
        if self.known_count is not None:
            return self.known_count
        return self.object_list[: self.shown_limit + 1].count()

    @property
    def total_is_lower_bound(self):
        return self.known_count is None and self.count > self.shown_limit

    @cached_property
    def num_pages(self):
        return min(super().num_pages, self.max_pages)

    @property
    def is_truncated(self):
        return self.count > self.shown_limit


class NewsArchivePage(BasePage):
    """Semua berita: one page under the regional home listing the news of every OPD; humas posts regional news here."""

    template = "pages/news_archive_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["opd_pages.NewsPage"]
    max_count = 1
    items_per_page = 12
    kind_label = _("Halaman")

    intro = models.TextField(_("pengantar"), blank=True, help_text=_("Kalimat pembuka opsional di atas daftar."))

    content_panels = BasePage.content_panels + [FieldPanel("intro")]

    class Meta:
        verbose_name = _("semua berita")
        verbose_name_plural = _("semua berita")

    @staticmethod
    def month_choices(counts):
        """Months that have published news, newest first (from the precomputed counts)."""
        return sorted((month for month, count in counts["month"].items() if count), reverse=True)[:36]

    @staticmethod
    def tag_choices(counts, selected_slug=""):
        """The 30 most used tags of published news, and the selected one (one query)."""
        top = [tag_id for tag_id, count in sorted(counts["tag"].items(), key=lambda item: -item[1])[:30] if count]
        wanted = models.Q(pk__in=top) | models.Q(slug=selected_slug) if selected_slug else models.Q(pk__in=top)
        tags = list(Tag.objects.filter(wanted))
        for tag in tags:
            tag.uses = counts["tag"].get(tag.pk, 0)
        # A tag no published public news carries is not shown (its name may come from a draft).
        return sorted((tag for tag in tags if tag.uses), key=lambda tag: (-tag.uses, tag.name))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        opds = OpdHomePage.objects.directory()
        filters = NewsArchiveFilters(request.GET, opds)
        counts = news_counts()
        tag_choices = self.tag_choices(counts, filters.tag)
        selected_tag = next((tag for tag in tag_choices if tag.slug == filters.tag), None)
        news = filters.apply(NewsPage.objects.for_listing())
        per_page = getattr(settings, "PORTAL_ITEMS_PER_PAGE", self.items_per_page)
        paginator = BoundedPaginator(news, per_page, known_count=filters.known_count(counts, selected_tag))
        page_obj = paginator.get_page(request.GET.get("halaman"))
        context.update(
            filters=filters,
            filter_query=filters.query_string(),
            opd_choices=opds,
            month_choices=self.month_choices(counts),
            tag_choices=tag_choices,
            page_obj=page_obj,
            paginator=paginator,
            items=attach_opds(page_obj.object_list),
            query_prefix=f"{filters.query_string()}&" if filters.active else "",
        )
        return context

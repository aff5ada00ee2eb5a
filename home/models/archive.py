"""Semua berita: every news item of every OPD (and the region's own news), filterable and paginated."""

import datetime

from django.conf import settings
from django.core.paginator import Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag
from wagtail.admin.panels import FieldPanel

from core.models import BasePage
from opd_pages.models import NewsPage, NewsPageTag, OpdHomePage, attach_opds


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
            news = news.filter(date__year=self.month.year, date__month=self.month.month)
        if self.tag:
            news = news.filter(tags__slug=self.tag)
        return news

    @property
    def active(self):
        return bool(self.opd or self.month or self.tag)

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

    def month_choices(self):
        """Months that have news, newest first (one query)."""
        return list(NewsPage.objects.published().dates("date", "month", order="DESC")[:36])

    def tag_choices(self):
        """The most used tags of published news (one query)."""
        published = NewsPage.objects.published()
        return list(
            Tag.objects.filter(pk__in=NewsPageTag.objects.filter(content_object__in=published).values("tag_id"))
            .annotate(uses=models.Count("opd_pages_newspagetag_items"))
            .order_by("-uses", "name")[:30]
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        opds = OpdHomePage.objects.directory()
        filters = NewsArchiveFilters(request.GET, opds)
        news = filters.apply(NewsPage.objects.for_listing())
        per_page = getattr(settings, "PORTAL_ITEMS_PER_PAGE", self.items_per_page)
        paginator = Paginator(news, per_page)
        page_obj = paginator.get_page(request.GET.get("halaman"))
        context.update(
            filters=filters,
            filter_query=filters.query_string(),
            opd_choices=opds,
            month_choices=self.month_choices(),
            tag_choices=self.tag_choices(),
            page_obj=page_obj,
            paginator=paginator,
            items=attach_opds(page_obj.object_list),
            query_prefix=f"{filters.query_string()}&" if filters.active else "",
        )
        return context

"""Berita: an OPD's news index and news items."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager
from wagtail.search import index

from core.blocks import BodyStreamBlock
from core.models import BasePage, ListingImageMixin, ReviewScheduleMixin

from ..api import image_api_fields, opd_api_field
from .listing import ListingIndexPage, OpdContentQuerySet, image_prefetch
from .opd import OpdContentMixin

#: Depth of an OPD home (root → regional home → OPD): every news item of an OPD shares the
#: path of this depth, kept on the news table as ``listing_section``.
SECTION_DEPTH = 3


def section_of(path):
    """The path prefix of the depth-``SECTION_DEPTH`` ancestor (the OPD home, or Semua berita)."""
    return path[: SECTION_DEPTH * Page.steplen]


class NewsPageQuerySet(OpdContentQuerySet):
    def descendant_of_q(self, other, inclusive=False):
        """Wagtail's subtree filter plus, inside one OPD, the news table's own ``listing_section``.

        The OPD's Berita and the "Semua berita" filter by OPD then read the OPD's news from the
        ``news_of_section_newest_first`` index in listing order, instead of walking every news
        item of the region newest first and keeping one in forty.
        """
        condition = super().descendant_of_q(other, inclusive)
        if other.depth >= SECTION_DEPTH:
            condition &= models.Q(listing_section=section_of(other.path))
        return condition

    def newest_first(self):
        """Newest first, by columns of the news table only, so one index (``news_newest_first``) serves it."""
        return self.order_by("-date", "-listing_published_at", "-pk")

    def for_listing(self):
        """Published news, newest first, with the card image and its renditions prefetched."""
        return self.published().newest_first().prefetch_related(image_prefetch())

    def latest_across_opds(self):
        """The newest news of every OPD together, for the regional home page.

        The photo is joined rather than prefetched with its renditions: the home page shows few
        cards and Wagtail's rendition cache serves them, which keeps the page's query count flat.
        """
        return self.published().newest_first().select_related("main_image")

    def proposed_for_front_page(self):
        """Published news an OPD proposed for the regional home that humas has not decided on yet."""
        return self.published().filter(propose_for_front_page=True, front_page_decision__isnull=True).newest_first()


class NewsIndexPage(ListingIndexPage):
    """Berita: the news list of one OPD, directly under its OPD home."""

    template = "pages/news_index_page.html"
    subpage_types = ["opd_pages.NewsPage"]
    kind_label = _("Halaman")

    def get_listing(self):
        return NewsPage.objects.child_of(self).for_listing()

    class Meta:
        verbose_name = _("indeks berita")
        verbose_name_plural = _("indeks berita")


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey("opd_pages.NewsPage", on_delete=models.CASCADE, related_name="tagged_items")


class NewsPage(OpdContentMixin, ListingImageMixin, ReviewScheduleMixin, BasePage):
    """A news item (berita) of an OPD, under its Berita index."""

    template = "pages/news_page.html"
    # Under "Semua berita" (home.NewsArchivePage) live the region's own news, written by humas.
    parent_page_types = ["opd_pages.NewsIndexPage", "home.NewsArchivePage"]
    subpage_types = []
    kind_label = _("Berita")

    date = models.DateField(
        _("tanggal berita"),
        default=timezone.localdate,
        db_index=True,  # "newest news of every OPD" orders 100,000 rows by date
        help_text=_("Tanggal kejadian atau terbit berita."),
    )
    lead = models.TextField(
        _("ringkasan"),
        max_length=400,
        help_text=_("Satu-dua kalimat inti berita; tampil di daftar berita dan hasil pencarian."),
    )
    body = StreamField(BodyStreamBlock(), verbose_name=_("isi berita"), blank=True)
    tags = ClusterTaggableManager(
        through=NewsPageTag,
        blank=True,
        verbose_name=pgettext_lazy("label berita", "label"),
        help_text=_("Kata kunci, pisahkan dengan koma."),
    )

    #: A copy of ``first_published_at`` kept on the news table (see ``save``): the newest-first sort
    #: of 100,000 news then reads one index instead of sorting a join of two tables.
    listing_published_at = models.DateTimeField(null=True, blank=True, editable=False)
    #: The path of the OPD home above the item (``section_of``), kept in step by ``save`` and by
    #: ``resync_sections`` after a move; lets one index serve an OPD's news newest first.
    listing_section = models.CharField(max_length=SECTION_DEPTH * 4, blank=True, default="", editable=False)

    propose_for_front_page = models.BooleanField(
        _("usulkan ke beranda"),
        default=False,
        help_text=_("Centang agar humas mempertimbangkan berita ini untuk Sorotan di beranda daerah."),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("date"),
        FieldPanel("lead"),
        *ListingImageMixin.image_panels,
        FieldPanel("body"),
        FieldPanel("tags"),
        FieldPanel("propose_for_front_page"),
        *ReviewScheduleMixin.review_panels,
    ]

    search_fields = BasePage.search_fields + [
        index.SearchField("lead", boost=2),
        index.SearchField("body"),
        index.FilterField("date"),
        index.RelatedFields("tags", [index.SearchField("name", boost=2)]),
    ]

    api_fields = [
        opd_api_field(),
        APIField("date"),
        APIField("lead"),
        *image_api_fields(),
        APIField("image_caption"),
        APIField("image_credit"),
        APIField("tags"),
        APIField("body"),
    ]

    objects = PageManager.from_queryset(NewsPageQuerySet)()

    @property
    def listing_summary(self):
        return self.lead

    def sync_listing_fields(self):
        self.listing_published_at = self.first_published_at
        self.listing_section = section_of(self.path or "")

    def save(self, *args, **kwargs):
        self.sync_listing_fields()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "first_published_at" in update_fields:
            kwargs["update_fields"] = {*update_fields, "listing_published_at"}
        if update_fields is not None and "path" in update_fields:
            kwargs["update_fields"] = {*kwargs["update_fields"], "listing_section"}
        return super().save(*args, **kwargs)

    class Meta:
        verbose_name = _("berita")
        verbose_name_plural = _("berita")
        indexes = [
            models.Index(fields=["date", "listing_published_at", "page_ptr"], name="news_newest_first"),
            models.Index(
                fields=["listing_section", "date", "listing_published_at", "page_ptr"],
                name="news_of_section_newest_first",
            ),
        ]


def resync_sections(path):
    """Recompute ``listing_section`` of the news at or below ``path`` (after a move)."""
    stale = [
        NewsPage(pk=pk, listing_section=section_of(page_path))
        for pk, page_path, section in NewsPage.objects.filter(path__startswith=path).values_list(
            "pk", "path", "listing_section"
        )
        if section != section_of(page_path)
    ]
    NewsPage.objects.bulk_update(stale, ["listing_section"], batch_size=500)
    return len(stale)

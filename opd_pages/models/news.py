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
from wagtail.models import PageManager
from wagtail.search import index

from core.blocks import BodyStreamBlock
from core.models import BasePage, ListingImageMixin, ReviewScheduleMixin

from ..api import image_api_fields, opd_api_field
from .listing import ListingIndexPage, OpdContentQuerySet, image_prefetch
from .opd import OpdContentMixin


class NewsPageQuerySet(OpdContentQuerySet):
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

    def save(self, *args, **kwargs):
        self.sync_listing_fields()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "first_published_at" in update_fields:
            kwargs["update_fields"] = {*update_fields, "listing_published_at"}
        return super().save(*args, **kwargs)

    class Meta:
        verbose_name = _("berita")
        verbose_name_plural = _("berita")
        indexes = [models.Index(fields=["date", "listing_published_at", "page_ptr"], name="news_newest_first")]

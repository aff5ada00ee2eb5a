"""Pengumuman: an OPD's announcements, which leave listings after their "valid until" date."""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import PageManager
from wagtail.search import index

from core.blocks import BodyStreamBlock
from core.models import BasePage, ReviewScheduleMixin

from ..api import opd_api_field
from .listing import ListingIndexPage, OpdContentQuerySet
from .opd import OpdContentMixin


class AnnouncementPageQuerySet(OpdContentQuerySet):
    def current(self, today=None):
        """Published announcements still valid today, newest first."""
        today = today or timezone.localdate()
        return self.published().filter(Q(valid_until__isnull=True) | Q(valid_until__gte=today)).order_by("-date", "-pk")

    def expired(self, today=None):
        """Published announcements whose "valid until" date has passed."""
        today = today or timezone.localdate()
        return self.published().filter(valid_until__lt=today)


class AnnouncementIndexPage(ListingIndexPage):
    """Pengumuman: the list of one OPD's current announcements."""

    template = "pages/announcement_index_page.html"
    subpage_types = ["opd_pages.AnnouncementPage"]

    def get_listing(self):
        return AnnouncementPage.objects.child_of(self).current()

    class Meta:
        verbose_name = _("indeks pengumuman")
        verbose_name_plural = _("indeks pengumuman")


class AnnouncementPage(OpdContentMixin, ReviewScheduleMixin, BasePage):
    """An announcement (pengumuman) of an OPD, shown in listings until its end date."""

    template = "pages/announcement_page.html"
    parent_page_types = ["opd_pages.AnnouncementIndexPage"]
    subpage_types = []
    kind_label = _("Pengumuman")

    date = models.DateField(
        _("tanggal pengumuman"), default=timezone.localdate, db_index=True, help_text=_("Tanggal diumumkan.")
    )
    valid_until = models.DateField(
        _("berlaku sampai"),
        null=True,
        blank=True,
        help_text=_("Setelah tanggal ini pengumuman hilang dari daftar. Kosongkan bila berlaku terus."),
    )
    lead = models.TextField(_("ringkasan"), max_length=400, help_text=_("Inti pengumuman dalam satu-dua kalimat."))
    body = StreamField(BodyStreamBlock(), verbose_name=_("isi pengumuman"), blank=True)

    content_panels = BasePage.content_panels + [
        FieldRowPanel([FieldPanel("date"), FieldPanel("valid_until")]),
        FieldPanel("lead"),
        FieldPanel("body"),
        *ReviewScheduleMixin.review_panels,
    ]

    search_fields = BasePage.search_fields + [
        index.SearchField("lead", boost=2),
        index.SearchField("body"),
        index.FilterField("date"),
        index.FilterField("valid_until"),
    ]

    api_fields = [opd_api_field(), APIField("date"), APIField("valid_until"), APIField("lead"), APIField("body")]

    objects = PageManager.from_queryset(AnnouncementPageQuerySet)()

    @property
    def listing_summary(self):
        return self.lead

    @property
    def is_expired(self):
        return bool(self.valid_until and self.valid_until < timezone.localdate())

    class Meta:
        verbose_name = _("pengumuman")
        verbose_name_plural = _("pengumuman")

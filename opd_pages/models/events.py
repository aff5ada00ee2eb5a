"""Agenda: an OPD's events with start, end and place."""

from django.core.exceptions import ValidationError
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


class EventPageQuerySet(OpdContentQuerySet):
    def upcoming(self, now=None):
        """Published events that have not ended yet, soonest first."""
        now = now or timezone.now()
        return self.published().filter(Q(end__gte=now) | Q(end__isnull=True, start__gte=now)).order_by("start", "pk")

    def past(self, now=None):
        now = now or timezone.now()
        return self.published().filter(Q(end__lt=now) | Q(end__isnull=True, start__lt=now)).order_by("-start", "-pk")


class EventIndexPage(ListingIndexPage):
    """Agenda: one OPD's upcoming events, then past ones."""

    template = "pages/event_index_page.html"
    subpage_types = ["opd_pages.EventPage"]

    def get_listing(self):
        return EventPage.objects.child_of(self).upcoming()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["past_events"] = list(EventPage.objects.child_of(self).past()[:5])
        return context

    class Meta:
        verbose_name = _("indeks agenda")
        verbose_name_plural = _("indeks agenda")


class EventPage(OpdContentMixin, ReviewScheduleMixin, BasePage):
    """An event (agenda) of an OPD: when and where."""

    template = "pages/event_page.html"
    parent_page_types = ["opd_pages.EventIndexPage"]
    subpage_types = []
    kind_label = _("Agenda")

    start = models.DateTimeField(_("mulai"), db_index=True, help_text=_("Tanggal dan jam mulai (waktu setempat)."))
    end = models.DateTimeField(_("selesai"), null=True, blank=True, help_text=_("Kosongkan bila hanya satu waktu."))
    location = models.CharField(_("tempat"), max_length=255, help_text=_("Nama tempat dan alamat singkat."))
    lead = models.TextField(_("ringkasan"), max_length=400, help_text=_("Inti acara dalam satu-dua kalimat."))
    body = StreamField(BodyStreamBlock(), verbose_name=_("keterangan"), blank=True)

    content_panels = BasePage.content_panels + [
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
        FieldPanel("location"),
        FieldPanel("lead"),
        FieldPanel("body"),
        *ReviewScheduleMixin.review_panels,
    ]

    search_fields = BasePage.search_fields + [
        index.SearchField("lead", boost=2),
        index.SearchField("location"),
        index.SearchField("body"),
        index.FilterField("start"),
    ]

    api_fields = [
        opd_api_field(),
        APIField("start"),
        APIField("end"),
        APIField("location"),
        APIField("lead"),
        APIField("body"),
    ]

    objects = PageManager.from_queryset(EventPageQuerySet)()

    @property
    def listing_summary(self):
        return self.lead

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("Waktu selesai tidak boleh sebelum waktu mulai.")})

    class Meta:
        verbose_name = _("agenda")
        verbose_name_plural = _("agenda")

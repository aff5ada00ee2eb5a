"""/layanan/: the catalogue of every service of the region, grouped by life event, filterable by OPD and topic."""

from django.db import models
from django.utils.translation import gettext as _gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from core.models import BasePage
from opd_pages.models import OpdHomePage, attach_opds

from .service import ServicePage
from .taxonomy import LifeEvent, ServiceTopic


class ServiceCatalogPage(BasePage):
    """The regional service catalogue ("Saya ingin mengurus…"), one under the regional home, edited by humas."""

    template = "pages/service_catalog_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1
    kind_label = _("Katalog layanan")

    intro = models.TextField(
        _("pengantar"), blank=True, help_text=_("Kalimat pembuka di atas katalog, misalnya cara memakai saringan.")
    )

    content_panels = BasePage.content_panels + [FieldPanel("intro")]

    def read_filters(self, params, opds, topics, events):
        """Selected OPD, topic and life event from the query string; unknown values are dropped with a message."""
        selected, messages = {}, []
        for name, options, message in (
            (
                "opd",
                {opd.slug: opd for opd in opds},
                _gettext("OPD yang dipilih tidak dikenal; menampilkan semua OPD."),
            ),
            ("topik", {topic.slug: topic for topic in topics}, _gettext("Topik tidak dikenal dan diabaikan.")),
            ("peristiwa", {event.slug: event for event in events}, _gettext("Peristiwa tidak dikenal dan diabaikan.")),
        ):
            value = (params.get(name) or "").strip().lower()[:80]
            if not value:
                continue
            if value in options:
                selected[name] = options[value]
            else:
                messages.append(message)
        return selected, messages

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        opds = OpdHomePage.objects.directory()
        topics = list(ServiceTopic.objects.all())
        events = list(LifeEvent.objects.all())
        selected, messages = self.read_filters(request.GET, opds, topics, events)
        services = ServicePage.objects.for_catalogue()
        if "opd" in selected:
            services = services.descendant_of(selected["opd"])
        if "topik" in selected:
            services = services.filter(topics=selected["topik"])
        if "peristiwa" in selected:
            services = services.filter(life_events=selected["peristiwa"])
        services = attach_opds(services)
        groups = []
        shown_events = [selected["peristiwa"]] if "peristiwa" in selected else events
        for event in shown_events:
            members = [s for s in services if any(e.pk == event.pk for e in s.life_events.all())]
            if members:
                groups.append({"event": event, "services": members})
        ungrouped = [s for s in services if not s.life_events.all()] if "peristiwa" not in selected else []
        if ungrouped:
            groups.append({"event": None, "services": ungrouped})
        context.update(
            opds=opds,
            topics=topics,
            events=events,
            selected=selected,
            messages=messages,
            groups=groups,
            service_count=len(services),
            has_filters=bool(selected),
        )
        return context

    class Meta:
        verbose_name = _("katalog layanan")
        verbose_name_plural = _("katalog layanan")

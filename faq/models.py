"""Frequently asked questions of an OPD, each optionally about one of its services.

Tree: ``OpdHomePage`` → ``FaqPage`` "Tanya Jawab" (one per OPD, a standard section of the OPD
skeleton). The questions are inline rows of that page, edited, moderated and published with it
by the OPD's own editors; a question tied to a service page is shown on that page too. Both
pages describe their questions as schema.org ``FAQPage`` (:mod:`faq.structured_data`).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, PageManager
from wagtail.search import index

from core.models import BasePage
from opd_pages.models import OpdContentMixin
from opd_pages.models.listing import OpdContentQuerySet

from . import structured_data

ANSWER_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]


class FaqPageForm(WagtailAdminPageForm):
    """A question may be tied only to a service of the same OPD."""

    def clean(self):
        cleaned_data = super().clean()
        formset = self.formsets.get("questions")
        parent = self.parent_page if self.instance._state.adding else self.instance.get_parent()
        if formset is None or parent is None or not formset.is_valid():
            return cleaned_data
        for form in formset.forms:
            service = (getattr(form, "cleaned_data", None) or {}).get("service")
            if service is not None and not service.path.startswith(parent.path):
                form.add_error("service", _("Pilih layanan OPD ini sendiri."))
        return cleaned_data


class FaqPage(OpdContentMixin, BasePage):
    """The "Tanya Jawab" section of an OPD: questions citizens often ask, with their answers."""

    template = "pages/faq_page.html"
    parent_page_types = ["opd_pages.OpdHomePage"]
    subpage_types = []
    max_count_per_parent = 1
    base_form_class = FaqPageForm

    intro = models.TextField(_("pengantar"), blank=True, help_text=_("Kalimat pembuka opsional di atas pertanyaan."))

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        InlinePanel("questions", heading=_("Pertanyaan"), label=_("pertanyaan")),
    ]

    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.RelatedFields("questions", [index.SearchField("question"), index.SearchField("answer")]),
    ]

    objects = PageManager.from_queryset(OpdContentQuerySet)()

    def structured_data(self, request, publisher, page_url):
        """Asked by ``seo.structured_data``: the page as a schema.org FAQPage."""
        return structured_data.faq_page(self.questions.all(), page_url)

    class Meta:
        verbose_name = _("halaman tanya jawab")
        verbose_name_plural = _("halaman tanya jawab")


class FaqItemQuerySet(models.QuerySet):
    def published(self):
        return self.filter(page__in=FaqPage.objects.published().values("pk"))

    def about_service(self, service):
        """Published questions tied to ``service``, in the OPD's order."""
        return self.published().filter(service=service).order_by("sort_order", "pk")


class FaqItem(Orderable):
    """One question and its answer; optionally about one service of the OPD."""

    page = ParentalKey(FaqPage, on_delete=models.CASCADE, related_name="questions")
    question = models.CharField(
        _("pertanyaan"),
        max_length=255,
        help_text=_("Seperti warga bertanya, misalnya 'Apakah membuat KTP-el dipungut biaya?'"),
    )
    answer = RichTextField(
        _("jawaban"), features=ANSWER_FEATURES, help_text=_("Jawaban singkat dan jelas; tautkan ke layanan bila perlu.")
    )
    service = models.ForeignKey(
        "services.ServicePage",
        verbose_name=_("layanan terkait"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Opsional: pertanyaan ini juga tampil di halaman layanan tersebut (layanan OPD ini sendiri)."),
    )

    panels = [FieldPanel("question"), FieldPanel("answer"), FieldPanel("service")]

    objects = FaqItemQuerySet.as_manager()

    class Meta(Orderable.Meta):
        verbose_name = _("pertanyaan")
        verbose_name_plural = _("pertanyaan")

    def __str__(self):
        return self.question

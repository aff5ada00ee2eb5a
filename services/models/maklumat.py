"""Maklumat Pelayanan: an OPD's public service pledge, signed by its head; printable on A4."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import PageManager
from wagtail.search import index

from core.models import BasePage
from opd_pages.api import opd_api_field
from opd_pages.models import OpdContentMixin
from opd_pages.models.listing import OpdContentQuerySet


class MaklumatPageQuerySet(OpdContentQuerySet):
    def signed(self):
        """Maklumat with a pledge, a signatory and a date: what the completeness check accepts."""
        return self.exclude(pledge="").exclude(signed_by_name="").filter(signed_on__isnull=False)


class MaklumatPage(OpdContentMixin, BasePage):
    """The Maklumat Pelayanan of an OPD (one per OPD, under its Layanan index), plain text to print or read aloud."""

    template = "pages/maklumat_page.html"
    parent_page_types = ["services.ServiceIndexPage"]
    subpage_types = []
    max_count_per_parent = 1
    kind_label = _("Maklumat Pelayanan")

    pledge = models.TextField(
        _("isi maklumat"),
        help_text=_(
            "Janji pelayanan, satu paragraf per baris kosong. Contoh: 'Dengan ini kami menyatakan sanggup "
            "menyelenggarakan pelayanan sesuai standar pelayanan yang telah ditetapkan…'. Tulis sebagai teks, "
            "bukan gambar, agar dapat dibaca pembaca layar."
        ),
    )
    place = models.CharField(
        _("tempat penandatanganan"), max_length=80, blank=True, help_text=_("Misalnya 'Kota Contoh'.")
    )
    signed_on = models.DateField(_("tanggal ditandatangani"), default=timezone.localdate)
    signed_by_name = models.CharField(
        _("nama penanda tangan"), max_length=150, help_text=_("Kepala OPD, dengan gelar.")
    )
    signed_by_title = models.CharField(
        _("jabatan penanda tangan"),
        max_length=150,
        help_text=_("Misalnya 'Kepala Dinas Kependudukan dan Pencatatan Sipil'."),
    )
    signed_by_nip = models.CharField(_("NIP"), max_length=30, blank=True)

    content_panels = BasePage.content_panels + [
        FieldPanel("pledge"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("place"), FieldPanel("signed_on")]),
                FieldRowPanel([FieldPanel("signed_by_name"), FieldPanel("signed_by_nip")]),
                FieldPanel("signed_by_title"),
            ],
            heading=_("Penanda tangan"),
        ),
    ]

    search_fields = BasePage.search_fields + [index.SearchField("pledge")]

    api_fields = [
        opd_api_field(),
        APIField("pledge"),
        APIField("place"),
        APIField("signed_on"),
        APIField("signed_by_name"),
        APIField("signed_by_title"),
    ]

    objects = PageManager.from_queryset(MaklumatPageQuerySet)()

    @property
    def paragraphs(self):
        return [part.strip() for part in self.pledge.replace("\r\n", "\n").split("\n\n") if part.strip()]

    @property
    def listing_summary(self):
        return self.paragraphs[0] if self.paragraphs else ""

    class Meta:
        verbose_name = _("maklumat pelayanan")
        verbose_name_plural = _("maklumat pelayanan")

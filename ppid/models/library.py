"""The document library: the PPID section of an OPD and the public documents under it."""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import PageManager
from wagtail.search import index

from core.models import BasePage
from opd_pages.models import OpdContentMixin
from opd_pages.models.listing import OpdContentQuerySet

#: Berkala information must be refreshed at least this often (Perki 1/2021).
BERKALA_REFRESH_MONTHS = 6


class Classification(models.TextChoices):
    """The four PPID categories of public information, in the order the DIP lists them."""

    BERKALA = "berkala", _("Berkala")
    SERTA_MERTA = "serta_merta", _("Serta merta")
    SETIAP_SAAT = "setiap_saat", _("Setiap saat")
    DIKECUALIKAN = "dikecualikan", _("Dikecualikan")


class DocumentKind(models.Model):
    """A jenis dokumen (Renstra, Renja, LKjIP…): the list Diskominfo edits under Snippets."""

    name = models.CharField(_("nama"), max_length=80, unique=True, help_text=_("Misalnya 'Renstra' atau 'SOP'."))
    sort_order = models.PositiveSmallIntegerField(
        _("urutan"), default=100, help_text=_("Urutan di daftar pilihan; angka kecil tampil lebih dulu.")
    )

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("jenis dokumen")
        verbose_name_plural = _("jenis dokumen")

    def __str__(self):
        return self.name


def stale_before(today=None):
    """Berkala items last refreshed before this date are overdue for refreshing."""
    today = today or timezone.localdate()
    month = today.month - BERKALA_REFRESH_MONTHS
    year = today.year
    if month < 1:
        month += 12
        year -= 1
    day = min(today.day, 28)
    return datetime.date(year, month, day)


class PublicDocumentQuerySet(OpdContentQuerySet):
    def for_listing(self):
        """Published documents with what a listing row shows, newest first (no query per row)."""
        return self.published().select_related("kind", "document").order_by("-year", "-document_date", "title", "pk")

    def filtered(self, opd=None, kind=None, year=None, query=""):
        documents = self
        if opd is not None:
            documents = documents.descendant_of(opd)
        if kind is not None:
            documents = documents.filter(kind=kind)
        if year:
            documents = documents.filter(year=year)
        if query:
            documents = documents.filter(
                models.Q(title__icontains=query)
                | models.Q(summary__icontains=query)
                | models.Q(number__icontains=query)
            )
        return documents

    def stale_berkala(self, today=None):
        return self.filter(classification=Classification.BERKALA, refreshed_on__lt=stale_before(today))


class PpidIndexPage(OpdContentMixin, BasePage):
    """PPID: an OPD's public-information section (PPID Pelaksana; at Diskominfo the PPID Utama).

    Lists its documents with filters, carries the PPID profile, contacts and procedures, and
    serves the Daftar Informasi Publik and the request form as sub-routes (see ``ppid.urls``).
    """

    template = "pages/ppid_index_page.html"
    parent_page_types = ["opd_pages.OpdHomePage"]
    subpage_types = ["ppid.PublicDocumentPage"]
    max_count_per_parent = 1
    kind_label = _("PPID")

    intro = models.TextField(
        _("pengantar"),
        blank=True,
        help_text=_("Satu atau dua kalimat tentang layanan informasi publik OPD ini."),
    )
    officer_name = models.CharField(
        _("nama PPID"),
        max_length=150,
        blank=True,
        help_text=_("Pejabat yang ditetapkan sebagai PPID (Pelaksana) di OPD ini, beserta jabatannya."),
    )
    superior_name = models.CharField(
        _("atasan PPID"),
        max_length=150,
        blank=True,
        help_text=_("Pejabat yang menerima dan memutus keberatan, misalnya 'Sekretaris Daerah'."),
    )
    profile = RichTextField(
        _("profil PPID"),
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_("Dasar hukum penetapan, struktur dan tugas PPID."),
    )
    address = models.TextField(_("alamat layanan"), blank=True, help_text=_("Alamat meja layanan informasi."))
    phone = models.CharField(_("telepon"), max_length=50, blank=True, help_text=_("Nomor telepon layanan informasi."))
    email = models.EmailField(_("surel"), blank=True, help_text=_("Alamat surel layanan informasi."))
    service_hours = models.TextField(
        _("jam layanan"), blank=True, help_text=_("Satu hari atau rentang per baris, mis. 'Senin–Jumat: 08.00–15.00'.")
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("officer_name"), FieldPanel("superior_name"), FieldPanel("profile")], _("Profil")),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
                FieldPanel("service_hours"),
            ],
            heading=_("Kontak"),
        ),
    ]

    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    objects = PageManager.from_queryset(OpdContentQuerySet)()

    class Meta:
        verbose_name = _("halaman PPID")
        verbose_name_plural = _("halaman PPID")

    @cached_property
    def service_hours_lines(self):
        return [line.strip() for line in self.service_hours.splitlines() if line.strip()]

    def get_context(self, request, *args, **kwargs):
        from ..listing import document_listing_context

        context = super().get_context(request, *args, **kwargs)
        context.update(document_listing_context(request, opd=self.opd))
        return context


class PublicDocumentPage(OpdContentMixin, BasePage):
    """A public document of an OPD's PPID library (Renstra, SOP, laporan keuangan…) with its metadata.

    Dikecualikan (exempt) items carry the uji konsekuensi and never a file: the DIP lists them,
    nobody can download them.
    """

    template = "pages/public_document_page.html"
    parent_page_types = ["ppid.PpidIndexPage"]
    subpage_types = []
    kind_label = _("Dokumen publik")

    kind = models.ForeignKey(
        DocumentKind,
        verbose_name=_("jenis dokumen"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Jenis dokumen; daftarnya diatur Diskominfo."),
    )
    number = models.CharField(
        _("nomor"), max_length=120, blank=True, help_text=_("Nomor dokumen, misalnya '050/123/Dinkes/2026'.")
    )
    year = models.PositiveSmallIntegerField(
        _("tahun"),
        validators=[MinValueValidator(1945), MaxValueValidator(2100)],
        db_index=True,
        help_text=_("Tahun anggaran atau tahun berlaku dokumen."),
    )
    document_date = models.DateField(_("tanggal dokumen"), null=True, blank=True, help_text=_("Tanggal penetapan."))
    summary = models.TextField(
        _("ringkasan"), max_length=1000, help_text=_("Isi dokumen dalam dua atau tiga kalimat, untuk warga.")
    )
    classification = models.CharField(
        _("klasifikasi informasi"),
        max_length=20,
        choices=Classification.choices,
        default=Classification.BERKALA,
        db_index=True,
        help_text=_(
            "Berkala: diumumkan dan diperbarui paling lambat 6 bulan sekali. Serta merta: mengancam hajat "
            "hidup orang banyak. Setiap saat: tersedia bila diminta. Dikecualikan: hanya setelah uji konsekuensi."
        ),
    )
    consequence_test = models.TextField(
        _("uji konsekuensi"),
        blank=True,
        help_text=_(
            "Wajib untuk informasi yang dikecualikan: pasal UU 14/2008 yang menjadi dasar, konsekuensi bila "
            "dibuka, dan jangka waktu pengecualian."
        ),
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("berkas"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Berkas yang dapat diunduh warga. Informasi yang dikecualikan tidak boleh memiliki berkas."),
    )
    refreshed_on = models.DateField(
        _("terakhir diperbarui"),
        default=timezone.localdate,
        help_text=_("Tanggal isi dokumen terakhir dimutakhirkan; informasi berkala wajib diperbarui tiap 6 bulan."),
    )

    content_panels = BasePage.content_panels + [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("classification")]),
        FieldRowPanel([FieldPanel("number"), FieldPanel("year"), FieldPanel("document_date")]),
        FieldPanel("summary"),
        FieldPanel("document"),
        FieldPanel("refreshed_on"),
        FieldPanel("consequence_test"),
    ]

    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("number"),
        index.FilterField("year"),
        index.FilterField("classification"),
    ]

    objects = PageManager.from_queryset(PublicDocumentQuerySet)()

    class Meta:
        verbose_name = _("dokumen publik")
        verbose_name_plural = _("dokumen publik")

    @property
    def listing_summary(self):
        return self.summary

    @property
    def is_exempt(self):
        return self.classification == Classification.DIKECUALIKAN

    def is_stale(self, today=None):
        return self.classification == Classification.BERKALA and self.refreshed_on < stale_before(today)

    @property
    def downloadable(self):
        return self.document if not self.is_exempt else None

    def clean(self):
        super().clean()
        errors = {}
        if self.is_exempt:
            if self.document_id:
                errors["document"] = _("Informasi yang dikecualikan tidak boleh memiliki berkas yang dapat diunduh.")
            if not self.consequence_test.strip():
                errors["consequence_test"] = _("Tuliskan uji konsekuensi untuk informasi yang dikecualikan.")
        elif not self.document_id:
            errors["document"] = _("Unggah atau pilih berkas dokumen.")
        if errors:
            raise ValidationError(errors)

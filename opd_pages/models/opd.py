"""The OPD home page, and how any page finds the OPD it belongs to."""

from django.core.validators import RegexValidator
from django.db import models
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import Page, PageManager
from wagtail.search import index

from core.models import BasePage, PortalPageQuerySet

from ..api import image_api_fields


class OpdKind(models.TextChoices):
    """Kinds of agency, in the order the directory lists them."""

    SEKRETARIAT = "sekretariat", _("Sekretariat")
    INSPEKTORAT = "inspektorat", _("Inspektorat")
    DINAS = "dinas", _("Dinas")
    BADAN = "badan", _("Badan")
    SATUAN = "satuan", _("Satuan")
    KECAMATAN = "kecamatan", _("Kecamatan")
    LAINNYA = "lainnya", _("Unit lainnya")


KIND_ORDER = {kind.value: position for position, kind in enumerate(OpdKind)}


class OpdHomePageQuerySet(PortalPageQuerySet):
    def directory(self):
        """Live, public OPD sections in directory order (kind, then name), as a list."""
        # Ordered by the OPD table's own key in SQL (then sorted here): ordering by the page
        # table's title makes SQLite walk every page of a 100,000-page tree to find the OPDs.
        return sorted(self.published().order_by("pk"), key=lambda opd: (opd.kind_order, opd.title))

    def containing(self, pages):
        """The OPD home pages that are ancestors of (or equal to) any of ``pages``."""
        steplen = Page.steplen
        prefixes = {p.path[:end] for p in pages for end in range(steplen, len(p.path) + 1, steplen)}
        return self.filter(path__in=prefixes)


class OpdHomePage(BasePage):
    """Home of one OPD's section, directly under the regional home; its slug is the acronym."""

    template = "pages/opd_home_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = [
        "opd_pages.NewsIndexPage",
        "opd_pages.AnnouncementIndexPage",
        "opd_pages.EventIndexPage",
        "opd_pages.ProfilePage",
    ]
    kind_label = _("Profil OPD")

    acronym = models.CharField(
        _("singkatan"),
        max_length=30,
        unique=True,
        validators=[RegexValidator(r"^[A-Za-z][A-Za-z0-9-]*$", _("Gunakan huruf, angka atau tanda hubung saja."))],
        help_text=_("Singkatan resmi yang dikenal warga, misalnya 'Dinkes'. Menjadi alamat bagian ini (/dinkes/)."),
    )
    kind = models.CharField(
        _("jenis OPD"),
        max_length=20,
        choices=OpdKind.choices,
        default=OpdKind.DINAS,
        help_text=_("Menentukan kelompok OPD di direktori beranda."),
    )
    intro = models.TextField(
        _("pengantar singkat"),
        blank=True,
        max_length=600,
        help_text=_("Satu atau dua kalimat tentang tugas OPD ini, untuk beranda OPD dan direktori."),
    )
    head_name = models.CharField(
        _("nama pimpinan"), max_length=150, blank=True, help_text=_("Nama lengkap kepala OPD beserta gelar.")
    )
    head_title = models.CharField(
        _("jabatan pimpinan"), max_length=150, blank=True, help_text=_("Misalnya 'Kepala Dinas Kesehatan'.")
    )
    address = models.TextField(_("alamat kantor"), blank=True, help_text=_("Alamat lengkap kantor utama."))
    phone = models.CharField(_("telepon"), max_length=50, blank=True, help_text=_("Nomor telepon kantor."))
    email = models.EmailField(_("surel"), blank=True, help_text=_("Alamat surel resmi, sebaiknya berakhiran go.id."))
    service_hours = models.TextField(
        _("jam layanan"),
        blank=True,
        help_text=_("Satu hari atau rentang per baris, misalnya 'Senin–Kamis: 08.00–15.30'."),
    )
    latitude = models.DecimalField(
        _("lintang"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        help_text=_("Koordinat peta, mis. -6.914744."),
    )
    longitude = models.DecimalField(
        _("bujur"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        help_text=_("Koordinat peta, mis. 107.609810."),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Logo atau lambang OPD, sebaiknya persegi."),
    )

    content_panels = BasePage.content_panels + [
        FieldRowPanel([FieldPanel("acronym"), FieldPanel("kind")]),
        FieldPanel("intro"),
        FieldPanel("logo"),
        MultiFieldPanel([FieldPanel("head_name"), FieldPanel("head_title")], heading=_("Pimpinan")),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
                FieldPanel("service_hours"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Kontak dan lokasi"),
        ),
    ]

    search_fields = BasePage.search_fields + [
        index.SearchField("acronym", boost=3),
        index.AutocompleteField("acronym"),
        index.SearchField("intro"),
        index.SearchField("head_name"),
        index.FilterField("kind"),
    ]

    api_fields = [
        APIField("acronym"),
        APIField("kind"),
        APIField("intro"),
        APIField("head_name"),
        APIField("head_title"),
        APIField("address"),
        APIField("phone"),
        APIField("email"),
        APIField("service_hours"),
        APIField("latitude"),
        APIField("longitude"),
        *image_api_fields("logo"),
    ]

    objects = PageManager.from_queryset(OpdHomePageQuerySet)()

    @property
    def opd(self):
        return self

    @property
    def kind_order(self):
        return KIND_ORDER.get(self.kind, len(KIND_ORDER))

    @property
    def listing_summary(self):
        return self.intro

    @cached_property
    def service_hours_lines(self):
        return [line.strip() for line in self.service_hours.splitlines() if line.strip()]

    @cached_property
    def sections(self):
        """The live child pages (Berita, Pengumuman, Agenda, profile pages) for navigation."""
        return list(PortalPageQuerySet(Page).child_of(self).published())

    def full_clean(self, *args, **kwargs):
        if self.acronym:
            self.slug = slugify(self.acronym)
        super().full_clean(*args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from .announcements import AnnouncementPage
        from .events import EventPage
        from .news import NewsPage

        context = super().get_context(request, *args, **kwargs)
        context["latest_news"] = list(NewsPage.objects.of_opd(self).for_listing()[:4])
        context["current_announcements"] = list(AnnouncementPage.objects.of_opd(self).current()[:3])
        context["upcoming_events"] = list(EventPage.objects.of_opd(self).upcoming()[:3])
        for item in context["latest_news"]:
            item.opd = self
        return context

    class Meta:
        verbose_name = _("beranda OPD")
        verbose_name_plural = _("beranda OPD")


class OpdContentMixin:
    """Gives a page inside an OPD section an ``opd`` attribute (its ancestor OPD home).

    For a list of pages use :func:`attach_opds`, which costs one query for the whole list.
    """

    @property
    def opd(self):
        if not hasattr(self, "_opd"):
            self._opd = OpdHomePage.objects.containing([self]).first()
        return self._opd

    @opd.setter
    def opd(self, value):
        self._opd = value


def attach_opds(pages):
    """Set ``page.opd`` on every page of ``pages`` with one query; returns the pages as a list.

    An OPD home page is its own OPD (its ``opd`` is read-only) and is left as it is.
    """
    pages = list(pages)
    opds = list(OpdHomePage.objects.containing(pages))
    for page in pages:
        if isinstance(page, OpdHomePage):
            continue
        page.opd = next((opd for opd in opds if page.path.startswith(opd.path)), None)
    return pages

"""A public service of an OPD with its Standar Pelayanan (PermenPANRB 15/2014), and the OPD's Layanan index."""

from django import forms
from django.conf import settings
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import PageManager
from wagtail.search import index

from core.models import BasePage
from opd_pages.api import opd_api_field
from opd_pages.models import OpdContentMixin
from opd_pages.models.listing import OpdContentQuerySet

from ..blocks import ProcedureBlock, RequirementsBlock
from ..panels import CompletenessPanel


class DurationUnit(models.TextChoices):
    MENIT = "menit", _("menit")
    JAM = "jam", _("jam")
    HARI_KERJA = "hari-kerja", _("hari kerja")


class FeeType(models.TextChoices):
    GRATIS = "gratis", _("Gratis")
    BERBAYAR = "berbayar", _("Berbayar")


class InternalDisplay(models.TextChoices):
    COLLAPSED = "ringkas", _("Ringkas: komponen internal terlipat di bawah halaman")
    FULL = "lengkap", _("Lengkap: seluruh standar tampil dan siap dicetak")


class ServicePageQuerySet(OpdContentQuerySet):
    def for_catalogue(self):
        """Published services with their taxonomy, by title (three queries whatever their number)."""
        return self.published().prefetch_related("life_events", "topics").order_by("title", "pk")


def _text(help_text, label, **kwargs):
    return models.TextField(label, blank=True, help_text=help_text, **kwargs)


class ServicePage(OpdContentMixin, BasePage):
    """A public service of an OPD (KTP-el, akta kelahiran, PBG…) with its Standar Pelayanan, under Layanan."""

    template = "pages/service_page.html"
    parent_page_types = ["services.ServiceIndexPage"]
    subpage_types = []
    kind_label = _("Layanan")
    #: Search (search.engine) ranks a service matching in its name, synonyms or life events above news.
    search_ranks_first = True

    summary = models.TextField(
        _("ringkasan"),
        max_length=300,
        help_text=_("Satu-dua kalimat: untuk siapa layanan ini dan apa hasilnya. Tampil di katalog dan pencarian."),
    )
    synonyms = models.CharField(
        _("nama lain"),
        max_length=255,
        blank=True,
        help_text=_(
            "Kata yang diketik warga, dipisah koma, misalnya 'akte lahir, surat kelahiran'. Berbobot tinggi di "
            "pencarian."
        ),
    )
    life_events = ParentalManyToManyField(
        "services.LifeEvent",
        verbose_name=_("peristiwa hidup"),
        blank=True,
        related_name="services",
        help_text=_("Di bawah 'Saya ingin mengurus…' mana layanan ini tampil di katalog. Boleh lebih dari satu."),
    )
    topics = ParentalManyToManyField(
        "services.ServiceTopic",
        verbose_name=_("topik"),
        blank=True,
        related_name="services",
        help_text=_("Topik untuk penyaringan katalog. Boleh lebih dari satu."),
    )

    # The six components published to citizens (service delivery).
    requirements = StreamField(
        RequirementsBlock(),
        verbose_name=_("persyaratan"),
        blank=True,
        help_text=_("Komponen 1. Satu butir per dokumen atau syarat; lampirkan formulirnya bila ada."),
    )
    procedure = StreamField(
        ProcedureBlock(),
        verbose_name=_("sistem, mekanisme dan prosedur"),
        blank=True,
        help_text=_("Komponen 2. Langkah-langkah berurutan dari datang sampai menerima hasil."),
    )
    duration_value = models.PositiveSmallIntegerField(
        _("jangka waktu"), null=True, blank=True, help_text=_("Komponen 3. Lama penyelesaian sejak berkas lengkap.")
    )
    duration_unit = models.CharField(
        _("satuan waktu"), max_length=12, choices=DurationUnit.choices, default=DurationUnit.HARI_KERJA
    )
    fee_type = models.CharField(
        _("biaya/tarif"),
        max_length=10,
        choices=FeeType.choices,
        blank=True,
        help_text=_("Komponen 4. Pilih 'Gratis' bila tanpa biaya; bila berbayar isi besarnya dan dasar hukumnya."),
    )
    fee_amount = models.PositiveIntegerField(
        _("besar biaya (Rp)"), null=True, blank=True, help_text=_("Dalam rupiah, tanpa titik, misalnya 50000.")
    )
    fee_details = models.CharField(
        _("rincian biaya"),
        max_length=255,
        blank=True,
        help_text=_("Opsional, misalnya 'per lembar' atau tarif bertingkat."),
    )
    fee_legal_basis = models.CharField(
        _("dasar hukum biaya"),
        max_length=255,
        blank=True,
        help_text=_("Peraturan yang menetapkan biaya atau membebaskannya, misalnya 'Perda No. 5 Tahun 2023'."),
    )
    product = _text(_("Komponen 5. Apa yang diterima warga, misalnya 'Akta Kelahiran dan KIA'."), _("produk pelayanan"))
    complaint_portal_form = models.BooleanField(
        _("formulir pengaduan portal"),
        default=False,
        help_text=_("Komponen 6. Tautkan formulir pengaduan portal untuk layanan ini."),
    )
    complaint_lapor = models.BooleanField(
        _("SP4N-LAPOR!"), default=False, help_text=_("Pengaduan juga diterima melalui lapor.go.id.")
    )
    complaint_phone = models.CharField(_("telepon/WhatsApp pengaduan"), max_length=50, blank=True)
    complaint_email = models.EmailField(_("surel pengaduan"), blank=True)
    complaint_note = _text(_("Opsional: kotak saran, loket pengaduan, jam tanggapan."), _("keterangan pengaduan"))

    # The eight internal components (manufacturing).
    legal_basis = _text(_("Komponen 7. Satu peraturan per baris."), _("dasar hukum"))
    facilities = _text(_("Komponen 8. Ruang tunggu, loket, perangkat."), _("sarana, prasarana dan fasilitas"))
    facilities_vulnerable = _text(
        _("Bagian komponen 8: fasilitas bagi penyandang disabilitas, lansia, ibu hamil dan anak."),
        _("fasilitas kelompok rentan"),
    )
    competence = _text(_("Komponen 9. Pendidikan, pelatihan, keahlian petugas."), _("kompetensi pelaksana"))
    internal_supervision = _text(_("Komponen 10. Siapa mengawasi dan bagaimana."), _("pengawasan internal"))
    staff_count = models.PositiveSmallIntegerField(
        _("jumlah pelaksana"), null=True, blank=True, help_text=_("Komponen 11. Jumlah petugas layanan ini.")
    )
    service_guarantee = _text(_("Komponen 12. Janji kepastian layanan sesuai standar."), _("jaminan pelayanan"))
    security_guarantee = _text(
        _("Komponen 13. Rasa aman, bebas bahaya dan risiko keraguan."), _("jaminan keamanan dan keselamatan")
    )
    performance_evaluation = _text(
        _("Komponen 14. Cara dan jadwal menilai kinerja, misalnya survei kepuasan (SKM) per semester."),
        _("evaluasi kinerja pelaksana"),
    )
    internal_display = models.CharField(
        _("tampilan komponen internal"),
        max_length=10,
        choices=InternalDisplay.choices,
        default=InternalDisplay.COLLAPSED,
        help_text=_("Bagaimana delapan komponen internal tampil di halaman publik."),
    )

    # Where the service is delivered and when the standard was set.
    unit_name = models.CharField(
        _("unit pelaksana"),
        max_length=160,
        blank=True,
        help_text=_("Misalnya 'Loket Pelayanan Disdukcapil' atau 'MPP'."),
    )
    address = _text(_("Kosongkan bila sama dengan alamat kantor OPD."), _("alamat tempat layanan"))
    hours = _text(_("Satu hari atau rentang per baris. Kosongkan bila sama dengan jam layanan OPD."), _("jam layanan"))
    online_url = models.URLField(
        _("layanan daring"),
        blank=True,
        help_text=_("Alamat aplikasi bila layanan dapat diajukan daring, misalnya OSS."),
    )
    sk_number = models.CharField(
        _("nomor SK standar pelayanan"),
        max_length=120,
        blank=True,
        help_text=_("Keputusan kepala OPD yang menetapkan standar ini."),
    )
    sk_date = models.DateField(_("tanggal SK"), null=True, blank=True)
    last_reviewed = models.DateField(
        _("terakhir ditinjau"),
        null=True,
        blank=True,
        help_text=_("Tanggal standar terakhir diperiksa masih berlaku. Tinjau setidaknya setahun sekali."),
    )

    citizen_panels = [
        FieldPanel("requirements"),
        FieldPanel("procedure"),
        FieldRowPanel([FieldPanel("duration_value"), FieldPanel("duration_unit")], heading=_("Jangka waktu")),
        MultiFieldPanel(
            [
                FieldPanel("fee_type"),
                FieldRowPanel([FieldPanel("fee_amount"), FieldPanel("fee_details")]),
                FieldPanel("fee_legal_basis"),
            ],
            heading=_("Biaya/tarif"),
        ),
        FieldPanel("product"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("complaint_portal_form"), FieldPanel("complaint_lapor")]),
                FieldRowPanel([FieldPanel("complaint_phone"), FieldPanel("complaint_email")]),
                FieldPanel("complaint_note"),
            ],
            heading=_("Penanganan pengaduan, saran dan masukan"),
        ),
    ]
    internal_panels = [
        FieldPanel("internal_display"),
        FieldPanel("legal_basis"),
        FieldPanel("facilities"),
        FieldPanel("facilities_vulnerable"),
        FieldPanel("competence"),
        FieldPanel("internal_supervision"),
        FieldPanel("staff_count"),
        FieldPanel("service_guarantee"),
        FieldPanel("security_guarantee"),
        FieldPanel("performance_evaluation"),
    ]
    place_panels = [
        MultiFieldPanel(
            [FieldPanel("unit_name"), FieldPanel("address"), FieldPanel("hours"), FieldPanel("online_url")],
            heading=_("Tempat layanan"),
        ),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("sk_number"), FieldPanel("sk_date")]), FieldPanel("last_reviewed")],
            heading=_("Penetapan dan peninjauan"),
        ),
    ]

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    CompletenessPanel(heading=_("Kelengkapan standar pelayanan")),
                    *BasePage.content_panels,
                    FieldPanel("summary"),
                    FieldPanel("synonyms"),
                    FieldPanel("life_events", widget=forms.CheckboxSelectMultiple),
                    FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
                ],
                heading=_("Layanan"),
            ),
            ObjectList(citizen_panels, heading=_("Untuk warga (6 komponen)")),
            ObjectList(internal_panels, heading=_("Standar internal (8 komponen)")),
            ObjectList(place_panels, heading=_("Tempat dan penetapan")),
            ObjectList(BasePage.promote_panels, heading=_("Promosi")),
            ObjectList(BasePage.settings_panels, heading=_("Pengaturan")),
        ]
    )

    search_fields = BasePage.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("synonyms", boost=4),
        index.AutocompleteField("synonyms"),
        index.RelatedFields(
            "life_events", [index.SearchField("name", boost=3), index.SearchField("keywords", boost=3)]
        ),
        index.RelatedFields("topics", [index.SearchField("name")]),
        index.SearchField("product"),
        index.SearchField("requirements"),
        index.SearchField("procedure"),
        index.SearchField("unit_name"),
    ]

    api_fields = [
        opd_api_field(),
        APIField("summary"),
        APIField("synonyms"),
        APIField("life_events"),
        APIField("topics"),
        APIField("requirements"),
        APIField("procedure"),
        APIField("duration_value"),
        APIField("duration_unit"),
        APIField("duration_label"),
        APIField("fee_type"),
        APIField("fee_amount"),
        APIField("fee_details"),
        APIField("fee_legal_basis"),
        APIField("fee_label"),
        APIField("product"),
        APIField("complaint_channels"),
        APIField("unit_name"),
        APIField("address"),
        APIField("hours"),
        APIField("online_url"),
        APIField("sk_number"),
        APIField("sk_date"),
        APIField("last_reviewed"),
        APIField("completeness"),
    ]

    objects = PageManager.from_queryset(ServicePageQuerySet)()

    @property
    def listing_summary(self):
        return self.summary

    @property
    def duration_label(self):
        """'14 hari kerja', or '' when the time is not set."""
        if self.duration_value is None:
            return ""
        return f"{self.duration_value} {DurationUnit(self.duration_unit).label}"

    @property
    def fee_label(self):
        """'Gratis', 'Rp50.000', or '' when the fee is not set."""
        if self.fee_type == FeeType.GRATIS:
            return str(FeeType.GRATIS.label)
        if self.fee_type == FeeType.BERBAYAR and self.fee_amount is not None:
            return "Rp" + f"{self.fee_amount:,}".replace(",", ".")
        if self.fee_type == FeeType.BERBAYAR:
            return str(FeeType.BERBAYAR.label)
        return ""

    @property
    def at_a_glance(self):
        """'Gratis · 14 hari kerja': cost and time, for the catalogue and search results."""
        return " · ".join(part for part in (self.fee_label, self.duration_label) if part)

    @property
    def complaint_form_url(self):
        return f"{getattr(settings, 'PORTAL_COMPLAINT_FORM_URL', '/pengaduan/')}?layanan={self.pk}"

    @property
    def complaint_channels(self):
        """The complaint channels as (label, value, url) rows, the portal form first."""
        channels = []
        if self.complaint_portal_form and self.pk:
            channels.append((str(_("Formulir pengaduan portal")), "", self.complaint_form_url))
        if self.complaint_phone:
            channels.append(
                (str(_("Telepon/WhatsApp")), self.complaint_phone, "tel:" + self.complaint_phone.replace(" ", ""))
            )
        if self.complaint_email:
            channels.append((str(_("Surel")), self.complaint_email, "mailto:" + self.complaint_email))
        if self.complaint_lapor:
            channels.append(("SP4N-LAPOR!", "lapor.go.id", "https://www.lapor.go.id/"))
        return channels

    @property
    def legal_basis_lines(self):
        return [line.strip() for line in self.legal_basis.splitlines() if line.strip()]

    @property
    def hours_lines(self):
        return [line.strip() for line in self.hours.splitlines() if line.strip()]

    @cached_property
    def completeness(self):
        from ..completeness import score_service

        return score_service(self).as_dict()

    @classmethod
    def search_result_details(cls, page_ids):
        """Page id → 'Gratis · 14 hari kerja' for the search results (one query)."""
        fields = ("pk", "fee_type", "fee_amount", "duration_value", "duration_unit")
        return {page.pk: page.at_a_glance for page in cls.objects.filter(pk__in=page_ids).only(*fields)}

    def structured_data(self, request, provider, page_url):
        from ..structured_data import government_service

        return government_service(self, request, provider, page_url)

    def get_context(self, request, *args, **kwargs):
        from .catalogue import ServiceCatalogPage

        context = super().get_context(request, *args, **kwargs)
        catalogue = ServiceCatalogPage.objects.live().order_by("pk").first()
        context["catalogue_url"] = catalogue.get_url(request) if catalogue else ""
        return context

    def internal_components(self):
        """(label, text) of the eight internal components, for the page's collapsed or full standard."""
        staff = ngettext("%(count)s orang", "%(count)s orang", self.staff_count or 0) % {"count": self.staff_count}
        return [
            (_("Dasar hukum"), "\n".join(self.legal_basis_lines)),
            (_("Sarana, prasarana dan fasilitas"), self.facilities),
            (_("Fasilitas bagi kelompok rentan"), self.facilities_vulnerable),
            (_("Kompetensi pelaksana"), self.competence),
            (_("Pengawasan internal"), self.internal_supervision),
            (_("Jumlah pelaksana"), staff if self.staff_count else ""),
            (_("Jaminan pelayanan"), self.service_guarantee),
            (_("Jaminan keamanan dan keselamatan"), self.security_guarantee),
            (_("Evaluasi kinerja pelaksana"), self.performance_evaluation),
        ]

    class Meta:
        verbose_name = _("layanan")
        verbose_name_plural = _("layanan")


class ServiceIndexPage(OpdContentMixin, BasePage):
    """Layanan: the list of one OPD's services and its Maklumat Pelayanan (a standard OPD section)."""

    template = "pages/service_index_page.html"
    parent_page_types = ["opd_pages.OpdHomePage"]
    subpage_types = ["services.ServicePage", "services.MaklumatPage"]
    max_count_per_parent = 1
    kind_label = _("Layanan OPD")

    intro = models.TextField(
        _("pengantar"), blank=True, help_text=_("Kalimat pembuka opsional di atas daftar layanan.")
    )

    content_panels = BasePage.content_panels + [FieldPanel("intro")]

    def get_context(self, request, *args, **kwargs):
        from .maklumat import MaklumatPage

        context = super().get_context(request, *args, **kwargs)
        services = list(ServicePage.objects.child_of(self).published().order_by("title", "pk"))
        for service in services:
            service.opd = self.opd
        context["services"] = services
        context["maklumat"] = MaklumatPage.objects.child_of(self).published().first()
        return context

    class Meta:
        verbose_name = _("indeks layanan")
        verbose_name_plural = _("indeks layanan")

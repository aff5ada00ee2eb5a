"""The officials (pejabat) of each OPD, kept on the OPD's "Pejabat" section page.

Tree: ``OpdHomePage`` → ``OfficialsPage`` "Pejabat" (one per OPD, a standard section of the
OPD skeleton). The officials are inline rows of that page, so they are edited, moderated and
published with it by the OPD's own editors, under the OPD's page permissions; the rows in the
database are the published ones (a draft lives in its revision only). The region-wide
directory (``/pejabat/``) and the OPD home's head read the published rows.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.images import get_image_model
from wagtail.models import Orderable, PageManager
from wagtail.search import index

from core.models import BasePage
from opd_pages.models import OpdContentMixin
from opd_pages.models.listing import OpdContentQuerySet
from opd_teams.media import refuse_foreign_images

#: Rendition specs of an official's photo (portrait, WebP), prefetched by every listing.
PHOTO_SPECS = ["fill-160x200|format-webp", "fill-320x400|format-webp"]


class Echelon(models.TextChoices):
    """Eselon of a structural position, or a functional position."""

    II_A = "II.a", _("Eselon II.a")
    II_B = "II.b", _("Eselon II.b")
    III_A = "III.a", _("Eselon III.a")
    III_B = "III.b", _("Eselon III.b")
    IV_A = "IV.a", _("Eselon IV.a")
    IV_B = "IV.b", _("Eselon IV.b")
    FUNCTIONAL = "fungsional", _("Jabatan fungsional")
    OTHER = "lainnya", _("Lainnya")


ECHELON_ORDER = {echelon.value: position for position, echelon in enumerate(Echelon)}


class OfficialsPageForm(WagtailAdminPageForm):
    """At most one head per OPD; photos only from the editor's own collection."""

    def clean(self):
        cleaned_data = super().clean()
        formset = self.formsets.get("officials")
        if formset is not None and formset.is_valid():
            heads = [f for f in formset.forms if f.cleaned_data.get("is_head") and not f.cleaned_data.get("DELETE")]
            for extra in heads[1:]:
                extra.add_error("is_head", _("Hanya satu pejabat yang dapat ditandai sebagai pimpinan OPD."))
        return cleaned_data

    def is_valid(self):
        valid = super().is_valid()
        return refuse_foreign_images(self, "officials", "photo") and valid


class OfficialsPage(OpdContentMixin, BasePage):
    """The "Pejabat" section of an OPD: its officials with photo, position and career; under the OPD home."""

    template = "pages/officials_page.html"
    parent_page_types = ["opd_pages.OpdHomePage"]
    subpage_types = []
    max_count_per_parent = 1
    base_form_class = OfficialsPageForm

    intro = models.TextField(
        _("pengantar"), blank=True, help_text=_("Kalimat pembuka opsional di atas daftar pejabat.")
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        InlinePanel("officials", heading=_("Pejabat"), label=_("pejabat")),
    ]

    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.RelatedFields("officials", [index.SearchField("name"), index.SearchField("position")]),
    ]

    objects = PageManager.from_queryset(OpdContentQuerySet)()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["officials"] = sorted_officials(self.officials.all().select_related("photo"))
        return context

    class Meta:
        verbose_name = _("halaman pejabat")
        verbose_name_plural = _("halaman pejabat")


class OfficialQuerySet(models.QuerySet):
    def published(self):
        """Officials on a live, public "Pejabat" page."""
        return self.filter(page__in=OfficialsPage.objects.published().values("pk"))

    def of_opd(self, opd):
        return self.filter(page__in=OfficialsPage.objects.of_opd(opd).values("pk"))

    def matching(self, text):
        """Officials whose name, position or unit contains ``text`` (case-insensitive)."""
        text = (text or "").strip()
        if not text:
            return self
        condition = models.Q()
        for word in text.split()[:6]:
            condition &= (
                models.Q(name__icontains=word) | models.Q(position__icontains=word) | models.Q(unit__icontains=word)
            )
        return self.filter(condition)

    def with_photos(self):
        photos = get_image_model().objects.prefetch_renditions(*PHOTO_SPECS)
        return self.select_related("page").prefetch_related(models.Prefetch("photo", queryset=photos))

    def directory_order(self):
        """The OPD's head first, then by echelon, then by the OPD's own order."""
        return self.order_by("page__path", "-is_head", "echelon_rank", "sort_order", "pk")


class Official(Orderable):
    """One official (pejabat) of an OPD: name, position, echelon, photo, unit, contact, short career."""

    page = ParentalKey(OfficialsPage, on_delete=models.CASCADE, related_name="officials")
    name = models.CharField(_("nama"), max_length=150, help_text=_("Nama lengkap beserta gelar."))
    position = models.CharField(_("jabatan"), max_length=200, help_text=_("Misalnya 'Kepala Dinas Kesehatan'."))
    echelon = models.CharField(
        _("eselon"),
        max_length=12,
        choices=Echelon.choices,
        default=Echelon.OTHER,
        help_text=_("Eselon jabatan struktural, atau 'Jabatan fungsional'."),
    )
    echelon_rank = models.PositiveSmallIntegerField(editable=False, default=len(ECHELON_ORDER))
    is_head = models.BooleanField(
        _("pimpinan OPD"),
        default=False,
        help_text=_("Centang untuk kepala OPD: nama dan fotonya tampil di beranda OPD. Hanya satu per OPD."),
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("foto"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Pasfoto resmi dari koleksi media OPD, sebaiknya tegak (3:4). Isi teks alternatifnya."),
    )
    unit = models.CharField(
        _("unit kerja"), max_length=200, blank=True, help_text=_("Bidang, bagian atau UPT, misalnya 'Bidang P2P'.")
    )
    phone = models.CharField(_("telepon kantor"), max_length=50, blank=True, help_text=_("Nomor telepon dinas."))
    email = models.EmailField(_("surel dinas"), blank=True, help_text=_("Alamat surel dinas, bukan pribadi."))
    career = models.TextField(
        _("riwayat jabatan singkat"),
        blank=True,
        max_length=1000,
        help_text=_("Dua-tiga jabatan sebelumnya atau pendidikan terakhir, satu per baris."),
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("position")]),
        FieldRowPanel([FieldPanel("echelon"), FieldPanel("is_head")]),
        FieldPanel("photo"),
        FieldPanel("unit"),
        MultiFieldPanel([FieldRowPanel([FieldPanel("phone"), FieldPanel("email")])], heading=_("Kontak")),
        FieldPanel("career"),
    ]

    objects = OfficialQuerySet.as_manager()

    class Meta(Orderable.Meta):
        verbose_name = _("pejabat")
        verbose_name_plural = _("pejabat")

    def __str__(self):
        return f"{self.name} ({self.position})"

    def save(self, *args, **kwargs):
        self.echelon_rank = ECHELON_ORDER.get(self.echelon, len(ECHELON_ORDER))
        super().save(*args, **kwargs)

    @property
    def career_lines(self):
        return [line.strip() for line in self.career.splitlines() if line.strip()]


def sorted_officials(officials):
    """An OPD's officials as a list: the head first, then by echelon, then in the editors' order."""
    return sorted(
        officials, key=lambda o: (not o.is_head, ECHELON_ORDER.get(o.echelon, len(ECHELON_ORDER)), o.sort_order or 0)
    )

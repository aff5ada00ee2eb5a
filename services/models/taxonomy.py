"""The service taxonomy: life events ("Saya ingin mengurus… kelahiran") and topics, managed as snippets."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class TaxonomyTerm(index.Indexed, models.Model):
    """Shared fields of a life event and a topic."""

    name = models.CharField(_("nama"), max_length=80, unique=True)
    slug = models.SlugField(
        _("alamat singkat"),
        max_length=80,
        unique=True,
        help_text=_("Dipakai di alamat katalog, misalnya 'kelahiran' untuk /layanan/?peristiwa=kelahiran."),
    )
    sort_order = models.PositiveSmallIntegerField(
        _("urutan"), default=100, help_text=_("Angka kecil tampil lebih dulu di beranda dan katalog.")
    )

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


class LifeEvent(TaxonomyTerm):
    """A life event citizens come for ("kelahiran", "pekerjaan dan usaha"); groups the service catalogue."""

    name = models.CharField(
        _("nama peristiwa"),
        max_length=80,
        unique=True,
        help_text=_("Melanjutkan kalimat 'Saya ingin mengurus…', misalnya 'kelahiran' atau 'pekerjaan dan usaha'."),
    )
    description = models.CharField(
        _("keterangan"),
        max_length=160,
        blank=True,
        help_text=_("Satu kalimat contoh urusannya, misalnya 'Akta kelahiran, KIA, imunisasi bayi'."),
    )
    keywords = models.CharField(
        _("kata pencarian"),
        max_length=255,
        blank=True,
        help_text=_(
            "Kata yang diketik warga untuk peristiwa ini, dipisah koma, misalnya 'lahir, bayi, anak'. "
            "Layanan dalam peristiwa ini ikut ditemukan dengan kata-kata ini."
        ),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("keywords"),
        FieldPanel("sort_order"),
    ]

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("peristiwa hidup")
        verbose_name_plural = _("peristiwa hidup")


class ServiceTopic(TaxonomyTerm):
    """A topic of services (Kependudukan, Kesehatan, Perizinan) for filtering the catalogue."""

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order")]

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("topik layanan")
        verbose_name_plural = _("topik layanan")

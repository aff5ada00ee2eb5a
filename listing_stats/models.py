"""Counts that public listings would otherwise compute over all content on every request.

*Semua berita* shows the total of published news, how many each OPD / month / tag has and
which months and tags exist; the sitemap index shows each section's last change. Counting
them per request costs a scan of every news item (hundreds of milliseconds at 100,000 pages).
The rows here hold them, recomputed after each change (``listing_stats.stats.schedule_refresh``).

Only published, public pages are counted: no draft, no page behind a view restriction.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class NewsCount(models.Model):
    """How many published public news one filter of *Semua berita* matches."""

    class Kind(models.TextChoices):
        TOTAL = "total"
        OPD = "opd"
        MONTH = "month"
        TAG = "tag"

    kind = models.CharField(max_length=8, choices=Kind.choices)
    opd = models.ForeignKey("wagtailcore.Page", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    month = models.DateField(null=True, blank=True)  # the first day of the month
    tag = models.ForeignKey("taggit.Tag", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    count = models.PositiveIntegerField()

    class Meta:
        verbose_name = _("jumlah berita")
        indexes = [models.Index(fields=["kind", "count"], name="newscount_kind_count")]

    def __str__(self):
        return f"{self.kind} {self.opd_id or self.month or self.tag_id or ''}: {self.count}"


class SectionStat(models.Model):
    """One sitemap section: the region's own pages (``opd`` empty) or one OPD's section."""

    opd = models.OneToOneField("wagtailcore.Page", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    pages = models.PositiveIntegerField()
    last_published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("statistik bagian peta situs")

    def __str__(self):
        return f"{self.opd_id or 'daerah'}: {self.pages}"

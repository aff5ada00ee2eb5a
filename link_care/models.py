"""The last result of the broken-link check for each link found in an OPD's pages."""

from django.db import models
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class LinkResultQuerySet(models.QuerySet):
    def broken(self):
        return self.filter(ok=False)

    def broken_counts(self, opd_ids):
        """{opd id: number of broken links} in one query."""
        rows = self.broken().filter(opd_id__in=opd_ids).values("opd_id").annotate(count=Count("pk")).order_by()
        return {row["opd_id"]: row["count"] for row in rows}


class LinkResult(models.Model):
    """One link of one page, as the last check of its OPD found it."""

    opd = models.ForeignKey(
        "opd_pages.OpdHomePage", verbose_name=_("OPD"), on_delete=models.CASCADE, related_name="opd_link_results"
    )
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("halaman"), on_delete=models.CASCADE, related_name="link_results"
    )
    url = models.CharField(_("tautan"), max_length=2000, help_text=_("Alamat tautan seperti tertulis di halaman."))
    internal = models.BooleanField(_("tautan internal"), default=False)
    ok = models.BooleanField(_("berfungsi"), default=True)
    status_code = models.PositiveSmallIntegerField(_("kode HTTP"), null=True, blank=True)
    error = models.CharField(_("galat"), max_length=255, blank=True)
    checked_at = models.DateTimeField(_("diperiksa"), default=timezone.now, db_index=True)

    objects = LinkResultQuerySet.as_manager()

    class Meta:
        verbose_name = _("hasil pemeriksaan tautan")
        verbose_name_plural = _("hasil pemeriksaan tautan")
        ordering = ["page_id", "url"]
        indexes = [models.Index(fields=["opd", "ok"])]

    def __str__(self):
        return f"{self.url} ({'ok' if self.ok else 'rusak'})"

    @property
    def problem(self):
        if self.ok:
            return ""
        if self.status_code:
            return f"HTTP {self.status_code}"
        return self.error

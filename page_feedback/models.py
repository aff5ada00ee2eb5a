""" "Apakah halaman ini membantu?": a citizen's yes/no (and optional comment) on one page."""

from django.db import models
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

COMMENT_MAX_LENGTH = 1000


class PageFeedbackQuerySet(models.QuerySet):
    def of_opds(self, opds):
        return self.filter(opd__in=opds)

    def newest_first(self):
        return self.order_by("-received_at", "-pk")

    def summary_by_opd(self, opd_ids):
        """{opd id: {"helpful": n, "not_helpful": n, "comments": n}} for ``opd_ids``, in one query."""
        rows = (
            self.filter(opd_id__in=opd_ids)
            .values("opd_id")
            .annotate(
                yes=Count("pk", filter=Q(helpful=True)),
                no=Count("pk", filter=Q(helpful=False)),
                with_comment=Count("pk", filter=~Q(comment="")),
            )
            .order_by()
        )
        return {
            row["opd_id"]: {"helpful": row["yes"], "not_helpful": row["no"], "comments": row["with_comment"]}
            for row in rows
        }


class PageFeedback(models.Model):
    """One answer to "Apakah halaman ini membantu?"; ``opd`` is the page's OPD (empty for regional pages)."""

    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("halaman"),
        on_delete=models.CASCADE,
        related_name="feedback",
        help_text=_("Halaman yang dinilai."),
    )
    opd = models.ForeignKey(
        "opd_pages.OpdHomePage",
        verbose_name=_("OPD"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="page_feedback",
        help_text=_("OPD pemilik halaman; kosong untuk halaman daerah."),
    )
    helpful = models.BooleanField(_("membantu"), help_text=_("Jawaban warga: ya atau tidak."))
    comment = models.TextField(
        _("komentar"), max_length=COMMENT_MAX_LENGTH, blank=True, help_text=_("Komentar opsional dari warga.")
    )
    received_at = models.DateTimeField(_("diterima"), default=timezone.now, db_index=True)
    client_key = models.CharField(_("kunci klien"), max_length=64, blank=True, db_index=True, editable=False)

    objects = PageFeedbackQuerySet.as_manager()

    class Meta:
        verbose_name = _("umpan balik halaman")
        verbose_name_plural = _("umpan balik halaman")
        indexes = [models.Index(fields=["opd", "received_at"])]

    def __str__(self):
        return f"{self.page_id}: {'ya' if self.helpful else 'tidak'}"

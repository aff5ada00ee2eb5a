"""The log of review reminders: one row per reminder mail about one page that is due for review."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ReviewReminderQuerySet(models.QuerySet):
    def newest_first(self):
        return self.order_by("-created_at", "-pk")


class ReviewReminder(models.Model):
    """A reminder that ``page`` is due for review (``review_due``), queued to its owner and the OPD admins."""

    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("halaman"), on_delete=models.CASCADE, related_name="review_reminders"
    )
    opd = models.ForeignKey(
        "opd_pages.OpdHomePage",
        verbose_name=_("OPD"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="opd_review_reminders",
    )
    review_due = models.DateField(_("jatuh tempo"), help_text=_("Tanggal tinjauan yang diingatkan."))
    sequence = models.PositiveSmallIntegerField(_("pengingat ke-"), default=1)
    created_at = models.DateTimeField(_("waktu"), default=timezone.now, db_index=True)
    recipients = models.TextField(_("penerima"), blank=True)
    cc = models.TextField(_("tembusan"), blank=True)

    objects = ReviewReminderQuerySet.as_manager()

    class Meta:
        verbose_name = _("pengingat tinjauan")
        verbose_name_plural = _("pengingat tinjauan")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.page_id} #{self.sequence}"

from django.db import models
from django.utils.translation import gettext_lazy as _


class OutgoingMailQuerySet(models.QuerySet):
    def due(self):
        """Mail still to deliver: pending, or failed with attempts left."""
        from django.conf import settings

        return self.filter(
            status__in=[OutgoingMail.Status.PENDING, OutgoingMail.Status.FAILED],
            attempts__lt=settings.OUTBOX_MAX_ATTEMPTS,
        )

    def undelivered(self):
        return self.exclude(status=OutgoingMail.Status.SENT)


class OutgoingMail(models.Model):
    """One e-mail the portal must send."""

    class Status(models.TextChoices):
        PENDING = "pending", _("menunggu")
        SENT = "sent", _("terkirim")
        FAILED = "failed", _("gagal, akan dicoba lagi")

    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True, db_index=True)
    kind = models.CharField(_("jenis"), max_length=64, blank=True, db_index=True)
    subject = models.CharField(_("subjek"), max_length=255)
    body = models.TextField(_("isi"))
    html_body = models.TextField(_("isi HTML"), blank=True)
    from_email = models.CharField(_("pengirim"), max_length=255, blank=True)
    to = models.JSONField(_("penerima"), default=list)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(_("percobaan"), default=0)
    last_error = models.TextField(_("galat terakhir"), blank=True)
    sent_at = models.DateTimeField(_("terkirim pada"), null=True, blank=True)

    objects = OutgoingMailQuerySet.as_manager()

    class Meta:
        verbose_name = _("e-mail keluar")
        verbose_name_plural = _("e-mail keluar")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "attempts"])]

    def __str__(self):
        return self.subject

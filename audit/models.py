from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEvent(models.Model):
    """One security-relevant event: a login, a refusal, an upload, a team action."""

    created_at = models.DateTimeField(_("waktu"), auto_now_add=True, db_index=True)
    action = models.CharField(_("tindakan"), max_length=64, db_index=True)
    outcome = models.CharField(
        _("hasil"),
        max_length=16,
        choices=[("ok", _("berhasil")), ("denied", _("ditolak")), ("failed", _("gagal"))],
        default="ok",
        db_index=True,
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("pengguna"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    username = models.CharField(_("nama pengguna"), max_length=150, blank=True)
    opd = models.ForeignKey(
        "opd_pages.OpdHomePage",
        verbose_name=_("OPD"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    ip_address = models.GenericIPAddressField(_("alamat IP"), null=True, blank=True)
    path = models.CharField(_("alamat"), max_length=500, blank=True)
    target = models.CharField(_("sasaran"), max_length=255, blank=True)
    details = models.JSONField(_("rincian"), default=dict, blank=True)

    class Meta:
        verbose_name = _("peristiwa audit")
        verbose_name_plural = _("log audit")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.action} {self.username}"

from django.db import models
from django.utils.translation import gettext_lazy as _


class JobLock(models.Model):
    """A lease that lets one server at a time run a scheduled job (see :mod:`scheduled_jobs.locks`)."""

    name = models.CharField(_("tugas"), max_length=100, unique=True)
    holder = models.CharField(_("pemegang"), max_length=200, blank=True)
    locked_until = models.DateTimeField(_("terkunci sampai"), null=True, blank=True)
    last_started_at = models.DateTimeField(_("terakhir mulai"), null=True, blank=True)
    last_finished_at = models.DateTimeField(_("terakhir selesai"), null=True, blank=True)

    class Meta:
        verbose_name = _("kunci tugas terjadwal")
        verbose_name_plural = _("kunci tugas terjadwal")

    def __str__(self):
        return self.name

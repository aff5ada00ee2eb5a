"""The region's own entries on top of the national holidays: extra days off and cancelled ones."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


class Holiday(models.Model):
    """A date Diskominfo adds to (or takes out of) the region's working-day calendar."""

    class Kind(models.TextChoices):
        DAY_OFF = "libur", _("Libur / cuti bersama")
        WORKING_DAY = "masuk", _("Tetap hari kerja")

    date = models.DateField(
        _("tanggal"),
        unique=True,
        help_text=_("Tanggal libur daerah, cuti bersama yang belum dikenal kalender nasional, atau pembatalan libur."),
    )
    name = models.CharField(_("keterangan"), max_length=150, help_text=_("Misalnya 'Cuti bersama Idulfitri'."))
    kind = models.CharField(
        _("jenis"),
        max_length=10,
        choices=Kind.choices,
        default=Kind.DAY_OFF,
        help_text=_(
            "'Libur' menjadikan tanggal ini bukan hari kerja; 'Tetap hari kerja' membatalkan libur nasional "
            "atau cuti bersama pada tanggal ini (kantor tetap buka)."
        ),
    )

    panels = [FieldPanel("date"), FieldPanel("name"), FieldPanel("kind")]

    class Meta:
        verbose_name = _("hari libur daerah")
        verbose_name_plural = _("hari libur daerah")
        ordering = ["-date"]

    def __str__(self):
        return f"{self.date:%d-%m-%Y} {self.name}"

"""Monitoring thresholds (a site-wide setting) and the log of reminders sent to quiet OPDs."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


class ActivityClass(models.TextChoices):
    """How often an OPD section is updated, best first."""

    HARIAN = "harian", _("Harian")
    MINGGUAN = "mingguan", _("Mingguan")
    BULANAN = "bulanan", _("Bulanan")
    TIDAK_AKTIF = "tidak-aktif", _("Tidak aktif")


#: Worst first, for sorting the scorecard.
CLASS_SEVERITY = {
    ActivityClass.TIDAK_AKTIF: 0,
    ActivityClass.BULANAN: 1,
    ActivityClass.MINGGUAN: 2,
    ActivityClass.HARIAN: 3,
}


@register_setting(icon="table")
class MonitoringSettings(BaseGenericSetting):
    """Thresholds of the OPD activity scorecard and the reminder job (Pengaturan → Ambang pemantauan)."""

    harian_min_30d = models.PositiveSmallIntegerField(
        _("minimal terbitan 30 hari untuk kelas harian"),
        default=20,
        help_text=_("OPD yang menerbitkan sebanyak ini atau lebih dalam 30 hari terakhir tergolong 'harian'."),
    )
    mingguan_min_30d = models.PositiveSmallIntegerField(
        _("minimal terbitan 30 hari untuk kelas mingguan"),
        default=4,
        help_text=_("Sebanyak ini atau lebih dalam 30 hari terakhir (kira-kira sekali seminggu) tergolong 'mingguan'."),
    )
    bulanan_min_90d = models.PositiveSmallIntegerField(
        _("minimal terbitan 90 hari untuk kelas bulanan"),
        default=3,
        help_text=_("Sebanyak ini atau lebih dalam 90 hari terakhir (kira-kira sekali sebulan) tergolong 'bulanan'."),
    )
    inactive_after_days = models.PositiveSmallIntegerField(
        _("tidak aktif setelah (hari)"),
        default=60,
        help_text=_("OPD yang tidak menerbitkan apa pun selama lebih dari sekian hari selalu tergolong 'tidak aktif'."),
    )
    active_account_days = models.PositiveSmallIntegerField(
        _("akun aktif bila masuk dalam (hari)"),
        default=90,
        help_text=_("Admin atau operator dianggap aktif bila akunnya aktif dan terakhir masuk dalam sekian hari."),
    )
    review_max_age_days = models.PositiveSmallIntegerField(
        _("batas umur tinjauan halaman profil (hari)"),
        default=365,
        help_text=_("Halaman profil wajib yang tidak ditinjau selama sekian hari ditandai perlu ditinjau."),
    )
    reminders_enabled = models.BooleanField(
        _("kirim pengingat otomatis"),
        default=True,
        help_text=_("Bila dimatikan, tugas pengingat terjadwal tidak mengirim surel apa pun."),
    )
    reminder_after_days = models.PositiveSmallIntegerField(
        _("kirim pengingat setelah (hari tanpa terbitan)"),
        default=14,
        help_text=_(
            "Admin OPD yang tidak menerbitkan apa pun selama sekian hari menerima pengingat, sekali per periode "
            "sepanjang ini. Mulai pengingat kedua, Diskominfo menerima tembusan."
        ),
    )
    diskominfo_email = models.EmailField(
        _("surel Diskominfo untuk tembusan"),
        blank=True,
        help_text=_("Kosongkan untuk mengirim tembusan ke semua anggota grup Diskominfo yang punya alamat surel."),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("harian_min_30d"), FieldPanel("mingguan_min_30d")]),
                FieldRowPanel([FieldPanel("bulanan_min_90d"), FieldPanel("inactive_after_days")]),
            ],
            heading=_("Kelas keaktifan"),
        ),
        MultiFieldPanel(
            [FieldPanel("active_account_days"), FieldPanel("review_max_age_days")], heading=_("Tim dan kelengkapan")
        ),
        MultiFieldPanel(
            [FieldPanel("reminders_enabled"), FieldPanel("reminder_after_days"), FieldPanel("diskominfo_email")],
            heading=_("Pengingat"),
        ),
    ]

    class Meta:
        verbose_name = _("ambang pemantauan")

    def clean(self):
        super().clean()
        both = self.harian_min_30d is not None and self.mingguan_min_30d is not None
        if both and self.harian_min_30d <= self.mingguan_min_30d:
            raise ValidationError({"harian_min_30d": _("Batas harian harus lebih besar daripada batas mingguan.")})
        if self.reminder_after_days is not None and self.reminder_after_days < 1:
            raise ValidationError({"reminder_after_days": _("Minimal 1 hari.")})


class ReminderQuerySet(models.QuerySet):
    def sent(self):
        return self.filter(status=Reminder.Status.SENT)

    def of_opds(self, opds):
        return self.filter(opd__in=opds)

    def newest_first(self):
        return self.order_by("-created_at", "-pk")


class Reminder(models.Model):
    """One reminder e-mail to the admins of a quiet OPD (or the failed attempt to send it)."""

    class Status(models.TextChoices):
        SENT = "terkirim", _("Terkirim")
        FAILED = "gagal", _("Gagal")

    opd = models.ForeignKey(
        "opd_pages.OpdHomePage",
        verbose_name=_("OPD"),
        on_delete=models.CASCADE,
        related_name="monitoring_reminders",
        help_text=_("OPD yang diingatkan."),
    )
    created_at = models.DateTimeField(_("waktu"), default=timezone.now, db_index=True, help_text=_("Waktu pengiriman."))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, help_text=_("Hasil pengiriman."))
    sequence = models.PositiveSmallIntegerField(
        _("pengingat ke-"), default=1, help_text=_("Urutan pengingat sejak terbitan terakhir OPD.")
    )
    days_quiet = models.PositiveIntegerField(
        _("hari tanpa terbitan"), null=True, blank=True, help_text=_("Kosong bila OPD belum pernah menerbitkan.")
    )
    last_published_at = models.DateTimeField(
        _("terbitan terakhir"), null=True, blank=True, help_text=_("Terbitan terakhir OPD saat pengingat dikirim.")
    )
    recipients = models.TextField(_("penerima"), blank=True, help_text=_("Alamat surel penerima, dipisah koma."))
    cc = models.TextField(_("tembusan"), blank=True, help_text=_("Alamat surel tembusan, dipisah koma."))
    subject = models.CharField(_("judul surel"), max_length=255, blank=True, help_text=_("Judul surel pengingat."))
    attempts = models.PositiveSmallIntegerField(_("percobaan"), default=0, help_text=_("Berapa kali dicoba kirim."))
    error = models.TextField(_("galat"), blank=True, help_text=_("Pesan galat bila pengiriman gagal."))

    objects = ReminderQuerySet.as_manager()

    class Meta:
        verbose_name = _("pengingat OPD")
        verbose_name_plural = _("pengingat OPD")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.opd_id} #{self.sequence} {self.status}"

    @property
    def copies_diskominfo(self):
        return bool(self.cc)

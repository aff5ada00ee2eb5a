"""Citizens' complaints (*pengaduan*): the report, its history, attachments, routing and clock."""

import re

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from casework.deadlines import ClockUnit
from casework.models import Case, CaseAttachment, CaseEvent, CaseQuerySet, private_storage

#: Case kind for casework.access (handlers) and the audit log.
KIND = "pengaduan"


class ComplaintCategory(models.Model):
    """A kind of problem citizens report, and the OPD it goes to (the routing table Diskominfo edits)."""

    name = models.CharField(_("nama kategori"), max_length=100, unique=True)
    description = models.CharField(
        _("penjelasan"), max_length=255, blank=True, help_text=_("Contoh masalah, ditampilkan di formulir.")
    )
    opd = models.ForeignKey(
        "opd_pages.OpdHomePage",
        verbose_name=_("OPD tujuan"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Laporan kategori ini langsung masuk ke OPD ini. Kosong: koordinator yang meneruskan."),
    )
    sort_order = models.PositiveSmallIntegerField(_("urutan"), default=100)

    panels = [FieldPanel("name"), FieldPanel("description"), FieldPanel("opd"), FieldPanel("sort_order")]

    class Meta:
        verbose_name = _("kategori pengaduan")
        verbose_name_plural = _("kategori pengaduan")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


class ComplaintClock(models.Model):
    """An OPD's own time to the first answer (otherwise the region's, from settings)."""

    opd = models.OneToOneField(
        "opd_pages.OpdHomePage", verbose_name=_("OPD"), on_delete=models.CASCADE, related_name="complaint_clock"
    )
    amount = models.PositiveSmallIntegerField(
        _("batas waktu jawaban pertama"), default=24, help_text=_("Angka, dalam satuan di bawah.")
    )
    unit = models.CharField(_("satuan"), max_length=12, choices=ClockUnit.choices, default=ClockUnit.CALENDAR_HOURS)

    panels = [FieldPanel("opd"), FieldPanel("amount"), FieldPanel("unit")]

    class Meta:
        verbose_name = _("batas waktu pengaduan OPD")
        verbose_name_plural = _("batas waktu pengaduan OPD")

    def __str__(self):
        return f"{self.opd}: {self.amount} {self.get_unit_display()}"


def region_clock():
    """The region's default (amount, unit) for the first answer."""
    return (
        int(getattr(settings, "PORTAL_COMPLAINTS_FIRST_ANSWER", 24)),
        getattr(settings, "PORTAL_COMPLAINTS_CLOCK_UNIT", ClockUnit.CALENDAR_HOURS),
    )


class ComplaintQuerySet(CaseQuerySet):
    def public_answered(self):
        """Answered reports the reporter allowed to be public and staff did not hide."""
        return self.filter(
            allow_public=True, public_hidden=False, status__in=[Complaint.Status.DIJAWAB, Complaint.Status.SELESAI]
        ).exclude(confidential=True)


class Complaint(Case):
    """One citizen's report to the region, handled by one OPD at a time."""

    TRACKING_PREFIX = "ADU"
    INITIAL_STATUS = "baru"

    class Status(models.TextChoices):
        BARU = "baru", _("Baru")
        DITERIMA = "diterima", _("Diterima")
        DIPROSES = "diproses", _("Diproses")
        DIJAWAB = "dijawab", _("Dijawab")
        SELESAI = "selesai", _("Selesai")
        DITOLAK = "ditolak", _("Ditolak")
        DITERUSKAN = "diteruskan", _("Diteruskan")

    TRANSITIONS = {
        "baru": {"diterima", "ditolak", "diteruskan"},
        "diteruskan": {"diterima", "ditolak", "diteruskan"},
        "diterima": {"diproses", "dijawab", "ditolak", "diteruskan"},
        "diproses": {"dijawab", "ditolak", "diteruskan"},
        "dijawab": {"selesai", "diproses"},
        "selesai": set(),
        "ditolak": set(),
    }
    ANSWER_STATUSES = ("dijawab", "ditolak")
    CLOSED_STATUSES = ("selesai", "ditolak")

    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default="baru", db_index=True)
    title = models.CharField(_("judul laporan"), max_length=150)
    description = models.TextField(_("apa yang terjadi"), max_length=5000)
    category = models.ForeignKey(
        ComplaintCategory, verbose_name=_("kategori"), null=True, blank=True, on_delete=models.SET_NULL
    )
    kelurahan = models.CharField(_("kelurahan/desa"), max_length=100)
    location_detail = models.CharField(_("lokasi rinci"), max_length=255, blank=True)
    latitude = models.DecimalField(_("lintang"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("bujur"), max_digits=9, decimal_places=6, null=True, blank=True)
    occurred_on = models.DateField(_("tanggal kejadian"), null=True, blank=True)
    service_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("layanan"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    allow_public = models.BooleanField(
        _("boleh ditampilkan publik"), default=True, help_text=_("Laporan dan jawaban tampil tanpa data pribadi.")
    )
    confidential = models.BooleanField(
        _("identitas dirahasiakan"), default=False, help_text=_("Identitas pelapor hanya terlihat oleh koordinator.")
    )
    public_hidden = models.BooleanField(
        _("disembunyikan dari publik"), default=False, help_text=_("Petugas menyembunyikan laporan ini dari publik.")
    )
    lapor_tracking_id = models.CharField(
        _("nomor tiket SP4N-LAPOR!"), max_length=40, blank=True, help_text=_("Jika laporan juga diteruskan ke LAPOR!.")
    )

    objects = ComplaintQuerySet.as_manager()

    class Meta(Case.Meta):
        verbose_name = _("pengaduan")
        verbose_name_plural = _("pengaduan")
        indexes = [models.Index(fields=["opd", "received_at"], name="complaint_opd_received")]

    @property
    def event_model(self):
        return ComplaintEvent

    @property
    def public_answer(self):
        """The latest public text staff wrote to the reporter."""
        return next((e for e in reversed(self.events.all()) if e.public_text), None)


class ComplaintEvent(CaseEvent):
    """One step in a complaint's history."""

    case = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="events")

    class Meta(CaseEvent.Meta):
        verbose_name = _("riwayat pengaduan")
        verbose_name_plural = _("riwayat pengaduan")


class ComplaintAttachment(CaseAttachment):
    """A photo or document sent with a report (private storage)."""

    case = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(storage=private_storage, upload_to="pengaduan/%Y/%m/")

    class Meta(CaseAttachment.Meta):
        verbose_name = _("lampiran pengaduan")
        verbose_name_plural = _("lampiran pengaduan")


PERSONAL_DATA_PATTERNS = [
    (re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+"), "[e-mail disamarkan]"),
    (re.compile(r"\b\d{16}\b"), "[NIK disamarkan]"),
    (re.compile(r"(\+62|\b0)[\s-]?8[\d\s-]{7,13}\d"), "[nomor telepon disamarkan]"),
]


def scrub_personal_data(text, names=()):
    """Text with e-mail addresses, NIK, phone numbers and the given names masked, for the public side."""
    for pattern, replacement in PERSONAL_DATA_PATTERNS:
        text = pattern.sub(replacement, text)
    for name in names:
        if name and len(name) > 2:
            text = re.sub(re.escape(name), "[nama disamarkan]", text, flags=re.IGNORECASE)
    return text

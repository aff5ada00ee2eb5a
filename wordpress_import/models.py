"""What was imported from an OPD's old WordPress site, and each import run with its report.

:class:`ImportedItem` keys every imported post, page and attachment by (OPD, WordPress id),
so running the same export again changes nothing and a newer export updates what changed.
Items the spam gate stopped stay drafts with ``status=quarantined`` and the reason: that is
Diskominfo's quarantine list.
"""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportStorage(FileSystemStorage):
    """Uploaded exports hold unpublished and private posts: kept outside MEDIA_ROOT, never served."""

    @property
    def base_location(self):
        return str(settings.PORTAL_WORDPRESS_IMPORT_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    @property
    def base_url(self):
        return None


def private_storage():
    """``STORAGES["wordpress_import"]``: :class:`ImportStorage`, or the bucket's private/ with several servers."""
    return storages["wordpress_import"]


class ImportRun(models.Model):
    """One uploaded export for one OPD: its dry-run report, progress and final report."""

    class Status(models.TextChoices):
        UPLOADED = "uploaded", _("Diunggah")
        CHECKING = "checking", _("Sedang diperiksa")
        CHECKED = "checked", _("Siap diimpor")
        QUEUED = "queued", _("Menunggu giliran")
        RUNNING = "running", _("Sedang diimpor")
        DONE = "done", _("Selesai")
        FAILED = "failed", _("Gagal")

    opd = models.ForeignKey("opd_pages.OpdHomePage", verbose_name=_("OPD"), on_delete=models.CASCADE, related_name="+")
    export_file = models.FileField(_("berkas ekspor WordPress"), storage=private_storage, upload_to="ekspor/%Y/%m/")
    uploads_file = models.FileField(
        _("arsip wp-content/uploads"), storage=private_storage, upload_to="unggahan/%Y/%m/", blank=True
    )
    moderate = models.BooleanField(_("lewat moderasi OPD"), default=False)
    fetch_missing = models.BooleanField(_("unduh berkas yang hilang dari situs lama"), default=False)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.UPLOADED)
    processed = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    dry_run_report = models.JSONField(default=dict, blank=True)
    report = models.JSONField(default=dict, blank=True)
    error = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("impor WordPress")
        verbose_name_plural = _("impor WordPress")

    def __str__(self):
        return f"{self.opd} — {self.created_at:%d-%m-%Y %H:%M}"

    @property
    def percent(self):
        return int(100 * self.processed / self.total) if self.total else 0


class ImportedItem(models.Model):
    """A WordPress post, page or attachment of one OPD and what it became on the portal."""

    class Kind(models.TextChoices):
        POST = "post", _("Pos (berita)")
        PAGE = "page", _("Halaman")
        ATTACHMENT = "attachment", _("Lampiran")

    class Status(models.TextChoices):
        IMPORTED = "imported", _("Diimpor")
        QUARANTINED = "quarantined", _("Dikarantina")
        RELEASED = "released", _("Dilepas dari karantina")
        MISSING = "missing", _("Berkas tidak ditemukan")
        REFUSED = "refused", _("Berkas ditolak")

    opd = models.ForeignKey("opd_pages.OpdHomePage", on_delete=models.CASCADE, related_name="+")
    wp_id = models.PositiveBigIntegerField(_("ID WordPress"))
    kind = models.CharField(_("jenis"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("judul"), max_length=255, blank=True)
    old_url = models.CharField(_("alamat lama"), max_length=1000, blank=True)
    author_name = models.CharField(_("penulis"), max_length=255, blank=True)
    wp_status = models.CharField(_("status di WordPress"), max_length=20, blank=True)
    fingerprint = models.CharField(max_length=64)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.IMPORTED)
    reason = models.TextField(_("alasan"), blank=True)
    page = models.ForeignKey("wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    image = models.ForeignKey("wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    document = models.ForeignKey(
        "wagtaildocs.Document", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    run = models.ForeignKey(ImportRun, null=True, blank=True, on_delete=models.SET_NULL, related_name="items")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["opd", "wp_id"], name="wordpress_item_once_per_opd")]
        verbose_name = _("butir impor WordPress")
        verbose_name_plural = _("butir impor WordPress")

    def __str__(self):
        return f"{self.opd_id}:{self.wp_id} {self.title}"

    @property
    def target(self):
        return self.page or self.image or self.document

    def target_url(self):
        """Where the item's old URLs lead now (``None`` when it has nothing public)."""
        if self.page_id and self.page.live:
            return self.page.url
        if self.image_id:
            return self.image.file.url
        if self.document_id:
            return self.document.url
        return None

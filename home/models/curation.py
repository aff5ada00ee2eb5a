"""What humas curates on the regional home page: Sorotan, quick links, the pinned announcement.

These are snippets and a site setting rather than fields of :class:`HomePage` on purpose:
Wagtail page permissions cascade down the tree, so giving humas edit rights on the home page
would give them every OPD section too. Model permissions on these snippets (listed in
``PORTAL_HUMAS_PERMISSIONS``) let humas curate the front page without touching OPD pages.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable

from core.queries import not_restricted
from opd_hosts.settings_models import RegionWideSettingMixin
from spam_gate.forms import SpamCheckedModelForm


def is_published(page):
    """Live and not behind a view restriction (password, login or group)."""
    return bool(page and page.live and not page.get_view_restrictions().exists())


def showing_condition(now):
    """The rule for a highlight citizens see now: live public page, end date not passed."""
    return (Q(ends_at__isnull=True) | Q(ends_at__gt=now)) & Q(page__live=True) & not_restricted("page__path")


class HighlightQuerySet(models.QuerySet):
    def showing(self, now=None):
        """Highlights citizens see now, in humas' order."""
        return (
            self.filter(showing_condition(now or timezone.now()))
            .select_related("page", "image")
            .order_by("sort_order", "pk")
        )

    def with_showing_flag(self, now=None):
        """Every highlight with ``is_showing_now`` computed in the same query (for the admin list)."""
        condition = showing_condition(now or timezone.now())
        return self.select_related("page").annotate(
            is_showing_now=models.ExpressionWrapper(condition, output_field=models.BooleanField())
        )


class Highlight(Orderable):
    """Sorotan: a published page of any OPD that humas puts at the top of the regional home page."""

    #: The judi-online gate checks every text field before the item is saved (and shown).
    base_form_class = SpamCheckedModelForm

    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("halaman"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Halaman yang sudah terbit dari OPD mana pun (berita, pengumuman, agenda, profil)."),
    )
    title = models.CharField(
        _("judul sorotan"),
        max_length=150,
        blank=True,
        help_text=_("Kosongkan untuk memakai judul halaman."),
    )
    summary = models.TextField(
        _("ringkasan"),
        max_length=400,
        blank=True,
        help_text=_("Kosongkan untuk memakai ringkasan halaman."),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("gambar"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Kosongkan untuk memakai gambar utama halaman (bila ada)."),
    )
    ends_at = models.DateTimeField(
        _("tampil sampai"),
        null=True,
        blank=True,
        help_text=_("Setelah waktu ini sorotan hilang sendiri dari beranda. Kosongkan bila tanpa batas."),
    )

    # Panels live on HighlightViewSet (wagtail_hooks): the page field uses the published-page chooser.

    objects = HighlightQuerySet.as_manager()

    class Meta(Orderable.Meta):
        verbose_name = _("sorotan")
        verbose_name_plural = _("sorotan")

    def __str__(self):
        return self.display_title

    @property
    def display_title(self):
        return self.title or (self.page.title if self.page_id else "")

    @property
    def is_showing(self):
        return (self.ends_at is None or self.ends_at > timezone.now()) and is_published(self.page)

    def clean(self):
        super().clean()
        if self.page_id and not is_published(self.page):
            raise ValidationError({"page": _("Pilih halaman yang sudah terbit dan terbuka untuk umum.")})
        if self.ends_at and self.ends_at <= timezone.now() and not self.pk:
            raise ValidationError({"ends_at": _("Waktu berakhir harus di masa mendatang.")})

    def save(self, *args, **kwargs):
        # Copy the page's lead and photo once, so the home page needs no query per page type.
        if self.page_id and (not self.summary or not self.image_id):
            specific = self.page.specific
            if not self.summary:
                self.summary = (getattr(specific, "listing_summary", "") or "")[:400]
            if not self.image_id:
                self.image_id = getattr(specific, "main_image_id", None)
        super().save(*args, **kwargs)


class QuickLink(Orderable):
    """A "layanan terpopuler" quick link on the regional home page, curated by humas."""

    #: The judi-online gate checks every text field before the item is saved (and shown).
    base_form_class = SpamCheckedModelForm

    title = models.CharField(_("judul"), max_length=80, help_text=_("Nama layanan singkat, misalnya 'Urus KTP-el'."))
    description = models.CharField(
        _("keterangan"), max_length=160, blank=True, help_text=_("Satu kalimat pendek di bawah judul (opsional).")
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("halaman tujuan"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Halaman portal yang dituju. Isi ini atau alamat luar."),
    )
    url = models.URLField(
        _("alamat luar"), blank=True, help_text=_("Alamat situs lain, misalnya aplikasi layanan daring daerah.")
    )

    panels = [FieldPanel("title"), FieldPanel("description"), FieldPanel("page"), FieldPanel("url")]

    class Meta(Orderable.Meta):
        verbose_name = _("tautan layanan")
        verbose_name_plural = _("tautan layanan")

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if bool(self.page_id) == bool(self.url):
            raise ValidationError(_("Isi salah satu: halaman tujuan atau alamat luar."))


class ScheduledMixin(models.Model):
    """An on/off switch with an optional from/until window."""

    is_active = models.BooleanField(_("aktif"), default=False, help_text=_("Centang untuk menampilkan."))
    starts_at = models.DateTimeField(
        _("tampil mulai"), null=True, blank=True, help_text=_("Kosongkan untuk tampil segera setelah disimpan.")
    )
    ends_at = models.DateTimeField(
        _("tampil sampai"), null=True, blank=True, help_text=_("Kosongkan untuk tampil sampai dimatikan.")
    )

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("Waktu selesai harus setelah waktu mulai.")})

    def is_showing(self, now=None):
        now = now or timezone.now()
        return (
            self.is_active
            and (self.starts_at is None or self.starts_at <= now)
            and (self.ends_at is None or self.ends_at > now)
        )

    def showing(self):
        """``self`` if it should be shown now, else ``None`` (handy in templates)."""
        return self if self.is_showing() else None

    def next_change_at(self, now=None):
        """The next moment it appears or disappears by its schedule (``None``: not scheduled)."""
        now = now or timezone.now()
        if not self.is_active:
            return None
        return min((moment for moment in (self.starts_at, self.ends_at) if moment and moment > now), default=None)


@register_setting(icon="pick")
class PinnedAnnouncement(RegionWideSettingMixin, ScheduledMixin, BaseSiteSetting):
    """The pinned announcement of the regional head, at the top of the regional home page.

    With ``show_in_opds`` it is pushed to every OPD section's home page as well (then it needs
    an end date, so no OPD keeps showing an old message).
    """

    base_form_class = SpamCheckedModelForm

    select_related = ["image", "page"]

    title = models.CharField(_("judul"), max_length=150, blank=True, help_text=_("Judul pengumuman pimpinan daerah."))
    text = models.TextField(_("isi singkat"), max_length=800, blank=True, help_text=_("Isi pengumuman, 1–3 kalimat."))
    signed_by = models.CharField(
        _("disampaikan oleh"), max_length=150, blank=True, help_text=_("Misalnya 'Bupati Contoh, H. Ahmad Sutisna'.")
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("foto"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Foto pimpinan daerah (opsional)."),
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("halaman selengkapnya"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Halaman berisi pengumuman lengkap (opsional)."),
    )
    show_in_opds = models.BooleanField(
        _("tampilkan juga di semua OPD"),
        default=False,
        help_text=_("Pengumuman tampil pula di beranda setiap OPD sampai waktu 'tampil sampai' (wajib diisi)."),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("is_active"),
                FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
                FieldPanel("show_in_opds"),
            ],
            heading=_("Jadwal tampil"),
        ),
        FieldPanel("title"),
        FieldPanel("text"),
        FieldPanel("signed_by"),
        FieldPanel("image"),
        FieldPanel("page"),
    ]

    class Meta:
        verbose_name = _("pengumuman pimpinan daerah")

    def __str__(self):
        return self.title or str(self._meta.verbose_name)

    def clean(self):
        super().clean()
        if self.is_active and not (self.title and self.text):
            raise ValidationError(_("Isi judul dan isi singkat sebelum mengaktifkan pengumuman."))
        if self.show_in_opds and not self.ends_at:
            raise ValidationError({"ends_at": _("Isi waktu 'tampil sampai' bila pengumuman ditampilkan di semua OPD.")})

    def showing_in_opds(self):
        """``self`` if it is pushed to the OPD sections and showing now, else ``None``."""
        return self if self.show_in_opds and self.is_showing() else None

    def page_cache_expires_at(self):
        """Asked by the page cache: pushed to every OPD home, it ends their cached pages with its window."""
        return self.next_change_at() if self.show_in_opds else None


class AlertScope(models.TextChoices):
    SITE = "situs", _("Seluruh situs (daerah dan semua OPD)")
    OPDS = "opd", _("OPD terpilih")
    PAGE = "halaman", _("Satu halaman")


class RegionAlertForm(SpamCheckedModelForm):
    """Checks what the model cannot see before saving: the chosen OPDs of an OPD-scoped alert."""

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("scope") == AlertScope.OPDS and not cleaned.get("opds"):
            self.add_error("opds", _("Pilih sedikitnya satu OPD untuk peringatan ini."))
        return cleaned


class AlertLevel(models.TextChoices):
    INFO = "info", _("Informasi")
    WARNING = "peringatan", _("Peringatan")
    DANGER = "darurat", _("Darurat")


@register_setting(icon="warning")
class RegionAlert(RegionWideSettingMixin, ScheduledMixin, BaseSiteSetting):
    """Serta-merta information (a disaster, a threat to safety) shown on top of public pages.

    Scoped to the whole site (every host, every OPD), chosen OPD sections, or one page; the
    schedule (``starts_at``/``ends_at``) applies to whichever scope is chosen.
    """

    base_form_class = RegionAlertForm

    level = models.CharField(
        _("tingkat"),
        max_length=20,
        choices=AlertLevel.choices,
        default=AlertLevel.WARNING,
        help_text=_("Menentukan warna spanduk."),
    )
    message = models.CharField(
        _("pesan"),
        max_length=300,
        blank=True,
        help_text=_("Pesan singkat dan jelas, misalnya 'Banjir di Kec. Contoh: hindari Jl. Merdeka'."),
    )
    link_url = models.URLField(_("tautan info lengkap"), blank=True, help_text=_("Alamat info lengkap (opsional)."))
    link_text = models.CharField(
        _("teks tautan"), max_length=60, blank=True, help_text=_("Misalnya 'Info posko pengungsian'.")
    )
    scope = models.CharField(
        _("tampil di"),
        max_length=20,
        choices=AlertScope.choices,
        default=AlertScope.SITE,
        help_text=_("Seluruh situs, hanya OPD terpilih (beserta semua halamannya), atau satu halaman saja."),
    )
    opds = models.ManyToManyField(
        "opd_pages.OpdHomePage",
        verbose_name=_("OPD terpilih"),
        blank=True,
        related_name="+",
        help_text=_("Untuk 'OPD terpilih': peringatan tampil di semua halaman OPD ini."),
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("halaman"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Untuk 'Satu halaman': peringatan hanya tampil di halaman ini."),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("is_active"), FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")])],
            heading=_("Jadwal tampil"),
        ),
        FieldPanel("level"),
        FieldPanel("message"),
        FieldRowPanel([FieldPanel("link_url"), FieldPanel("link_text")]),
        MultiFieldPanel(
            [FieldPanel("scope"), FieldPanel("opds", widget=forms.CheckboxSelectMultiple), FieldPanel("page")],
            heading=_("Cakupan"),
        ),
    ]

    class Meta:
        verbose_name = _("peringatan serta-merta")

    def __str__(self):
        return self.message or str(self._meta.verbose_name)

    def page_cache_expires_at(self):
        """Asked by the page cache: the banner is on every page, so every cached page ends with its window."""
        return self.next_change_at()

    def clean(self):
        super().clean()
        if self.is_active and not self.message:
            raise ValidationError({"message": _("Tulis pesan sebelum menyalakan peringatan.")})
        if self.scope == AlertScope.PAGE and not self.page_id:
            raise ValidationError({"page": _("Pilih halaman tempat peringatan ini tampil.")})

    def applies_to(self, page):
        """Whether the banner belongs on ``page`` (``None``: a view that is no page, e.g. the search).

        One query for an OPD-scoped alert (the chosen OPDs' paths), none otherwise.
        """
        if self.scope == AlertScope.SITE:
            return True
        if page is None or not getattr(page, "path", None):
            return False
        if self.scope == AlertScope.PAGE:
            return page.pk == self.page_id
        paths = self.opds.values_list("path", flat=True) if self.pk else []
        return any(page.path.startswith(path) for path in paths)


class ProposalDecision(models.Model):
    """Humas' answer to an OPD's "usulkan ke beranda" proposal: featured in Sorotan or dismissed.

    Kept apart from the news page so deciding needs no edit right on the OPD's page and no
    later revision of the page can undo the decision.
    """

    class Outcome(models.TextChoices):
        FEATURED = "featured", _("Ditampilkan di Sorotan")
        DISMISSED = "dismissed", _("Tidak ditampilkan")

    page = models.OneToOneField(
        "wagtailcore.Page", verbose_name=_("berita"), on_delete=models.CASCADE, related_name="front_page_decision"
    )
    outcome = models.CharField(_("keputusan"), max_length=20, choices=Outcome.choices)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diputuskan oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("diputuskan pada"), default=timezone.now)

    class Meta:
        verbose_name = _("keputusan usulan beranda")
        verbose_name_plural = _("keputusan usulan beranda")

    def __str__(self):
        return f"{self.page} — {self.get_outcome_display()}"

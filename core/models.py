"""Shared page building blocks: the abstract base page and field-group mixins.

Dependency direction is one-way: ``core`` imports only Django and Wagtail. Feature apps
(``home``, ``opd_pages``, ``search`` and later ones) import from ``core``; ``core`` never
imports from them.
"""

import calendar

from django.conf import settings
from django.db import connection, models
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page, PageQuerySet

from .queries import not_restricted, subtree_range
from .richtext import check_rich_text_references
from .site_urls import canonical_url_parts


class PortalPageQuerySet(PageQuerySet):
    """Page queries shared by every listing of the portal."""

    def public(self):
        """Like Wagtail's ``public()``, in one SQL query instead of two (see ``core.queries``)."""
        return self.filter(not_restricted())

    def published(self):
        """Live pages that no view restriction on the page or an ancestor hides."""
        return self.live().public()

    def descendant_of_q(self, other, inclusive=False):
        """Wagtail's subtree filter plus a path range the index serves (see ``subtree_range``).

        ``child_of`` and ``descendant_of`` build on it: an OPD's Berita then reads its own
        news, not every page of the region.
        """
        condition = super().descendant_of_q(other, inclusive)
        # PostgreSQL serves Wagtail's ``LIKE 'prefix%'`` from the path index itself; the same
        # range twice would only make it underestimate the subtree 60-fold and pick worse plans.
        return condition if connection.vendor == "postgresql" else condition & subtree_range(other.path)


def page_permission_tester_class():
    """The tester every portal page uses (``PORTAL_PAGE_PERMISSION_TESTER``, default Wagtail's own)."""
    return import_string(getattr(settings, "PORTAL_PAGE_PERMISSION_TESTER", "wagtail.models.PagePermissionTester"))


class BasePage(Page):
    """Base of every public page type: shared listing metadata and template convention."""

    #: The word citizens see for this kind of page in listings and search results.
    kind_label = _("Halaman")
    #: Wagtail's save signal would index on every save, drafts included; search.signal_handlers
    #: indexes a page once per publish, unpublish or other change of its live content instead.
    search_auto_update = False

    class Meta:
        abstract = True

    def get_url_parts(self, request=None):
        """The page on its most specific Site: an OPD with its own host name is linked there (core.site_urls)."""
        if getattr(settings, "WAGTAIL_I18N_ENABLED", False):
            return super().get_url_parts(request=request)
        return canonical_url_parts(self, request)

    @classmethod
    def can_create_at(cls, parent):
        """Wagtail's check, with the children count of a ``max_count_per_parent`` type read from the
        explorer's annotation when the parent carries one (core.admin_counts)."""
        from .admin_counts import known_child_count

        known = known_child_count(parent, cls) if cls.max_count_per_parent is not None else None
        if known is None:
            return super().can_create_at(parent)
        can_create = cls.is_creatable and cls.can_exist_under(parent)
        if can_create and cls.max_count is not None:
            can_create = cls.objects.count() < cls.max_count
        return can_create and known < cls.max_count_per_parent

    def permissions_for_user(self, user):
        """Wagtail's per-class seam: the portal's tester (set in settings, so ``core`` imports no feature app)."""
        return page_permission_tester_class()(user, self)

    @property
    def listing_summary(self):
        return self.search_description

    def clean(self):
        super().clean()
        check_rich_text_references(self)


class ListingImageMixin(models.Model):
    """A main image with caption and credit, used on cards and at the top of a page."""

    main_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("gambar utama"),
        help_text=_("Foto utama yang tampil di atas halaman dan pada kartu daftar. Isi teks alternatif gambar."),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_caption = models.CharField(
        _("keterangan gambar"),
        max_length=255,
        blank=True,
        help_text=_("Keterangan singkat di bawah foto, misalnya siapa dan di mana."),
    )
    image_credit = models.CharField(
        _("sumber/kredit foto"),
        max_length=255,
        blank=True,
        help_text=_("Nama fotografer atau sumber foto, misalnya 'Humas Dinkes'."),
    )

    image_panels = [
        MultiFieldPanel(
            [FieldPanel("main_image"), FieldPanel("image_caption"), FieldPanel("image_credit")],
            heading=_("Gambar utama"),
        )
    ]

    class Meta:
        abstract = True


class ReviewedContentMixin(models.Model):
    """When an editor last checked that a page is still correct (used for profile pages)."""

    last_reviewed = models.DateField(
        _("terakhir ditinjau"),
        null=True,
        blank=True,
        help_text=_("Tanggal terakhir isi halaman ini diperiksa masih benar. Perbarui setidaknya setahun sekali."),
    )

    class Meta:
        abstract = True


def add_months(day, months):
    """``day`` plus ``months`` calendar months (the 31st becomes the month's last day)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    last_day = calendar.monthrange(year, month)[1]
    return day.replace(year=year, month=month, day=min(day.day, last_day))


class ReviewInterval(models.IntegerChoices):
    NONE = 0, _("Tidak dijadwalkan")
    QUARTERLY = 3, _("Setiap 3 bulan")
    HALF_YEARLY = 6, _("Setiap 6 bulan")
    YEARLY = 12, _("Setiap tahun")
    TWO_YEARLY = 24, _("Setiap 2 tahun")


class ReviewScheduleMixin(ReviewedContentMixin):
    """When a page is due to be checked again: an interval from its last review and/or a fixed date.

    ``review_due`` is derived on every save (so "pages due for review" is one indexed query): the
    earlier of ``review_by`` (unless a review on or after that date is recorded) and the last review
    (or first publication) plus the interval. Reminders are sent by the ``review_care`` app.
    """

    review_interval_months = models.PositiveSmallIntegerField(
        _("jadwal tinjauan"),
        choices=ReviewInterval.choices,
        default=ReviewInterval.NONE,
        help_text=_(
            "Seberapa sering isi halaman ini harus diperiksa masih benar. Pemilik halaman dan admin OPD "
            "menerima pengingat surel bila tinjauan jatuh tempo."
        ),
    )
    review_by = models.DateField(
        _("tinjau paling lambat"),
        null=True,
        blank=True,
        help_text=_(
            "Tanggal tertentu halaman ini harus ditinjau (misalnya saat aturan berubah). Terpenuhi setelah "
            "'terakhir ditinjau' diisi dengan tanggal ini atau sesudahnya."
        ),
    )
    review_due = models.DateField(_("tinjauan jatuh tempo"), null=True, blank=True, editable=False, db_index=True)

    review_panels = [
        MultiFieldPanel(
            [FieldPanel("last_reviewed"), FieldPanel("review_interval_months"), FieldPanel("review_by")],
            heading=_("Tinjauan isi"),
        )
    ]

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        # A partial save (Wagtail's save_revision writes only revision bookkeeping) leaves the stored
        # date alone: the draft's values must not reach the live row until the page is published.
        if kwargs.get("update_fields") is None:
            self.review_due = self.compute_review_due()
        super().save(*args, **kwargs)

    def compute_review_due(self):
        """The date this page is next due for review, or None when no review is scheduled."""
        candidates = []
        if self.review_by and not (self.last_reviewed and self.last_reviewed >= self.review_by):
            candidates.append(self.review_by)
        if self.review_interval_months:
            published = getattr(self, "first_published_at", None)
            base = self.last_reviewed or (timezone.localdate(published) if published else timezone.localdate())
            candidates.append(add_months(base, self.review_interval_months))
        return min(candidates, default=None)

"""What the search app stores: the page index, the synonym list and the query statistics.

``SearchDocument`` is our own denormalised index of live pages (one row per page) that the
public search page queries, and the admin's and the public API's page searches too when no
``SEARCH_URL`` is set (:mod:`search.backends.database`; Wagtail's database backend then keeps no
page rows). OpenSearch/Elasticsearch keep their own index; all are fed by the same signals and
by ``update_index`` (see :mod:`search.backends.documents`).
"""

from django.core.cache import cache
from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .text import tokenize

SYNONYM_CACHE_VERSION_KEY = "search:synonyms:version"


class SearchDocumentQuerySet(models.QuerySet):
    def in_subtree(self, path):
        return self.filter(path__startswith=path)


class SearchDocument(models.Model):
    """One live page as the public search sees it (maintained automatically, never edited)."""

    page = models.OneToOneField(
        "wagtailcore.Page", primary_key=True, on_delete=models.CASCADE, related_name="+", verbose_name=_("halaman")
    )
    path = models.CharField(_("jalur pohon"), max_length=255, db_index=True)
    opd = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("OPD"),
        db_index=True,
    )
    kind = models.CharField(_("jenis"), max_length=60, db_index=True)
    date = models.DateField(_("tanggal"), null=True, blank=True)
    year = models.PositiveSmallIntegerField(_("tahun"), null=True, blank=True, db_index=True)
    title = models.TextField(_("judul"))
    summary = models.TextField(_("ringkasan dan kata kunci"), blank=True)
    body = models.TextField(_("isi"), blank=True)

    objects = SearchDocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("dokumen pencarian")
        verbose_name_plural = _("dokumen pencarian")

    def __str__(self):
        return self.title


class Synonym(models.Model):
    """A group of words that mean the same to citizens ("KTP" = "kartu tanda penduduk"), managed by Diskominfo."""

    term = models.CharField(
        _("singkatan atau istilah"),
        max_length=100,
        unique=True,
        help_text=_("Kata yang diketik warga, misalnya 'KTP' atau 'PBG'."),
    )
    equivalents = models.TextField(
        _("padanan"),
        help_text=_(
            "Satu padanan per baris, misalnya 'kartu tanda penduduk'. Pencarian kata di atas juga menemukan "
            "padanannya, dan sebaliknya."
        ),
    )
    updated_at = models.DateTimeField(_("diubah"), auto_now=True)

    class Meta:
        ordering = ["term"]
        verbose_name = _("sinonim pencarian")
        verbose_name_plural = _("sinonim pencarian")

    def __str__(self):
        return self.term

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        bump_synonym_version()

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        bump_synonym_version()
        return result

    def clean(self):
        from django.core.exceptions import ValidationError

        if not tokenize(self.term):
            raise ValidationError({"term": _("Isi dengan huruf atau angka.")})
        if not any(tokenize(line) for line in self.equivalent_list):
            raise ValidationError({"equivalents": _("Isi setidaknya satu padanan.")})

    @property
    def equivalent_list(self):
        return [line.strip() for line in self.equivalents.splitlines() if line.strip()]


def bump_synonym_version():
    """Makes every process reload the synonym list on its next search."""
    try:
        cache.incr(SYNONYM_CACHE_VERSION_KEY)
    except ValueError:
        cache.set(SYNONYM_CACHE_VERSION_KEY, 1, None)


class QueryStatQuerySet(models.QuerySet):
    def popular(self, since=None):
        """Queries by number of searches, most first, summed over days since ``since``."""
        rows = self if since is None else self.filter(day__gte=since)
        return (
            rows.values("query")
            .annotate(total=models.Sum("hits"), zero=models.Sum("zero_result_hits"))
            .order_by("-total", "query")
        )

    def zero_results(self, since=None):
        """Queries that found nothing, most frequent first."""
        return self.popular(since).filter(zero__gt=0).order_by("-zero", "query")


class QueryStat(models.Model):
    """How often a normalised query was searched on one day, and how often it found nothing."""

    query = models.CharField(_("kata pencarian"), max_length=200)
    day = models.DateField(_("tanggal"))
    hits = models.PositiveIntegerField(_("jumlah pencarian"), default=0)
    zero_result_hits = models.PositiveIntegerField(_("tanpa hasil"), default=0)

    objects = QueryStatQuerySet.as_manager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["query", "day"], name="search_querystat_query_day")]
        indexes = [models.Index(fields=["day", "query"])]
        ordering = ["-day", "-hits"]
        verbose_name = _("statistik pencarian")
        verbose_name_plural = _("statistik pencarian")

    def __str__(self):
        return f"{self.query} ({self.day})"

    @classmethod
    def record(cls, query, found, day=None):
        """Count one search of ``query`` (already normalised); safe under concurrent requests."""
        day = day or timezone.localdate()
        zero = 0 if found else 1
        updated = cls.objects.filter(query=query, day=day).update(
            hits=F("hits") + 1, zero_result_hits=F("zero_result_hits") + zero
        )
        if not updated:
            from django.db import IntegrityError, transaction

            try:
                with transaction.atomic():
                    cls.objects.create(query=query, day=day, hits=1, zero_result_hits=zero)
            except IntegrityError:
                cls.objects.filter(query=query, day=day).update(
                    hits=F("hits") + 1, zero_result_hits=F("zero_result_hits") + zero
                )


class QueryVisitor(models.Model):
    """That a (pseudonymous) visitor searched a query on a day: *Pencarian populer* counts people, not requests.

    ``visitor`` is a keyed hash of the client address, never the address itself; rows older than
    ``PORTAL_POPULAR_DAYS`` are deleted as new ones come in.
    """

    query = models.CharField(_("kata pencarian"), max_length=200)
    day = models.DateField(_("tanggal"))
    visitor = models.CharField(_("pengunjung (hash)"), max_length=32)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["query", "day", "visitor"], name="search_queryvisitor_unique")]
        indexes = [models.Index(fields=["day", "query"])]
        verbose_name = _("pengunjung pencarian")
        verbose_name_plural = _("pengunjung pencarian")

    def __str__(self):
        return f"{self.query} ({self.day})"

    @classmethod
    def record(cls, query, visitor, day=None):
        import datetime
        import random

        from django.conf import settings

        day = day or timezone.localdate()
        # One INSERT; a visitor already counted for the day is ignored by the unique constraint.
        cls.objects.bulk_create([cls(query=query, day=day, visitor=visitor)], ignore_conflicts=True)
        if random.random() < 0.01:
            cls.objects.filter(day__lt=day - datetime.timedelta(days=settings.PORTAL_POPULAR_DAYS)).delete()

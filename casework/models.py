"""Abstract bases for citizens' requests (complaints, information requests) and the shared tables.

See :mod:`casework` for how a concrete app uses them.
"""

import hashlib
import hmac
import secrets

from django.conf import settings
from django.core.files.storage import storages
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def private_storage():
    """Storage of citizens' attachments: never under MEDIA_ROOT, never served by /media/."""
    return storages["casework_private"]


def hash_token(token):
    return hashlib.sha256(f"{settings.SECRET_KEY}:{token}".encode()).hexdigest()


class TrackingSequence(models.Model):
    """The last tracking number given per prefix and year (one row each, updated in place)."""

    prefix = models.CharField(max_length=10)
    year = models.PositiveIntegerField()
    last_value = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["prefix", "year"], name="casework_sequence_unique")]

    def __str__(self):
        return f"{self.prefix}-{self.year}: {self.last_value}"


class CaseHandler(models.Model):
    """A member of an OPD team an OPD admin made handler of one kind of case (e.g. *petugas pengaduan*)."""

    kind = models.CharField(_("jenis layanan"), max_length=30)
    team = models.ForeignKey(
        "opd_teams.OpdTeam", verbose_name=_("tim OPD"), on_delete=models.CASCADE, related_name="case_handlers"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("akun"), on_delete=models.CASCADE, related_name="case_handler_roles"
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    assigned_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("petugas layanan")
        verbose_name_plural = _("petugas layanan")
        constraints = [models.UniqueConstraint(fields=["kind", "team", "user"], name="casework_handler_unique")]

    def __str__(self):
        return f"{self.user} ({self.kind}, {self.team})"


class CaseQuerySet(models.QuerySet):
    def for_opds(self, opd_ids):
        return self.filter(opd_id__in=opd_ids)

    def overdue(self, now=None):
        """Waiting for a first answer past the deadline."""
        return self.filter(first_response_at__isnull=True, due_at__lt=now or timezone.now()).exclude(
            status__in=self.model.CLOSED_STATUSES
        )


class Case(models.Model):
    """A citizen's request: tracking number, private link, OPD, state, deadline, escalation marker.

    Concrete models set ``TRACKING_PREFIX``, ``Status`` (a TextChoices with at least the
    ``INITIAL_STATUS``), ``TRANSITIONS`` (``{from: {to, …}}``), ``CLOSED_STATUSES``,
    ``ANSWER_STATUSES`` (reaching one records the first response) and ``event_model``.
    """

    TRACKING_PREFIX = "REQ"
    INITIAL_STATUS = "baru"
    TRANSITIONS = {}
    CLOSED_STATUSES = ()
    ANSWER_STATUSES = ()

    tracking_number = models.CharField(_("nomor pelacakan"), max_length=30, unique=True, editable=False)
    access_token_hash = models.CharField(max_length=64, editable=False)
    status = models.CharField(_("status"), max_length=20, db_index=True)
    opd = models.ForeignKey(
        "opd_pages.OpdHomePage",
        verbose_name=_("OPD"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="%(app_label)s_%(class)s_cases",
        help_text=_("OPD yang menangani; kosong berarti menunggu koordinator."),
    )
    contact_name = models.CharField(_("nama"), max_length=150, blank=True)
    contact_email = models.EmailField(_("e-mail"), blank=True)
    contact_phone = models.CharField(_("nomor telepon"), max_length=30, blank=True)
    received_at = models.DateTimeField(_("diterima pada"), default=timezone.now, db_index=True)
    due_at = models.DateTimeField(_("batas waktu"), null=True, blank=True, db_index=True)
    first_response_at = models.DateTimeField(_("dijawab pertama kali"), null=True, blank=True)
    closed_at = models.DateTimeField(_("ditutup pada"), null=True, blank=True)
    escalation_level = models.PositiveSmallIntegerField(_("tingkat eskalasi"), default=0)
    escalated_at = models.DateTimeField(_("dieskalasi pada"), null=True, blank=True)
    client_key = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    content_hash = models.CharField(max_length=64, blank=True, db_index=True, editable=False)

    objects = CaseQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["-received_at"]

    def __str__(self):
        return self.tracking_number

    # Private link ------------------------------------------------------------------------------
    def issue_token(self):
        """A new secret for the citizen's private link; only its hash is stored. Returns the token."""
        token = secrets.token_urlsafe(24)
        self.access_token_hash = hash_token(token)
        return token

    def token_matches(self, token):
        return bool(self.access_token_hash) and hmac.compare_digest(self.access_token_hash, hash_token(token or ""))

    # State -------------------------------------------------------------------------------------
    @property
    def is_closed(self):
        return self.status in self.CLOSED_STATUSES

    def allowed_transitions(self):
        return set(self.TRANSITIONS.get(self.status, ()))

    @property
    def is_overdue(self):
        return (
            self.first_response_at is None
            and self.due_at is not None
            and self.due_at < timezone.now()
            and not self.is_closed
        )

    @property
    def answered_in_time(self):
        if self.first_response_at is None or self.due_at is None:
            return None
        return self.first_response_at <= self.due_at


class CaseEvent(models.Model):
    """One entry in a case's history: who, when, from→to, an internal note and/or a public text.

    Concrete models add ``case = models.ForeignKey(<Case>, related_name="events", …)``.
    """

    class Kind(models.TextChoices):
        RECEIVED = "diterima_sistem", _("Laporan masuk")
        STATUS = "status", _("Perubahan status")
        NOTE = "catatan", _("Catatan internal")
        ANSWER = "jawaban", _("Jawaban")
        FORWARD = "diteruskan", _("Diteruskan")
        ESCALATION = "eskalasi", _("Eskalasi")
        EXTERNAL = "eksternal", _("Rujukan luar")

    kind = models.CharField(_("jenis"), max_length=20, choices=Kind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("waktu"), default=timezone.now)
    from_status = models.CharField(_("dari status"), max_length=20, blank=True)
    to_status = models.CharField(_("ke status"), max_length=20, blank=True)
    from_opd = models.ForeignKey(
        "opd_pages.OpdHomePage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    to_opd = models.ForeignKey(
        "opd_pages.OpdHomePage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    internal_note = models.TextField(_("catatan internal"), blank=True)
    public_text = models.TextField(_("teks untuk pelapor"), blank=True)

    class Meta:
        abstract = True
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.created_at:%Y-%m-%d %H:%M}"

    @property
    def is_public(self):
        return bool(self.public_text)


class CaseAttachment(models.Model):
    """A file a citizen sent, kept in private storage; served only by a permission-checking view.

    Concrete models add ``case = models.ForeignKey(<Case>, related_name="attachments", …)``
    and ``file = models.FileField(storage=private_storage, upload_to="<app>/%Y/%m/")``.
    """

    original_name = models.CharField(_("nama berkas"), max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField(_("ukuran (bita)"))
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        abstract = True

    def __str__(self):
        return self.original_name

    @property
    def is_image(self):
        return self.content_type.startswith("image/")

"""Permohonan informasi (information requests) and keberatan (objections), with their deadlines.

Legal deadlines (UU 14/2008, Perki 1/2021), counted in the region's working days
(:mod:`ppid.deadlines`): an answer within 10 working days, extendable once by 7 with a written
reason; an objection within 30 working days of its reason, answered by the Atasan PPID within
30 working days; a dispute to the Komisi Informasi within 14 working days of that answer.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from casework.access import visible_cases
from casework.intake import store_case
from casework.models import Case, CaseEvent, CaseQuerySet

ANSWER_WORKING_DAYS = 10
EXTENSION_WORKING_DAYS = 7
OBJECTION_FILING_WORKING_DAYS = 30
OBJECTION_ANSWER_WORKING_DAYS = 30
KOMISI_INFORMASI_WORKING_DAYS = 14


class ApplicantKind(models.TextChoices):
    PERSON = "perorangan", _("Perorangan (formulir 1A)")
    BODY = "badan", _("Badan hukum / kelompok (formulir 1B)")


class ReceiveMethod(models.TextChoices):
    VIEW = "melihat", _("Melihat / membaca / mencatat")
    SOFT_COPY = "softcopy", _("Salinan elektronik (softcopy)")
    HARD_COPY = "hardcopy", _("Salinan cetak (hardcopy)")


class DeliveryMethod(models.TextChoices):
    PICK_UP = "ambil", _("Mengambil langsung")
    EMAIL = "surel", _("Surel")
    POST = "pos", _("Pos / kurir")


class RequestStatus(models.TextChoices):
    RECEIVED = "diterima", _("Diterima, sedang diproses")
    EXTENDED = "diperpanjang", _("Diperpanjang")
    ANSWERED = "dijawab", _("Dijawab")


class AnswerKind(models.TextChoices):
    GRANTED = "dikabulkan", _("Dikabulkan seluruhnya")
    PARTLY = "sebagian", _("Dikabulkan sebagian (dengan penghitaman)")
    REFUSED = "ditolak", _("Ditolak (informasi dikecualikan)")
    NOT_HELD = "tidak_dikuasai", _("Informasi tidak dikuasai")


class ObjectionReason(models.TextChoices):
    """The reasons of UU 14/2008 art. 35(1)."""

    REFUSED = "penolakan", _("Permohonan ditolak dengan alasan pengecualian")
    NOT_PUBLISHED = "tidak_diumumkan", _("Informasi berkala tidak disediakan")
    NO_ANSWER = "tidak_ditanggapi", _("Permohonan tidak ditanggapi")
    NOT_AS_ASKED = "tidak_sesuai", _("Ditanggapi tidak sebagaimana yang diminta")
    NOT_FULFILLED = "tidak_dipenuhi", _("Permohonan tidak dipenuhi")
    FEE = "biaya", _("Biaya yang dikenakan tidak wajar")
    LATE = "terlambat", _("Jawaban melebihi jangka waktu (termasuk perpanjangan)")


class ObjectionOutcome(models.TextChoices):
    UPHELD = "diterima", _("Keberatan diterima: informasi diberikan")
    REJECTED = "ditolak", _("Keberatan ditolak: putusan PPID dikuatkan")


class RequestQuerySet(CaseQuerySet):
    def visible_to(self, user):
        """Requests ``user`` may see: the PPID Utama all, a PPID Pelaksana its OPDs' only."""
        from ..roles import CASE_KIND, ppid_coordinator

        return visible_cases(self, user, kind=CASE_KIND, coordinator=ppid_coordinator())

    def open(self):
        return self.exclude(status__in=self.model.CLOSED_STATUSES)

    def overdue_on(self, today):
        """Not answered although the due day ended before ``today``."""
        return self.open().filter(first_response_at__isnull=True, due_date__lt=today)

    def of_year(self, year):
        return self.filter(received_at__year=year)


class InformationRequest(Case):
    """One permohonan informasi to one OPD's PPID, from its filing to its answer (a casework case).

    Stored before anything else happens (:func:`casework.intake.store_case`); the citizen follows
    it with the tracking number and the private token link. ``due_date`` is the last working day
    of the legal term; ``due_at`` (casework's deadline) is that day's closing time.
    """

    TRACKING_PREFIX = "PPID"
    INITIAL_STATUS = RequestStatus.RECEIVED
    TRANSITIONS = {
        RequestStatus.RECEIVED: {RequestStatus.EXTENDED, RequestStatus.ANSWERED},
        RequestStatus.EXTENDED: {RequestStatus.ANSWERED},
    }
    ANSWER_STATUSES = (RequestStatus.ANSWERED,)
    CLOSED_STATUSES = (RequestStatus.ANSWERED,)

    applicant_kind = models.CharField(
        _("jenis pemohon"), max_length=20, choices=ApplicantKind.choices, default=ApplicantKind.PERSON
    )
    body_name = models.CharField(_("nama badan / kelompok"), max_length=200, blank=True)
    identity_number = models.CharField(_("nomor identitas"), max_length=40)
    address = models.TextField(_("alamat"), max_length=500)
    information = models.TextField(_("informasi yang diminta"), max_length=3000)
    purpose = models.TextField(_("tujuan penggunaan informasi"), max_length=1500)
    receive_method = models.CharField(_("cara memperoleh"), max_length=20, choices=ReceiveMethod.choices)
    delivery_method = models.CharField(_("cara mendapatkan salinan"), max_length=20, choices=DeliveryMethod.choices)

    due_date = models.DateField(_("batas waktu jawaban"))
    extension_reason = models.TextField(_("alasan perpanjangan"), blank=True)
    extended_at = models.DateTimeField(_("diperpanjang pada"), null=True, blank=True)
    answer_kind = models.CharField(_("jenis jawaban"), max_length=20, choices=AnswerKind.choices, blank=True)
    answer = models.TextField(_("jawaban"), blank=True)
    exemption = models.TextField(_("dasar pengecualian"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    forwarded_to = models.ForeignKey(
        "self",
        verbose_name=_("diteruskan sebagai"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="forwarded_from",
    )

    objects = RequestQuerySet.as_manager()

    class Meta(Case.Meta):
        ordering = ["-received_at", "-pk"]
        verbose_name = _("permohonan informasi")
        verbose_name_plural = _("permohonan informasi")
        indexes = [models.Index(fields=["opd", "status"])]

    @property
    def event_model(self):
        return RequestEvent

    @property
    def number(self):
        return self.tracking_number

    @property
    def status_label(self):
        return RequestStatus(self.status).label

    @property
    def answered_at(self):
        return self.first_response_at

    def set_due_date(self, day, calendar=None):
        from ..deadlines import end_of_working_day

        self.due_date = day
        self.due_at = end_of_working_day(day, calendar)

    @classmethod
    def file(cls, client_key="", **fields):
        """Store a new request (number, token, deadline, first event) before anything else.

        Returns ``(request, token)``: the token exists only here and in the citizen's link.
        """
        from ..deadlines import add_working_days

        request = cls(client_key=client_key, **fields)
        request.set_due_date(add_working_days(timezone.localdate(request.received_at), ANSWER_WORKING_DAYS))
        token = store_case(request)
        return request, token

    @property
    def is_open(self):
        return not self.is_closed

    def is_overdue_on(self, today=None):
        return self.is_open and self.due_date < (today or timezone.localdate())

    @property
    def can_extend(self):
        return self.status == RequestStatus.RECEIVED and self.extended_at is None

    def objection_reasons_now(self):
        """Objection reasons that arose: a refusal, an extension, no answer in time…"""
        reasons = []
        if self.answer_kind == AnswerKind.REFUSED:
            reasons.append(ObjectionReason.REFUSED)
        if self.answer_kind in (AnswerKind.PARTLY, AnswerKind.NOT_HELD):
            reasons.append(ObjectionReason.NOT_FULFILLED)
        if self.extended_at:
            reasons.append(ObjectionReason.LATE)
        if self.is_overdue_on():
            reasons.append(ObjectionReason.NO_ANSWER)
        return reasons

    def objection_reason_date(self):
        """The day the (latest) reason to object arose: answer, missed deadline or extension."""
        if self.answered_at:
            return timezone.localdate(self.answered_at)
        if self.is_overdue_on():
            return self.due_date
        if self.extended_at:
            return timezone.localdate(self.extended_at)
        return None

    def objection_deadline(self):
        from ..deadlines import add_working_days

        reason_date = self.objection_reason_date()
        return add_working_days(reason_date, OBJECTION_FILING_WORKING_DAYS) if reason_date else None

    @property
    def has_objection(self):
        try:
            self.objection  # noqa: B018 - the reverse one-to-one raises when there is none
        except Objection.DoesNotExist:
            return False
        return True

    def can_object(self, today=None):
        """True while the citizen may still object (a reason arose, none filed, within 30 working days)."""
        deadline = self.objection_deadline()
        return not self.has_objection and deadline is not None and (today or timezone.localdate()) <= deadline


class RequestEvent(CaseEvent):
    """One step in a request's history (the citizen sees the kind and the public text)."""

    class Kind(models.TextChoices):
        SUBMITTED = "diterima_sistem", _("Permohonan diterima")
        EXTENDED = "diperpanjang", _("Jangka waktu diperpanjang 7 hari kerja")
        ANSWERED = "jawaban", _("Permohonan dijawab")
        FORWARDED = "diteruskan", _("Diteruskan ke OPD lain")
        ESCALATED = "eskalasi", _("Melewati batas waktu: diteruskan ke PPID Utama")
        OBJECTION_FILED = "keberatan", _("Keberatan diajukan kepada Atasan PPID")
        OBJECTION_DECIDED = "keberatan_diputus", _("Keberatan ditanggapi Atasan PPID")
        NOTE = "catatan", _("Catatan internal")

    case = models.ForeignKey(InformationRequest, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("jenis"), max_length=20, choices=Kind.choices)

    class Meta(CaseEvent.Meta):
        verbose_name = _("riwayat permohonan")
        verbose_name_plural = _("riwayat permohonan")

    @property
    def note(self):
        return self.public_text

    @property
    def at(self):
        return self.created_at


class Objection(models.Model):
    """A keberatan against the handling of one request, decided by the Atasan PPID."""

    request = models.OneToOneField(InformationRequest, on_delete=models.CASCADE, related_name="objection")
    number = models.CharField(_("nomor keberatan"), max_length=24, unique=True, editable=False)
    reason = models.CharField(_("alasan keberatan"), max_length=30, choices=ObjectionReason.choices)
    statement = models.TextField(_("uraian keberatan"), max_length=3000)
    filed_at = models.DateTimeField(_("diajukan pada"), default=timezone.now)
    due_date = models.DateField(_("batas waktu tanggapan"))
    outcome = models.CharField(_("putusan"), max_length=20, choices=ObjectionOutcome.choices, blank=True)
    decision = models.TextField(_("tanggapan Atasan PPID"), blank=True)
    decided_at = models.DateTimeField(_("ditanggapi pada"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-filed_at"]
        verbose_name = _("keberatan")
        verbose_name_plural = _("keberatan")

    def __str__(self):
        return self.number

    @property
    def is_open(self):
        return self.decided_at is None

    def komisi_informasi_deadline(self):
        from ..deadlines import add_working_days

        if self.decided_at:
            return add_working_days(timezone.localdate(self.decided_at), KOMISI_INFORMASI_WORKING_DAYS)
        return add_working_days(self.due_date, KOMISI_INFORMASI_WORKING_DAYS)

"""What happens to a request: filing, extension, answer (with forwarding), objection, escalation.

Built on :mod:`casework`: the request is stored first (:func:`casework.intake.store_case`), then
mail and audit run as follow-up steps that may fail without losing it; every state change is a
:func:`casework.workflow.transition` with one event in the request's history; escalation is
:func:`casework.escalation.escalate` (once per request, even with several servers).
"""

import logging

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from audit.log import record
from casework.antispam import client_key
from casework.escalation import escalate
from casework.intake import follow_up
from casework.workflow import TransitionError, record_event, transition
from outbox.mail import queue_mail

from .deadlines import add_working_days
from .models.requests import (
    EXTENSION_WORKING_DAYS,
    OBJECTION_ANSWER_WORKING_DAYS,
    AnswerKind,
    InformationRequest,
    Objection,
    RequestEvent,
    RequestStatus,
)
from .roles import staff_addresses, utama_addresses

logger = logging.getLogger("portal.ppid")

#: The applicant's fields a forwarded request keeps.
APPLICANT_FIELDS = (
    "applicant_kind",
    "contact_name",
    "body_name",
    "identity_number",
    "address",
    "contact_email",
    "contact_phone",
    "information",
    "purpose",
    "receive_method",
    "delivery_method",
)


class HandlingError(Exception):
    """A step that is not allowed now (message in Indonesian)."""


def absolute(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def status_url(info_request, token):
    return absolute(reverse("ppid:status", args=[info_request.tracking_number, token]))


def staff_url(info_request):
    return absolute(reverse("ppid_admin:detail", args=[info_request.pk]))


def _date(day):
    return date_format(day, "DATE_FORMAT")


def _safe_mail(subject, body, to, kind):
    recipients = sorted({address for address in to if address})
    if not recipients:
        return None
    try:
        return queue_mail(subject, body, recipients, kind=kind)
    except Exception:  # noqa: BLE001 - the step is stored; a mail failure must not undo it
        logger.exception("Could not queue PPID mail %s", kind)
        return None


def notify_citizen(info_request, subject, body, token=None):
    if token:
        follow = _("Ikuti permohonan Anda di: %(url)s") % {"url": status_url(info_request, token)}
    else:
        follow = _("Lihat status dengan nomor permohonan dan kode akses Anda di %(url)s") % {
            "url": absolute(reverse("ppid:track"))
        }
    return _safe_mail(subject, f"{body}\n\n{follow}", [info_request.contact_email], "ppid.citizen")


def submit(form, http_request=None):
    """Store the citizen's request first, then mail and audit; returns ``(request, token)``."""
    fields = {name: form.cleaned_data[name] for name in form.Meta.fields}
    info_request, token = InformationRequest.file(
        client_key=client_key(http_request) if http_request is not None else "", **fields
    )

    def receipt_mail(case):
        notify_citizen(
            case,
            _("Tanda bukti permohonan informasi %(number)s") % {"number": case.number},
            _(
                "Permohonan informasi Anda kepada %(opd)s telah kami terima dengan nomor %(number)s "
                "(kode akses %(token)s). Batas waktu jawaban: %(due)s (10 hari kerja)."
            )
            % {"opd": case.opd.title, "number": case.number, "token": token, "due": _date(case.due_date)},
            token=token,
        )

    def staff_mail(case):
        _safe_mail(
            _("Permohonan informasi baru %(number)s") % {"number": case.number},
            _("Permohonan baru untuk %(opd)s, batas waktu %(due)s: %(url)s")
            % {"opd": case.opd.title, "due": _date(case.due_date), "url": staff_url(case)},
            staff_addresses(case.opd_id),
            "ppid.staff",
        )

    def audit(case):
        record("ppid.request.filed", request=http_request, target=case.number)

    follow_up(info_request, receipt_mail, staff_mail, audit)
    return info_request, token


def _locked(info_request):
    return InformationRequest.objects.select_for_update(of=("self",)).select_related("opd").get(pk=info_request.pk)


def extend(info_request, user, reason, *, now=None):
    """Extend the deadline once by 7 working days, with the written reason the citizen reads."""
    with transaction.atomic():
        locked = _locked(info_request)
        if not locked.can_extend:
            raise HandlingError(_("Permohonan ini tidak dapat diperpanjang (hanya sekali, sebelum dijawab)."))
        now = now or timezone.now()
        locked.extension_reason = reason
        locked.extended_at = now
        locked.set_due_date(add_working_days(locked.due_date, EXTENSION_WORKING_DAYS))
        locked.save(update_fields=["extension_reason", "extended_at", "due_date", "due_at"])
        transition(
            locked, RequestStatus.EXTENDED, actor=user, public_text=reason, kind=RequestEvent.Kind.EXTENDED, now=now
        )
    record("ppid.request.extended", user=user, target=locked.number)
    notify_citizen(
        locked,
        _("Permohonan %(number)s diperpanjang") % {"number": locked.number},
        _("Jangka waktu jawaban diperpanjang sampai %(due)s. Alasan: %(reason)s")
        % {"due": _date(locked.due_date), "reason": reason},
    )
    return locked


def answer(info_request, user, answer_kind, text, exemption="", forward_to=None, *, now=None):
    """Record the PPID's decision; "not held" may forward the request to the OPD that holds it.

    A forwarded request is a new request of the other OPD (new number, new 10 working days)
    that opens with the citizen's existing access code.
    """
    forwarded = None
    now = now or timezone.now()
    with transaction.atomic():
        locked = _locked(info_request)
        if not locked.is_open:
            raise HandlingError(_("Permohonan ini sudah dijawab."))
        locked.answer_kind = answer_kind
        locked.answer = text
        locked.exemption = exemption if answer_kind in (AnswerKind.REFUSED, AnswerKind.PARTLY) else ""
        locked.answered_by = user
        if forward_to is not None and answer_kind == AnswerKind.NOT_HELD:
            forwarded, _token = InformationRequest.file(
                opd=forward_to, received_at=now, **{name: getattr(locked, name) for name in APPLICANT_FIELDS}
            )
            InformationRequest.objects.filter(pk=forwarded.pk).update(access_token_hash=locked.access_token_hash)
            locked.forwarded_to = forwarded
            record_event(
                locked,
                RequestEvent.Kind.FORWARDED,
                actor=user,
                from_opd=locked.opd,
                to_opd=forward_to,
                created_at=now,
                public_text=_("Diteruskan ke %(opd)s sebagai %(number)s")
                % {"opd": forward_to.title, "number": forwarded.number},
            )
        locked.save(update_fields=["answer_kind", "answer", "exemption", "answered_by", "forwarded_to"])
        try:
            transition(
                locked, RequestStatus.ANSWERED, actor=user, public_text=locked.get_answer_kind_display(),
                kind=RequestEvent.Kind.ANSWERED, now=now,
            )  # fmt: skip
        except TransitionError as error:
            raise HandlingError(str(error)) from error
    record("ppid.request.answered", user=user, target=locked.number, answer=answer_kind)
    body = _("Permohonan %(number)s telah dijawab: %(kind)s.\n\n%(text)s") % {
        "number": locked.number,
        "kind": locked.get_answer_kind_display(),
        "text": text,
    }
    if locked.exemption:
        body += "\n\n" + _("Dasar pengecualian: %(exemption)s") % {"exemption": locked.exemption}
    if forwarded is not None:
        body += "\n\n" + _(
            "Permohonan diteruskan ke %(opd)s dengan nomor %(number)s; kode akses Anda tetap berlaku."
        ) % {"opd": forward_to.title, "number": forwarded.number}
    notify_citizen(locked, _("Jawaban permohonan informasi %(number)s") % {"number": locked.number}, body)
    return locked


def file_objection(info_request, reason, statement, http_request=None, *, now=None):
    """Store the citizen's objection to the Atasan PPID (answered within 30 working days)."""
    with transaction.atomic():
        locked = _locked(info_request)
        now = now or timezone.now()
        if not locked.can_object(today=timezone.localdate(now)):
            raise HandlingError(
                _("Keberatan tidak dapat diajukan untuk permohonan ini (sudah diajukan atau lewat waktu).")
            )
        objection = Objection.objects.create(
            request=locked,
            number=f"KEB-{locked.number.removeprefix('PPID-')}",
            reason=reason,
            statement=statement,
            filed_at=now,
            due_date=add_working_days(timezone.localdate(now), OBJECTION_ANSWER_WORKING_DAYS),
        )
        record_event(
            locked, RequestEvent.Kind.OBJECTION_FILED, public_text=objection.get_reason_display(), created_at=now
        )

    def staff_mail(case):
        _safe_mail(
            _("Keberatan baru %(number)s") % {"number": objection.number},
            _("Keberatan atas permohonan %(number)s, batas tanggapan %(due)s: %(url)s")
            % {"number": case.number, "due": _date(objection.due_date), "url": staff_url(case)},
            utama_addresses() + staff_addresses(case.opd_id),
            "ppid.staff",
        )

    def citizen_mail(case):
        notify_citizen(
            case,
            _("Keberatan %(number)s diterima") % {"number": objection.number},
            _("Keberatan Anda diteruskan kepada Atasan PPID, yang menanggapi paling lambat %(due)s.")
            % {"due": _date(objection.due_date)},
        )

    def audit(case):
        record("ppid.objection.filed", request=http_request, target=objection.number)

    follow_up(locked, staff_mail, citizen_mail, audit)
    return objection


def decide_objection(objection, user, outcome, decision, *, now=None):
    with transaction.atomic():
        locked = Objection.objects.select_for_update().get(pk=objection.pk)
        if not locked.is_open:
            raise HandlingError(_("Keberatan ini sudah ditanggapi."))
        locked.outcome = outcome
        locked.decision = decision
        locked.decided_at = now or timezone.now()
        locked.decided_by = user
        locked.save()
        record_event(
            locked.request,
            RequestEvent.Kind.OBJECTION_DECIDED,
            actor=user,
            public_text=locked.get_outcome_display(),
            created_at=locked.decided_at,
        )
    record("ppid.objection.decided", user=user, target=locked.number, outcome=outcome)
    notify_citizen(
        locked.request,
        _("Tanggapan atas keberatan %(number)s") % {"number": locked.number},
        _(
            "%(outcome)s\n\n%(decision)s\n\nBila Anda tidak puas, ajukan penyelesaian sengketa informasi ke "
            "Komisi Informasi paling lambat %(deadline)s (14 hari kerja)."
        )
        % {
            "outcome": locked.get_outcome_display(),
            "decision": decision,
            "deadline": _date(locked.komisi_informasi_deadline()),
        },
    )
    return locked


def escalate_overdue(today=None):
    """Escalate every request whose due day has ended unanswered to the PPID Utama, once each."""
    today = today or timezone.localdate()

    def notify(case, level):
        _safe_mail(
            _("Permohonan %(number)s melewati batas waktu") % {"number": case.number},
            _("Permohonan kepada %(opd)s belum dijawab sejak batas waktu %(due)s: %(url)s")
            % {"opd": case.opd.title, "due": _date(case.due_date), "url": staff_url(case)},
            utama_addresses() + staff_addresses(case.opd_id),
            "ppid.escalation",
        )

    return escalate(InformationRequest.objects.overdue_on(today).select_related("opd"), 1, notify)

"""What happens to a request: filing, extension, answer (with forwarding), objection, escalation.

Each step stores first and records an event in the request's history; mail goes through the
outbox (:func:`outbox.mail.queue_mail`) after the step is saved, and a failing mail or audit
write never undoes the step.
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.log import record
from opd_teams.models import DISKOMINFO_GROUP, OpdTeam
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

logger = logging.getLogger("portal.ppid")


class HandlingError(Exception):
    """A step that is not allowed now (message in Indonesian, for the PPID)."""


def status_url(info_request):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "ppid:status", args=[info_request.number, info_request.token]
    )


def staff_url(info_request):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("ppid_admin:detail", args=[info_request.pk])


def _safe_mail(subject, body, to, kind):
    recipients = [address for address in to if address]
    if not recipients:
        return None
    try:
        return queue_mail(subject, body, recipients, kind=kind)
    except Exception:  # noqa: BLE001 - the step is stored; a mail failure must not undo it
        logger.exception("Could not queue PPID mail %s", kind)
        return None


def ppid_addresses(opd_id):
    team = OpdTeam.objects.filter(opd_id=opd_id, archived_at__isnull=True).select_related("admin_group").first()
    if team is None:
        return []
    return list(team.admins().filter(is_active=True).exclude(email="").values_list("email", flat=True))


def utama_addresses():
    users = get_user_model().objects.filter(groups__name=DISKOMINFO_GROUP, is_active=True).exclude(email="")
    return list(users.values_list("email", flat=True).distinct())


def notify_citizen(info_request, subject, body):
    text = body + "\n\n" + _("Ikuti permohonan Anda di: %(url)s") % {"url": status_url(info_request)}
    return _safe_mail(subject, text, [info_request.email], "ppid.citizen")


def submit(form, http_request=None):
    """Store the citizen's request first, then notify; returns the stored request."""
    info_request = InformationRequest.file(**{name: form.cleaned_data[name] for name in form.Meta.fields})
    record("ppid.request.filed", request=http_request, target=info_request.number, opd=None)
    notify_citizen(
        info_request,
        _("Tanda bukti permohonan informasi %(number)s") % {"number": info_request.number},
        _(
            "Permohonan informasi Anda kepada %(opd)s telah kami terima dengan nomor %(number)s. "
            "Batas waktu jawaban: %(due)s (10 hari kerja)."
        )
        % {"opd": info_request.opd.title, "number": info_request.number, "due": _date(info_request.due_date)},
    )
    _safe_mail(
        _("Permohonan informasi baru %(number)s") % {"number": info_request.number},
        _("Permohonan baru untuk %(opd)s, batas waktu %(due)s: %(url)s")
        % {"opd": info_request.opd.title, "due": _date(info_request.due_date), "url": staff_url(info_request)},
        ppid_addresses(info_request.opd_id),
        "ppid.staff",
    )
    return info_request


def _date(day):
    from django.utils.formats import date_format

    return date_format(day, "DATE_FORMAT")


def _locked(info_request):
    return InformationRequest.objects.select_for_update().get(pk=info_request.pk)


def extend(info_request, user, reason):
    """Extend the deadline once by 7 working days, with the written reason the citizen reads."""
    with transaction.atomic():
        locked = _locked(info_request)
        if not locked.can_extend:
            raise HandlingError(_("Permohonan ini tidak dapat diperpanjang (hanya sekali, sebelum dijawab)."))
        locked.status = RequestStatus.EXTENDED
        locked.extension_reason = reason
        locked.extended_at = timezone.now()
        locked.due_date = add_working_days(locked.due_date, EXTENSION_WORKING_DAYS)
        locked.save(update_fields=["status", "extension_reason", "extended_at", "due_date"])
        RequestEvent.objects.create(request=locked, kind=RequestEvent.Kind.EXTENDED, actor=user, note=reason)
    record("ppid.request.extended", user=user, target=locked.number)
    notify_citizen(
        locked,
        _("Permohonan %(number)s diperpanjang") % {"number": locked.number},
        _("Jangka waktu jawaban diperpanjang sampai %(due)s. Alasan: %(reason)s")
        % {"due": _date(locked.due_date), "reason": reason},
    )
    return locked


def answer(info_request, user, answer_kind, text, exemption="", forward_to=None):
    """Record the PPID's decision; "not held" may forward the request to the OPD that holds it."""
    with transaction.atomic():
        locked = _locked(info_request)
        if not locked.is_open:
            raise HandlingError(_("Permohonan ini sudah dijawab."))
        locked.status = RequestStatus.ANSWERED
        locked.answer_kind = answer_kind
        locked.answer = text
        locked.exemption = exemption if answer_kind in (AnswerKind.REFUSED, AnswerKind.PARTLY) else ""
        locked.answered_at = timezone.now()
        locked.answered_by = user
        forwarded = None
        if forward_to is not None and answer_kind == AnswerKind.NOT_HELD:
            forwarded = InformationRequest.file(
                opd=forward_to,
                **{
                    field: getattr(locked, field)
                    for field in (
                        "applicant_kind",
                        "name",
                        "body_name",
                        "identity_number",
                        "address",
                        "email",
                        "phone",
                        "information",
                        "purpose",
                        "receive_method",
                        "delivery_method",
                    )
                },
            )
            locked.forwarded_to = forwarded
            RequestEvent.objects.create(
                request=locked,
                kind=RequestEvent.Kind.FORWARDED,
                actor=user,
                note=_("Diteruskan ke %(opd)s sebagai %(number)s")
                % {"opd": forward_to.title, "number": forwarded.number},
            )
        locked.save()
        RequestEvent.objects.create(
            request=locked, kind=RequestEvent.Kind.ANSWERED, actor=user, note=locked.get_answer_kind_display()
        )
    record("ppid.request.answered", user=user, target=locked.number, answer=answer_kind)
    body = _("Permohonan %(number)s telah dijawab: %(kind)s.\n\n%(text)s") % {
        "number": locked.number,
        "kind": locked.get_answer_kind_display(),
        "text": text,
    }
    if locked.exemption:
        body += "\n\n" + _("Dasar pengecualian: %(exemption)s") % {"exemption": locked.exemption}
    if forwarded is not None:
        body += "\n\n" + _("Permohonan diteruskan ke %(opd)s dengan nomor %(number)s: %(url)s") % {
            "opd": forward_to.title,
            "number": forwarded.number,
            "url": status_url(forwarded),
        }
    notify_citizen(locked, _("Jawaban permohonan informasi %(number)s") % {"number": locked.number}, body)
    return locked


def file_objection(info_request, reason, statement, http_request=None):
    """Store the citizen's objection to the Atasan PPID (due in 30 working days)."""
    with transaction.atomic():
        locked = _locked(info_request)
        if not locked.can_object():
            raise HandlingError(_("Keberatan tidak dapat diajukan untuk permohonan ini (sudah diajukan atau lewat waktu)."))
        now = timezone.now()
        objection = Objection.objects.create(
            request=locked,
            number=f"KEB-{locked.number.removeprefix('PPID-')}",
            reason=reason,
            statement=statement,
            filed_at=now,
            due_date=add_working_days(timezone.localdate(now), OBJECTION_ANSWER_WORKING_DAYS),
        )
        RequestEvent.objects.create(request=locked, kind=RequestEvent.Kind.OBJECTION_FILED, note=objection.get_reason_display())
    record("ppid.objection.filed", request=http_request, target=objection.number)
    _safe_mail(
        _("Keberatan baru %(number)s") % {"number": objection.number},
        _("Keberatan atas permohonan %(number)s, batas tanggapan %(due)s: %(url)s")
        % {"number": locked.number, "due": _date(objection.due_date), "url": staff_url(locked)},
        utama_addresses() + ppid_addresses(locked.opd_id),
        "ppid.staff",
    )
    notify_citizen(
        locked,
        _("Keberatan %(number)s diterima") % {"number": objection.number},
        _("Keberatan Anda diteruskan kepada Atasan PPID, yang menanggapi paling lambat %(due)s.")
        % {"due": _date(objection.due_date)},
    )
    return objection


def decide_objection(objection, user, outcome, decision):
    with transaction.atomic():
        locked = Objection.objects.select_for_update().get(pk=objection.pk)
        if not locked.is_open:
            raise HandlingError(_("Keberatan ini sudah ditanggapi."))
        locked.outcome = outcome
        locked.decision = decision
        locked.decided_at = timezone.now()
        locked.decided_by = user
        locked.save()
        RequestEvent.objects.create(
            request_id=locked.request_id,
            kind=RequestEvent.Kind.OBJECTION_DECIDED,
            actor=user,
            note=locked.get_outcome_display(),
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
    """Escalate every overdue, not yet escalated request to the PPID Utama, once each.

    The claim (``escalated_at`` set by a conditional UPDATE) makes a second run, or a second
    server running the command at the same moment, skip what was already escalated.
    """
    today = today or timezone.localdate()
    escalated = []
    for info_request in InformationRequest.objects.overdue(today).filter(escalated_at__isnull=True).select_related("opd"):
        with transaction.atomic():
            claimed = InformationRequest.objects.filter(pk=info_request.pk, escalated_at__isnull=True).update(
                escalated_at=timezone.now()
            )
            if not claimed:
                continue
            RequestEvent.objects.create(request=info_request, kind=RequestEvent.Kind.ESCALATED)
            _safe_mail(
                _("Permohonan %(number)s melewati batas waktu") % {"number": info_request.number},
                _("Permohonan kepada %(opd)s belum dijawab sejak batas waktu %(due)s: %(url)s")
                % {"opd": info_request.opd.title, "due": _date(info_request.due_date), "url": staff_url(info_request)},
                utama_addresses() + ppid_addresses(info_request.opd_id),
                "ppid.escalation",
            )
        escalated.append(info_request)
    return escalated

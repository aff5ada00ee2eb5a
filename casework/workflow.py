"""Moving a case through its states; every move writes one event."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _


class TransitionError(Exception):
    """A move the state machine does not allow; the message is for the user (Indonesian)."""


def record_event(case, kind, *, actor=None, from_status="", to_status="", internal_note="", public_text="", **extra):
    return case.event_model.objects.create(
        case=case,
        kind=kind,
        actor=actor if actor is not None and actor.pk else None,
        from_status=from_status,
        to_status=to_status,
        internal_note=internal_note,
        public_text=public_text,
        **extra,
    )


def transition(case, to_status, *, actor=None, internal_note="", public_text="", to_opd=None, kind=None, now=None):
    """Move ``case`` to ``to_status`` (and to another OPD when ``to_opd`` is given); returns the event."""
    now = now or timezone.now()
    if to_status not in case.allowed_transitions():
        raise TransitionError(
            _("Status tidak dapat diubah dari '%(from)s' ke '%(to)s'.") % {"from": case.status, "to": to_status}
        )
    from_status, from_opd = case.status, case.opd
    with transaction.atomic():
        case.status = to_status
        fields = ["status"]
        if to_status in case.ANSWER_STATUSES and case.first_response_at is None:
            case.first_response_at = now
            fields.append("first_response_at")
        if to_status in case.CLOSED_STATUSES:
            case.closed_at = now
            fields.append("closed_at")
        if to_opd is not None or kind == "diteruskan":
            case.opd = to_opd
            fields.append("opd")
        case.save(update_fields=fields)
        return record_event(
            case,
            kind or "status",
            actor=actor,
            from_status=from_status,
            to_status=to_status,
            internal_note=internal_note,
            public_text=public_text,
            from_opd=from_opd,
            to_opd=case.opd if "opd" in fields else None,
            created_at=now,
        )


def add_note(case, *, actor, internal_note):
    return record_event(case, "catatan", actor=actor, internal_note=internal_note)

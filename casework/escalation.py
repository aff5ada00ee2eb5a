"""Escalating overdue cases exactly once, even with several servers running the command.

Each case carries ``escalation_level``. A runner claims a case for level N with one
conditional ``UPDATE … WHERE escalation_level < N``: only the runner whose update changed
the row sends the notices, in the same transaction (the mails are queued in the outbox and
leave after commit). On PostgreSQL candidates are read with ``SELECT … FOR UPDATE SKIP
LOCKED`` so two runners do not even wait for each other.
"""

import logging

from django.db import connection, transaction
from django.utils import timezone

from .workflow import record_event

logger = logging.getLogger("portal.casework")


def escalate(queryset, level, notify, *, now=None):
    """Raise every case in ``queryset`` below ``level`` to it and call ``notify(case, level)`` once.

    Returns the escalated cases.
    """
    now = now or timezone.now()
    model = queryset.model
    done = []
    candidates = list(queryset.filter(escalation_level__lt=level).values_list("pk", flat=True))
    for pk in candidates:
        with transaction.atomic():
            rows = model.objects.filter(pk=pk, escalation_level__lt=level)
            if connection.features.has_select_for_update_skip_locked:
                rows = rows.select_for_update(skip_locked=True)
            case = rows.first()
            if case is None:
                continue
            claimed = model.objects.filter(pk=pk, escalation_level__lt=level).update(
                escalation_level=level, escalated_at=now
            )
            if not claimed:
                continue
            case.escalation_level, case.escalated_at = level, now
            record_event(case, "eskalasi", internal_note=f"level {level}", created_at=now)
            notify(case, level)
            done.append(case)
    return done

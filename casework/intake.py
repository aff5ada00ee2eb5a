"""Stored before anything else: save the citizen's case first, then do the rest step by step."""

import logging

from django.db import transaction

from .tracking import next_tracking_number
from .workflow import record_event

logger = logging.getLogger("portal.casework")


def store_case(case):
    """Give ``case`` its tracking number and private token and save it; returns the token.

    Runs in its own transaction so the row is committed before attachments, mail or indexing
    (run them with :func:`follow_up`).
    """
    with transaction.atomic():
        case.tracking_number = next_tracking_number(case.TRACKING_PREFIX, now=case.received_at)
        token = case.issue_token()
        if not case.status:
            case.status = case.INITIAL_STATUS
        case.save()
        record_event(case, "diterima_sistem", to_status=case.status, created_at=case.received_at)
    return token


def follow_up(case, *steps):
    """Run each ``step(case)`` in its own transaction; a failing step is logged, never raised.

    Returns the names of the steps that failed.
    """
    failed = []
    for step in steps:
        try:
            with transaction.atomic():
                step(case)
        except Exception:  # noqa: BLE001 - the case is stored; one failing extra must not lose it
            logger.exception("Follow-up step %s failed for %s", getattr(step, "__name__", step), case)
            failed.append(getattr(step, "__name__", str(step)))
    return failed

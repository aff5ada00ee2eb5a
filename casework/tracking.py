"""Tracking numbers ``<PREFIX>-<YEAR>-<000123>``: one sequence per prefix and year, no two alike."""

import random
import time

from django.db import IntegrityError, OperationalError, connection, transaction
from django.db.models import F
from django.utils import timezone

from .models import TrackingSequence


def next_tracking_number(prefix, *, now=None):
    """Allocate the next number for ``prefix`` in the region's current year.

    The ``UPDATE … SET last_value = last_value + 1`` takes the row's write lock until the
    surrounding transaction ends, so concurrent requests queue on it (PostgreSQL row lock,
    SQLite database lock) and each reads its own value; a rolled-back request leaves a gap,
    never a duplicate. The unique constraint on the case's number is the last guard. SQLite
    answers "locked" instead of waiting in some modes; then the step is retried briefly.
    """
    year = timezone.localtime(now or timezone.now()).year
    attempts = SQLITE_ATTEMPTS if connection.vendor == "sqlite" else 1
    for attempt in range(attempts):
        try:
            with transaction.atomic():
                _ensure_sequence(prefix, year)
                TrackingSequence.objects.filter(prefix=prefix, year=year).update(last_value=F("last_value") + 1)
                value = (
                    TrackingSequence.objects.filter(prefix=prefix, year=year).values_list("last_value", flat=True).get()
                )
            return format_tracking_number(prefix, year, value)
        except OperationalError as exc:
            if "locked" not in str(exc) or attempt == attempts - 1:
                raise
            time.sleep(0.01 + random.random() * 0.05)  # noqa: S311 - jitter, not security
    raise AssertionError("unreachable")


SQLITE_ATTEMPTS = 50


def format_tracking_number(prefix, year, value):
    return f"{prefix}-{year}-{value:06d}"


def _ensure_sequence(prefix, year):
    if TrackingSequence.objects.filter(prefix=prefix, year=year).exists():
        return
    try:
        with transaction.atomic():
            TrackingSequence.objects.create(prefix=prefix, year=year)
    except IntegrityError:
        pass  # another request created it first

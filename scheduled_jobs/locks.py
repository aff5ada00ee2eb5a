"""Scheduled jobs that run once, however many servers start them.

Every server's cron may start ``send_opd_reminders`` at the same minute. :func:`run_once` takes a
lease in the database (one row per job, claimed with a conditional UPDATE, which is atomic on
PostgreSQL and SQLite alike); a second starter finds the lease held and does nothing. The lease
expires after ``ttl`` seconds so a crashed run does not block the job for ever.
"""

import contextlib
import datetime
import os
import socket
import uuid

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from .models import JobLock


class JobAlreadyRunning(Exception):
    """Another server holds the lease for this job."""


def _holder():
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def acquire(name, ttl=3600):
    """Claim the lease on ``name``; returns the holder token, or None when someone else holds it."""
    now = timezone.now()
    holder = _holder()
    until = now + datetime.timedelta(seconds=ttl)
    try:
        with transaction.atomic():
            JobLock.objects.get_or_create(name=name)
    except IntegrityError:
        pass  # created at the same moment by another server: the row exists either way
    claimed = (
        JobLock.objects.filter(name=name)
        .filter(Q(locked_until__isnull=True) | Q(locked_until__lt=now))
        .update(holder=holder, locked_until=until, last_started_at=now)
    )
    return holder if claimed else None


def release(name, holder):
    JobLock.objects.filter(name=name, holder=holder).update(locked_until=None, last_finished_at=timezone.now())


@contextlib.contextmanager
def run_once(name, ttl=3600):
    """Run the ``with`` block only if this process wins the lease; raise JobAlreadyRunning otherwise."""
    holder = acquire(name, ttl)
    if holder is None:
        raise JobAlreadyRunning(name)
    try:
        yield
    finally:
        release(name, holder)

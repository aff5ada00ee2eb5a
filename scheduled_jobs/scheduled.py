"""Base class for cron commands that must run on one server only."""

import sys

from django.core.management.base import BaseCommand, OutputWrapper
from django.utils.translation import gettext as _

from .locks import JobAlreadyRunning, run_once


class ScheduledCommand(BaseCommand):
    """A management command whose ``handle`` runs under a :func:`scheduled_jobs.locks.run_once` lease.

    Started on several servers at once, one runs it and the others print a notice and exit 0.
    """

    #: Seconds after which an unreleased lease (a crashed run) expires.
    lock_ttl = 3600

    def lock_name(self):
        return self.__class__.__module__.rsplit(".", 1)[-1]

    def execute(self, *args, **options):
        try:
            with run_once(self.lock_name(), ttl=self.lock_ttl):
                return super().execute(*args, **options)
        except JobAlreadyRunning:
            out = OutputWrapper(options.get("stdout") or sys.stdout)
            out.write(_("%(job)s sedang dijalankan server lain; dilewati.") % {"job": self.lock_name()})
            return None

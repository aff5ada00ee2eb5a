"""Who is PPID of what (on :mod:`casework.access`, case kind ``"ppid"``).

* **PPID Pelaksana** of an OPD: its OPD admins and the team members an OPD admin made handler of
  kind ``"ppid"`` (:class:`casework.models.CaseHandler`). They see and answer their OPD's
  requests, and no other.
* **PPID Utama**: the coordinator ``PORTAL_PPID_COORDINATOR`` (default ``"Diskominfo"``, the
  platform group; superusers too). It sees every request, receives the overdue escalations and
  records the Atasan PPID's decision on objections.
* The PPID Utama's own public section is the PPID page of the OPD ``PORTAL_PPID_UTAMA_ACRONYM``
  (default "Diskominfo").
"""

from django.conf import settings

from casework.access import coordinator_users, emails_of, handler_users, is_coordinator
from casework.access import handled_opd_ids as casework_handled_opd_ids
from opd_pages.models import OpdHomePage

CASE_KIND = "ppid"


def ppid_coordinator():
    """The casework coordinator that is PPID Utama (``PORTAL_PPID_COORDINATOR``)."""
    return getattr(settings, "PORTAL_PPID_COORDINATOR", "Diskominfo")


__all__ = ["CASE_KIND", "ppid_coordinator", "handled_opd_ids", "is_ppid_utama", "ppid_utama_opd", "staff_addresses"]


def ppid_utama_opd():
    acronym = getattr(settings, "PORTAL_PPID_UTAMA_ACRONYM", "Diskominfo")
    return OpdHomePage.objects.filter(acronym__iexact=acronym).first()


def is_ppid_utama(user):
    return is_coordinator(user, ppid_coordinator())


def handled_opd_ids(user):
    """Ids of the OPDs whose requests ``user`` handles as PPID Pelaksana."""
    return casework_handled_opd_ids(user, CASE_KIND)


def staff_addresses(opd_id):
    return emails_of(handler_users(opd_id, CASE_KIND))


def utama_addresses():
    return emails_of(coordinator_users(ppid_coordinator(), CASE_KIND))

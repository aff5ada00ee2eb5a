"""Who is PPID of what.

* **PPID Pelaksana** of an OPD: the OPD's admins (its ``opd_teams`` admin group). They see and
  answer the requests addressed to their OPD, and no other.
* **PPID Utama**: Diskominfo (superusers and the Diskominfo group). It sees every request, gets
  the overdue escalations and records the Atasan PPID's decision on objections.
* The PPID Utama's own section is the PPID page of the OPD named by ``PORTAL_PPID_UTAMA_ACRONYM``
  (default "Diskominfo").
"""

from django.conf import settings

from opd_pages.models import OpdHomePage
from opd_teams.models import OpdTeam
from opd_teams.roles import is_diskominfo

__all__ = ["handled_opd_ids", "is_ppid_utama", "ppid_utama_opd", "can_handle"]


def ppid_utama_opd():
    acronym = getattr(settings, "PORTAL_PPID_UTAMA_ACRONYM", "Diskominfo")
    return OpdHomePage.objects.filter(acronym__iexact=acronym).first()


def is_ppid_utama(user):
    return is_diskominfo(user)


def handled_opd_ids(user):
    """Ids of the OPDs whose requests ``user`` handles as PPID Pelaksana (not archived teams)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return []
    if not hasattr(user, "_ppid_opd_ids"):
        user._ppid_opd_ids = list(
            OpdTeam.objects.filter(admin_group__in=user.groups.all(), archived_at__isnull=True).values_list(
                "opd_id", flat=True
            )
        )
    return user._ppid_opd_ids


def can_handle(user, opd_id):
    return is_ppid_utama(user) or opd_id in handled_opd_ids(user)

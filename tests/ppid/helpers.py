"""A region whose OPDs have their PPID section (from the skeleton), teams, documents and requests."""

from ppid.models import PpidIndexPage
from tests.opd_teams.helpers import PASSWORD, build_onboarded_region

__all__ = ["PASSWORD", "build_ppid_region", "ppid_page_of"]


def ppid_page_of(opd):
    return PpidIndexPage.objects.child_of(opd).get()


def build_ppid_region(opd_count=3):
    """(home, [Section…]) — onboarded OPDs, each with its PPID page."""
    return build_onboarded_region(opd_count)

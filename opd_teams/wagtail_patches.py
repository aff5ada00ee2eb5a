"""The one place where the portal patches Wagtail internals (Wagtail 7.4).

Wagtail offers no registry for its page permission *policy*: explorer, admin search,
reports and the page-type usage listings import the shared instance
``wagtail.permissions.page_permission_policy``. Its class is swapped for
:class:`opd_teams.permissions.RegionScopedPagePermissionPolicy` so that regional-only grants
(humas) stop at OPD borders there too. Everything else uses supported seams (the page
tester through ``BasePage.permissions_for_user``, the admin API through
``construct_admin_api``, choosers through hooks).

Guarded by ``tests/opd_teams/test_seams.py`` (removing the swap fails it). Remove this
module when Wagtail lets a project choose its page permission policy.
"""


def install():
    """Swap the class of Wagtail's shared page permission policy (idempotent)."""
    from wagtail import permissions

    from .permissions import RegionScopedPagePermissionPolicy

    permissions.page_permission_policy.__class__ = RegionScopedPagePermissionPolicy

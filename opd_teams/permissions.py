"""Page permissions that stop at OPD borders for regional-only groups (Humas).

Wagtail page permissions are inherited down the tree: a permission on the regional home
page reaches every OPD subtree below it. Humas must edit the regional home and regional
pages only, so grants held by a *regional-only* group (``PORTAL_REGIONAL_ONLY_GROUPS``)
never reach an OPD home page or anything under it.

The rule is enforced where Wagtail evaluates page permissions:

* :class:`RegionScopedPagePermissionTester`: every page-scoped admin view asks
  ``page.permissions_for_user(user)``; ``core.models.BasePage`` (the base of every portal
  page) returns this tester through the ``PORTAL_PAGE_PERMISSION_TESTER`` setting
  (Wagtail's supported per-class seam; Wagtail casts a plain ``Page`` to its specific class
  to ask it);
* :class:`RegionScopedPagePermissionPolicy`: the admin API's pages endpoint uses it through
  the ``construct_admin_api`` hook (``opd_teams.admin_api``); explorer, admin search and
  reports use Wagtail's shared ``page_permission_policy`` instance, which has no seam: the
  one patch left is in :mod:`opd_teams.wagtail_patches`.
"""

from django.conf import settings
from django.contrib.auth import get_permission_codename
from wagtail.models import Page, PagePermissionTester
from wagtail.permission_policies.pages import PagePermissionPolicy


def regional_only_group_names():
    from .models import HUMAS_GROUP

    return set(getattr(settings, "PORTAL_REGIONAL_ONLY_GROUPS", [HUMAS_GROUP]))


def opd_home_paths(user):
    """Tree paths of every OPD home page: one query, kept on ``user`` for the rest of the request.

    The admin asks for a page tester per listed page; without this a regional-only editor's
    page listing would repeat the query once per row.
    """
    if not hasattr(user, "_portal_opd_home_paths"):
        from opd_pages.models import OpdHomePage

        user._portal_opd_home_paths = list(OpdHomePage.objects.values_list("path", flat=True))
    return user._portal_opd_home_paths


def grant_reaches(perm, page_path, opd_paths, regional_groups):
    """Whether the permission ``perm`` (a GroupPagePermission) applies to the page at ``page_path``."""
    if not page_path.startswith(perm.page.path):
        return False
    if perm.group.name not in regional_groups:
        return True
    # A regional-only grant stops at OPD borders, unless it was granted inside the OPD itself.
    return not any(page_path.startswith(opd) and len(opd) > len(perm.page.path) for opd in opd_paths)


def _is_regional(perm, regional_groups):
    return perm.group.name in regional_groups


class RegionScopedPagePermissionPolicy(PagePermissionPolicy):
    """Wagtail's page policy, except that regional-only grants leave OPD subtrees out."""

    def get_all_permissions_for_user(self, user):
        return super().get_all_permissions_for_user(user).select_related("group")

    def user_has_any_permission_for_instance(self, user, actions, instance):
        base_permission = self._base_user_has_permission(user)
        if base_permission is not None:
            return base_permission
        regional_groups = regional_only_group_names()
        perms = list(self.get_cached_permissions_for_user(user))
        opd_paths = opd_home_paths(user) if any(_is_regional(p, regional_groups) for p in perms) else []
        add_codename = get_permission_codename("add", self.model._meta)
        codenames = set()
        for perm in perms:
            if grant_reaches(perm, instance.path, opd_paths, regional_groups):
                codenames.add(perm.permission.codename)
                if perm.permission.codename == add_codename and instance.owner_id == user.pk:
                    codenames.add(get_permission_codename("change", self.model._meta))
        return bool(self._get_permission_codenames(actions) & codenames)

    def instances_user_has_any_permission_for(self, user, actions):
        pages = super().instances_user_has_any_permission_for(user, actions)
        if user.is_superuser or not user.is_active:
            return pages
        regional_groups = regional_only_group_names()
        perms = list(self.get_cached_permissions_for_user(user))
        regional = [p for p in perms if _is_regional(p, regional_groups)]
        if not regional:
            return pages
        # Pages under an OPD home stay only if a non-regional grant covers them.
        from opd_pages.models import OpdHomePage

        allowed = Page.objects.none()
        for perm in perms:
            if not _is_regional(perm, regional_groups):
                allowed |= Page.objects.descendant_of(perm.page, inclusive=True)
        opd_pages = Page.objects.none()
        for opd in OpdHomePage.objects.all().only("path", "depth"):
            opd_pages |= Page.objects.descendant_of(opd, inclusive=True)
        return pages.exclude(pk__in=opd_pages.exclude(pk__in=allowed).values("pk"))


class RegionScopedPagePermissionTester(PagePermissionTester):
    """Wagtail's permission tester for one page, minus regional-only grants inside OPD subtrees."""

    def __init__(self, user, page):
        super().__init__(user, page)
        if self.user.is_active and not self.user.is_superuser:
            regional_groups = regional_only_group_names()
            perms = list(self.permission_policy.get_cached_permissions_for_user(user))
            opd_paths = opd_home_paths(user) if any(_is_regional(p, regional_groups) for p in perms) else []
            self.permissions = {
                perm.permission.codename.rsplit("_", maxsplit=1)[0]
                for perm in perms
                if grant_reaches(perm, self.page.path, opd_paths, regional_groups)
            }

"""The four roles and the permissions each one holds.

* Diskominfo (platform admin): every model permission, root-level page and collection
  permissions (users and groups included).
* Humas: the model permissions in ``PORTAL_HUMAS_PERMISSIONS`` plus page permissions on the
  regional home, which :mod:`opd_teams.permissions` stops at every OPD border.
* OPD admin / OPD operator: page permissions on their OPD home only, their own collection,
  admin access. Never user or group management, never anything at the root.
"""

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

from .models import DISKOMINFO_GROUP, HUMAS_GROUP

ACCESS_ADMIN = "wagtailadmin.access_admin"
OPD_ADMIN_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
OPD_OPERATOR_PAGE_PERMISSIONS = ["add_page", "change_page"]
HUMAS_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
ROOT_PAGE_PERMISSIONS = [
    "add_page",
    "change_page",
    "bulk_delete_page",
    "lock_page",
    "publish_page",
    "unlock_page",
]
COLLECTION_PERMISSIONS = {
    "admin": [
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.choose_document",
    ],
    "operator": [
        "wagtailimages.add_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.choose_document",
    ],
}
COLLECTION_ROOT_PERMISSIONS = COLLECTION_PERMISSIONS["admin"] + [
    "wagtailimages.delete_image",
    "wagtaildocs.delete_document",
]
REGIONAL_COLLECTION = "Daerah"
#: Model permissions that make a path to superuser: never given to an OPD group.
USER_MANAGEMENT_CODENAMES = {"add_user", "change_user", "delete_user", "add_group", "change_group", "delete_group"}


def permission(dotted):
    app_label, codename = dotted.split(".", 1)
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def page_permission(codename):
    return Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)


def grant_page_permissions(group, page, codenames):
    for codename in codenames:
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=page_permission(codename))


def grant_collection_permissions(group, collection, dotted_names):
    for dotted in dotted_names:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=permission(dotted)
        )


def regional_home():
    from home.models import HomePage

    return HomePage.objects.first()


def ensure_platform_groups():
    """Create or complete the Diskominfo and Humas groups with their permissions (idempotent)."""
    diskominfo, _created = Group.objects.get_or_create(name=DISKOMINFO_GROUP)
    diskominfo.permissions.add(*Permission.objects.all())
    root_page = Page.get_first_root_node()
    grant_page_permissions(diskominfo, root_page, ROOT_PAGE_PERMISSIONS)
    grant_collection_permissions(diskominfo, Collection.get_first_root_node(), COLLECTION_ROOT_PERMISSIONS)

    humas, _created = Group.objects.get_or_create(name=HUMAS_GROUP)
    humas.permissions.add(permission(ACCESS_ADMIN), *[permission(p) for p in settings.PORTAL_HUMAS_PERMISSIONS])
    home = regional_home()
    if home is not None:
        grant_page_permissions(humas, home, HUMAS_PAGE_PERMISSIONS)
    # Collection permissions are inherited too: Humas gets its own collection, never the root.
    grant_collection_permissions(humas, regional_collection(), COLLECTION_PERMISSIONS["admin"])
    return {"diskominfo": diskominfo, "humas": humas}


def child_collection(name):
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=name).first()
    return existing or root.add_child(name=name)


def regional_collection():
    """The collection for the region's own images and documents (edited by Humas)."""
    return child_collection(REGIONAL_COLLECTION)


def is_diskominfo(user):
    """True for active superusers and active members of the Diskominfo group (cached on the user)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.is_superuser:
        return True
    if not hasattr(user, "_portal_is_diskominfo"):
        user._portal_is_diskominfo = user.groups.filter(name=DISKOMINFO_GROUP).exists()
    return user._portal_is_diskominfo


#: Page permissions humas holds on "Semua berita", where the region's own news lives.
REGIONAL_NEWS_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page"]


def ensure_humas_group(news_archive=None):
    """The Humas group with its permissions and, given "Semua berita", its page permissions there."""
    group = ensure_platform_groups()["humas"]
    if news_archive is not None:
        grant_page_permissions(group, news_archive, REGIONAL_NEWS_PAGE_PERMISSIONS)
    return group

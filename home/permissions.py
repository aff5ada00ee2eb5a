"""What the Humas group may do: curate the regional home and write the region's own news.

The group itself is created by ``opd_teams`` from ``PORTAL_HUMAS_PERMISSIONS``; these helpers
add what only this app knows about (the "Semua berita" page and the regional media collection)
and are used by the demo and the tests.
"""

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

from opd_teams.models import HUMAS_GROUP

#: Page permissions humas holds on "Semua berita", where the region's own news lives.
REGIONAL_NEWS_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page"]
#: Media permissions on the regional collection (photos of regional news and Sorotan).
REGIONAL_MEDIA_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
]
REGIONAL_COLLECTION_NAME = "Humas Daerah"


def model_permissions(dotted_names):
    """``Permission`` objects for "app_label.codename" strings."""
    permissions = []
    for dotted in dotted_names:
        app_label, codename = dotted.split(".", 1)
        permissions.append(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    return permissions


def regional_collection():
    collection = Collection.objects.filter(name=REGIONAL_COLLECTION_NAME).first()
    if collection is None:
        collection = Collection.get_first_root_node().add_child(name=REGIONAL_COLLECTION_NAME)
    return collection


def ensure_humas_group(news_archive=None):
    """The Humas group with its model permissions and, given "Semua berita", its page permissions."""
    group, _created = Group.objects.get_or_create(name=HUMAS_GROUP)
    group.permissions.add(*model_permissions(settings.PORTAL_HUMAS_PERMISSIONS))
    if news_archive is not None:
        for codename in REGIONAL_NEWS_PAGE_PERMISSIONS:
            permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
            GroupPagePermission.objects.get_or_create(group=group, page=news_archive, permission=permission)
    collection = regional_collection()
    for app_label, codename in REGIONAL_MEDIA_PERMISSIONS:
        permission = Permission.objects.get(content_type__app_label=app_label, codename=codename)
        GroupCollectionPermission.objects.get_or_create(group=group, collection=collection, permission=permission)
    return group

"""The admin API (``/admin/api/main/``) limited to what the editor may reach, via ``construct_admin_api``.

* pages: explorable pages under :class:`~opd_teams.permissions.RegionScopedPagePermissionPolicy`
  (humas reads no OPD draft);
* images and documents: only those in collections where the editor holds a permission
  (choose, add or change), never another OPD's media or a private collection of others.
"""

from wagtail.admin.api.views import PagesAdminAPIViewSet
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.documents.permissions import permission_policy as document_permission_policy
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.images.permissions import permission_policy as image_permission_policy

from .permissions import RegionScopedPagePermissionPolicy

MEDIA_ACTIONS = ["choose", "add", "change"]


class ScopedPagesAdminAPIViewSet(PagesAdminAPIViewSet):
    def get_base_queryset(self):
        return RegionScopedPagePermissionPolicy().explorable_instances(self.request.user)


class ScopedImagesAdminAPIViewSet(ImagesAdminAPIViewSet):
    def get_queryset(self):
        policy = image_permission_policy
        return policy.instances_user_has_any_permission_for(self.request.user, MEDIA_ACTIONS).order_by("id")


class ScopedDocumentsAdminAPIViewSet(DocumentsAdminAPIViewSet):
    def get_queryset(self):
        policy = document_permission_policy
        return policy.instances_user_has_any_permission_for(self.request.user, MEDIA_ACTIONS).order_by("id")


def register(router):
    router.register_endpoint("pages", ScopedPagesAdminAPIViewSet)
    router.register_endpoint("images", ScopedImagesAdminAPIViewSet)
    router.register_endpoint("documents", ScopedDocumentsAdminAPIViewSet)

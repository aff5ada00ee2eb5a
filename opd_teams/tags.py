"""Tag autocomplete in the admin that suggests only tags the editor may see.

Wagtail's ``/admin/tag-autocomplete/`` suggests every tag in the database, so a tag used only
on another OPD's draft would show. ``portal/urls.py`` routes that address here first (Django's
first match; the URL names stay Wagtail's). A tag is suggested when it is used on a page the
editor may explore or on a published public page, or on an image or document in a collection
where the editor holds a permission.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.http import Http404, JsonResponse
from django.urls import path
from taggit.models import ItemBase, Tag, TagBase, TaggedItem
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.tags import TAGS_AUTOCOMPLETE_LIMIT
from wagtail.documents import get_document_model
from wagtail.documents.permissions import permission_policy as document_policy
from wagtail.images import get_image_model
from wagtail.images.permissions import permission_policy as image_policy
from wagtail.models import Page

from .permissions import RegionScopedPagePermissionPolicy

MEDIA_ACTIONS = ["choose", "add", "change", "delete"]


def page_through_models():
    """Tag through models whose tagged object is a page (e.g. ``NewsPageTag``)."""
    from django.apps import apps

    for model in apps.get_models():
        if issubclass(model, ItemBase) and not model._meta.abstract:
            field = model._meta.get_field("content_object") if hasattr(model, "content_object") else None
            related = getattr(field, "related_model", None)
            if isinstance(related, type) and issubclass(related, Page):
                yield model


def visible_tags(user, tag_model=Tag):
    """Tags of ``tag_model`` the editor may see (all for superusers)."""
    tags = tag_model.objects.all()
    if user.is_superuser:
        return tags
    pages = RegionScopedPagePermissionPolicy().explorable_instances(user).values("pk")
    public = Page.objects.live().public().values("pk")
    condition = Q(pk__in=[])
    for through in page_through_models():
        if through._meta.get_field("tag").related_model is not tag_model:
            continue
        used = through.objects.filter(Q(content_object__in=pages) | Q(content_object__in=public))
        condition |= Q(pk__in=used.values("tag_id"))
    if tag_model is Tag:
        for model, policy in ((get_image_model(), image_policy), (get_document_model(), document_policy)):
            reachable = policy.instances_user_has_any_permission_for(user, MEDIA_ACTIONS).values("pk")
            used = TaggedItem.objects.filter(
                content_type=ContentType.objects.get_for_model(model), object_id__in=reachable
            )
            condition |= Q(pk__in=used.values("tag_id"))
    return tags.filter(condition)


@require_admin_access
def autocomplete(request, app_name=None, model_name=None):
    tag_model = Tag
    if app_name and model_name:
        try:
            tag_model = ContentType.objects.get_by_natural_key(app_name, model_name).model_class()
        except ContentType.DoesNotExist as error:
            raise Http404 from error
        if tag_model is None or not issubclass(tag_model, TagBase):
            raise Http404
    term = request.GET.get("term", "")
    names = []
    if term:
        names = list(
            visible_tags(request.user, tag_model)
            .filter(name__istartswith=term)
            .order_by("name")
            .values_list("name", flat=True)[:TAGS_AUTOCOMPLETE_LIMIT]
        )
    return JsonResponse(names, safe=False)


#: Included in ``portal/urls.py`` at ``admin/tag-autocomplete/`` before Wagtail's admin URLs.
urlpatterns = [
    path("", autocomplete, name="portal_tag_autocomplete"),
    path("<slug:app_name>/<slug:model_name>/", autocomplete, name="portal_tag_model_autocomplete"),
]

"""Media follow publication: a file uploaded by someone who cannot publish stays off the public site.

An image or document is *public* when it is not in a private collection and

* its uploader may publish (superuser, Diskominfo, humas, an OPD admin; or no recorded
  uploader, as for files loaded by commands), or
* a published, public page uses it (Wagtail's reference index), or
* an OPD admin of its collection approved it (:class:`opd_teams.models.MediaApproval`,
  *Persetujuan media* in the admin, audited).

Enforced at the document download (``before_serve_document`` hook), the media gate that
answers ``/media/`` (:func:`opd_teams.media_views.serve_media`, behind nginx
``X-Accel-Redirect``), and the public API v2 (``public_api``). Pages, not files, are what the
public search and the sitemap list.
"""

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction, Page, ReferenceIndex

from .models import DISKOMINFO_GROUP, HUMAS_GROUP, MediaApproval


def private_collection_ids():
    """Collections under a view restriction, with their descendants."""
    paths = Collection.objects.filter(pk__in=CollectionViewRestriction.objects.values("collection_id")).values_list(
        "path", flat=True
    )
    condition = Q(pk__in=[])
    for path in paths:
        condition |= Q(path__startswith=path)
    return set(Collection.objects.filter(condition).values_list("pk", flat=True))


def publishers():
    """Accounts whose uploads are public at once: those who may publish."""
    return get_user_model().objects.filter(
        Q(is_superuser=True)
        | Q(groups__name__in=[DISKOMINFO_GROUP, HUMAS_GROUP])
        | Q(groups__opd_team_as_admin__isnull=False)
    )


def used_on_published_pages(model):
    """Ids of ``model`` objects referenced by a live page that no view restriction hides."""
    public_pages = [str(pk) for pk in Page.objects.live().public().values_list("pk", flat=True)]
    references = ReferenceIndex.objects.filter(
        to_content_type=ContentType.objects.get_for_model(model),
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id__in=public_pages,
    )
    return {int(pk) for pk in references.values_list("to_object_id", flat=True) if str(pk).isdigit()}


def approved_ids(model):
    return set(
        MediaApproval.objects.filter(content_type=ContentType.objects.get_for_model(model)).values_list(
            "object_id", flat=True
        )
    )


def public_media(queryset):
    """The images or documents of ``queryset`` the public may reach."""
    model = queryset.model
    released = used_on_published_pages(model) | approved_ids(model)
    return queryset.exclude(collection__in=private_collection_ids()).filter(
        Q(uploaded_by_user__isnull=True) | Q(uploaded_by_user__in=publishers().values("pk")) | Q(pk__in=released)
    )


def editor_may_see(user, obj):
    """Editors holding a permission in the file's collection see it in the admin and in previews."""
    if user is None or not user.is_authenticated:
        return False
    if isinstance(obj, get_image_model()):
        from wagtail.images.permissions import permission_policy
    else:
        from wagtail.documents.permissions import permission_policy
    return permission_policy.user_has_any_permission_for_instance(user, ["choose", "add", "change"], obj)


def is_public(obj):
    return public_media(type(obj).objects.filter(pk=obj.pk)).exists()


def awaiting_approval(queryset):
    """Files of ``queryset`` (outside private collections) not yet reachable by the public."""
    return queryset.exclude(collection__in=private_collection_ids()).exclude(pk__in=public_media(queryset).values("pk"))


def approve(obj, user, request=None):
    from audit import log as audit_log

    approval, created = MediaApproval.objects.get_or_create(
        content_type=ContentType.objects.get_for_model(type(obj)), object_id=obj.pk, defaults={"approved_by": user}
    )
    if created:
        audit_log.record(
            "media.approve", request=request, user=user, target=f"{type(obj)._meta.model_name}:{obj.pk} {obj.title}"
        )
    return approval


FOREIGN_IMAGE = _("Foto ini bukan dari koleksi media OPD Anda. Pilih foto dari koleksi sendiri.")


def refuse_foreign_images(form, formset_name, field_name):
    """Mark inline forms of a page form whose chosen image the editor may not choose; True if all are fine.

    Wagtail's chooser offers only images of collections the editor holds a permission in, but the
    form accepts any posted id: a forged id would put another OPD's unreleased photo on a page that
    then gets published (releasing it). An image the form already had is left alone.
    """
    user = getattr(form, "for_user", None)
    formset = getattr(form, "formsets", {}).get(formset_name)
    if user is None or formset is None or user.is_superuser:
        return True
    fine = True
    for inline in formset.forms:
        cleaned = getattr(inline, "cleaned_data", None) or {}
        image = cleaned.get(field_name)
        if image is None or cleaned.get("DELETE"):
            continue
        if inline.instance.pk and field_name not in inline.changed_data:
            continue
        if not editor_may_see(user, image):
            inline.add_error(field_name, FOREIGN_IMAGE)
            fine = False
    return fine

"""The media gate (``/media/…``) and the admin's *Persetujuan media* (approve uploads of operators)."""

import mimetypes
import posixpath

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from . import media
from .views import AdminPageMixin, admin_teams

#: Folders of ``MEDIA_ROOT`` the gate knows; anything else (documents included) is never served here.
IMAGE_FOLDERS = ("original_images/", "images/")


def image_for_path(path):
    image_model = get_image_model()
    if path.startswith("original_images/"):
        return image_model.objects.filter(file=path).first()
    rendition = image_model.get_rendition_model().objects.filter(file=path).select_related("image").first()
    return rendition.image if rendition else None


def serve_media(request, path):
    """Serve an image file (original or rendition) only when the image is public (or to its editors).

    Documents are served by ``/dokumen/`` (which checks privacy), never here. With
    ``PORTAL_MEDIA_ACCEL_REDIRECT`` set (production behind nginx) the answer is an
    ``X-Accel-Redirect`` to nginx's internal location; otherwise Django streams the file.
    """
    path = posixpath.normpath(path).lstrip("/")
    if not path.startswith(IMAGE_FOLDERS):
        raise Http404
    image = image_for_path(path)
    if image is None or not (media.is_public(image) or media.editor_may_see(request.user, image)):
        raise Http404
    accel = getattr(settings, "PORTAL_MEDIA_ACCEL_REDIRECT", "")
    if accel:
        response = HttpResponse(content_type=mimetypes.guess_type(path)[0] or "application/octet-stream")
        response["X-Accel-Redirect"] = accel.rstrip("/") + "/" + path
        return response
    try:
        return FileResponse(default_storage.open(path), content_type=mimetypes.guess_type(path)[0])
    except (OSError, ValueError) as error:
        raise Http404 from error


class MediaApprovalView(AdminPageMixin, TemplateView):
    """OPD admins (and Diskominfo) approve operators' uploads in their collections."""

    template_name = "opd_teams/media_approval.html"
    page_title = gettext_lazy("Persetujuan media")
    header_icon = "image"

    def collections(self):
        return [team.collection for team in admin_teams(self.request.user)]

    def dispatch(self, request, *args, **kwargs):
        if not self.collections():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def querysets(self):
        from wagtail.models import Collection

        ids = set()
        for collection in self.collections():
            ids.update(Collection.objects.descendant_of(collection, inclusive=True).values_list("pk", flat=True))
        return {
            "image": get_image_model().objects.filter(collection__in=ids),
            "document": get_document_model().objects.filter(collection__in=ids),
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        waiting = self.querysets()
        context["images"] = media.awaiting_approval(waiting["image"]).select_related("uploaded_by_user")[:100]
        context["documents"] = media.awaiting_approval(waiting["document"]).select_related("uploaded_by_user")[:100]
        return context

    def post(self, request):
        kind = request.POST.get("kind")
        queryset = self.querysets().get(kind)
        if queryset is None:
            raise Http404
        obj = get_object_or_404(queryset, pk=request.POST.get("id"))
        media.approve(obj, request.user, request=request)
        messages.success(request, _("%(title)s disetujui dan kini dapat diakses publik.") % {"title": obj.title})
        return redirect("opd_teams:media_approval")

"""Wagtail API v2 read endpoints that expose live public pages only, never private collections.

Wagtail's own viewsets let a request that passes a restriction (a logged-in editor, a
password already entered) see restricted pages and collections; this API is for the public,
so restrictions always apply, whoever asks.
"""

from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Collection, CollectionViewRestriction

from opd_pages.models import attach_opds
from opd_teams.media import public_media

from .serializers import PublicDocumentSerializer, PublicImageSerializer, PublicPageSerializer


def private_collection_ids():
    """Collections under a view restriction, with their descendants."""
    roots = Collection.objects.filter(pk__in=CollectionViewRestriction.objects.values("collection_id")).values_list(
        "path", flat=True
    )
    ids = set()
    for path in roots:
        ids.update(Collection.objects.filter(path__startswith=path).values_list("pk", flat=True))
    return ids


class PublicPagesAPIViewSet(PagesAPIViewSet):
    base_serializer_class = PublicPageSerializer

    def get_base_queryset(self):
        return super().get_base_queryset().public()

    def paginate_queryset(self, queryset):
        # One query tells every listed page its OPD (for the "opd" field of news, events…).
        return attach_opds(super().paginate_queryset(queryset))


class PublicImagesAPIViewSet(ImagesAPIViewSet):
    base_serializer_class = PublicImageSerializer

    def get_queryset(self):
        # Media follow publication (opd_teams.media): no private collection, no unreleased upload.
        return public_media(super().get_queryset().exclude(collection__in=private_collection_ids()))


class PublicDocumentsAPIViewSet(DocumentsAPIViewSet):
    base_serializer_class = PublicDocumentSerializer

    def get_queryset(self):
        return public_media(super().get_queryset().exclude(collection__in=private_collection_ids()))

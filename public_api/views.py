"""Wagtail API v2 read endpoints that expose live public pages only, never private collections.

Wagtail's own viewsets let a request that passes a restriction (a logged-in editor, a
password already entered) see restricted pages and collections; this API is for the public,
so restrictions always apply, whoever asks.
"""

from contextlib import nullcontext

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import DatabaseError, connection, transaction
from django.http import QueryDict
from django.utils.translation import gettext as _
from rest_framework import status
from rest_framework.response import Response
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Collection, CollectionViewRestriction, Site

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


MAX_OFFSET = 10_000
#: Characters that only ever break a search: NUL (PostgreSQL refuses it) and FTS5 syntax on SQLite.
SEARCH_NOISE = str.maketrans({"\x00": " ", '"': " ", "*": " ", "^": " ", ":": " ", "(": " ", ")": " "})


def bad_request(message):
    return Response({"message": message}, status=status.HTTP_400_BAD_REQUEST)


class SafeParametersMixin:
    """Bad query parameters answer 400 with an Indonesian message, never 500."""

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        params = request._request.GET.copy()
        for key in list(params):
            params.setlist(key, [value.replace("\x00", "") for value in params.getlist(key)])
        if "search" in params:
            params["search"] = params["search"].translate(SEARCH_NOISE).strip()[:200]
        offset = params.get("offset", "0")
        if offset.isdigit() and int(offset) > MAX_OFFSET:
            raise BadRequestError(_("offset paling besar %(max)s.") % {"max": MAX_OFFSET})
        if "id" in params and not params["id"].isdigit():
            raise BadRequestError(_("id harus berupa angka."))
        if "site" in params:
            hostname, _sep, port = params["site"].partition(":")
            sites = Site.objects.filter(hostname=hostname)
            if port:
                sites = sites.filter(port=port) if port.isdigit() else sites.none()
            if not sites.exists():
                raise BadRequestError(_("Situs %(site)s tidak dikenal.") % {"site": params["site"][:100]})
        query = QueryDict(mutable=True)
        query.update(params)
        query._mutable = False
        request._request.GET = query

    def dispatch(self, request, *args, **kwargs):
        # A savepoint, so a query the database refuses leaves the connection usable (PostgreSQL).
        # Not on SQLite: a failed query leaves its connection usable there, and the portal's SQLite
        # transactions begin IMMEDIATE (portal/settings), so a transaction around a read would hold
        # the write lock for the whole request and make every publish wait for it.
        try:
            with transaction.atomic() if connection.vendor == "postgresql" else nullcontext():
                return super().dispatch(request, *args, **kwargs)
        except DatabaseError:
            return self.finalize_response(request, bad_request(_("Parameter tidak dapat diproses.")))

    def handle_exception(self, exc):
        if isinstance(exc, (ValueError, TypeError, OverflowError, ValidationError)):
            return bad_request(_("Parameter tidak valid: %(error)s") % {"error": str(exc)[:200]})
        if isinstance(exc, ObjectDoesNotExist):
            return Response({"message": _("Tidak ditemukan.")}, status=status.HTTP_404_NOT_FOUND)
        return super().handle_exception(exc)


class PublicPagesAPIViewSet(SafeParametersMixin, PagesAPIViewSet):
    base_serializer_class = PublicPageSerializer

    def get_base_queryset(self):
        return super().get_base_queryset().public()

    def paginate_queryset(self, queryset):
        # One query tells every listed page its OPD (for the "opd" field of news, events…).
        return attach_opds(super().paginate_queryset(queryset))


class PublicImagesAPIViewSet(SafeParametersMixin, ImagesAPIViewSet):
    base_serializer_class = PublicImageSerializer

    def get_queryset(self):
        # Media follow publication (opd_teams.media): no private collection, no unreleased upload.
        return public_media(super().get_queryset().exclude(collection__in=private_collection_ids()))


class PublicDocumentsAPIViewSet(SafeParametersMixin, DocumentsAPIViewSet):
    base_serializer_class = PublicDocumentSerializer

    def get_queryset(self):
        return public_media(super().get_queryset().exclude(collection__in=private_collection_ids()))

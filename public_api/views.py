"""Wagtail API v2 read endpoints that expose live public pages only, never private collections.

Wagtail's own viewsets let a request that passes a restriction (a logged-in editor, a
password already entered) see restricted pages and collections; this API is for the public,
so restrictions always apply, whoever asks.
"""

from contextlib import nullcontext

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import DatabaseError, connection, transaction
from django.db.models import Q, QuerySet
from django.http import QueryDict
from django.utils.translation import gettext as _
from rest_framework import status
from rest_framework.response import Response
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Collection, CollectionViewRestriction, Page, Site

from core.queries import not_restricted, subtree_range
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
#: From this offset on, a listing page is found by its keys first (:class:`CountBounded`).
DEEP_OFFSET = 1_000
#: Characters that only ever break a search: NUL (PostgreSQL refuses it) and FTS5 syntax on SQLite.
SEARCH_NOISE = str.maketrans({"\x00": " ", '"': " ", "*": " ", "^": " ", ":": " ", "(": " ", ")": " "})


class CountBounded:
    """A queryset whose ``count()`` stops after every row an ``offset`` may reach.

    Wagtail's pagination counts the whole listing for ``meta.total_count`` on every request:
    100,000 news at a province's size, for a page of 20. Pages beyond ``MAX_OFFSET`` cannot be
    asked for, so the count stops there; ``capped`` tells the answer that there are more.
    """

    def __init__(self, queryset, limit):
        self.queryset, self.limit, self.capped = queryset, limit, False

    def count(self):
        if not isinstance(self.queryset, QuerySet):  # search results count (and cap) themselves
            return self.queryset.count()
        counted = self.queryset[: self.limit + 1].count()
        self.capped = counted > self.limit
        return min(counted, self.limit)

    def __getitem__(self, key):
        if not isinstance(self.queryset, QuerySet) or not isinstance(key, slice) or (key.start or 0) < DEEP_OFFSET:
            return self.queryset[key]
        # Deep in a listing the database walks every row before the offset: walk the keys only,
        # then load the page of whole rows (bodies included) by key.
        keys = list(self.queryset.values_list("pk", flat=True)[key])
        rows = {row.pk: row for row in self.queryset.filter(pk__in=keys)}
        return [rows[pk] for pk in keys if pk in rows]


class PublicPagination(WagtailPagination):
    """Wagtail's offset pagination with a bounded total (``meta.total_count_capped``)."""

    def paginate_queryset(self, queryset, request, view=None):
        self.bounded = CountBounded(queryset, MAX_OFFSET + settings.WAGTAILAPI_LIMIT_MAX)
        return super().paginate_queryset(self.bounded, request, view)

    def get_paginated_response(self, data):
        response = super().get_paginated_response(data)
        if self.bounded.capped:
            response.data["meta"]["total_count_capped"] = True
        return response


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
        for number in ("offset", "limit"):
            if number in params and not params[number].isdigit():
                raise BadRequestError(_("%(name)s harus berupa bilangan bulat 0 atau lebih.") % {"name": number})
        if int(params.get("offset", "0")) > MAX_OFFSET:
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
    """Live, public pages of the request's site (or ``?site=``), whoever asks.

    Wagtail's viewset selects one page type as ``pk IN (every visible page of the site)``,
    which the database materialises for each request (100,000 ids at a province's size, for a
    page of 20); here the page type's own query carries the same conditions (live, under the
    site's root, no view restriction) as filters the page table's indexes serve.
    """

    base_serializer_class = PublicPageSerializer
    pagination_class = PublicPagination

    def site_root(self):
        """The root page of the site asked for, or ``None`` (Wagtail's rules for ``?site=``)."""
        if "site" not in self.request.GET:
            site = Site.find_for_request(self.request)
            return site.root_page if site else None
        hostname, _sep, port = self.request.GET["site"].partition(":")
        sites = Site.objects.filter(hostname=hostname, **({"port": port} if port else {})).select_related("root_page")
        try:
            return sites.get().root_page
        except Site.MultipleObjectsReturned as error:
            raise BadRequestError(
                _("Ada beberapa situs dengan nama ini; tambahkan nomor port pada parameter site.")
            ) from error

    def public_scope(self):
        """The conditions every listed page meets, on columns every page type has."""
        if not hasattr(self, "_public_scope"):
            root = self.site_root()
            if root is None:
                self._public_scope = None
            else:
                self._public_scope = (
                    Q(live=True, path__startswith=root.path, depth__gte=root.depth)
                    & subtree_range(root.path)
                    & not_restricted()
                )
        return self._public_scope

    def get_base_queryset(self):
        if getattr(settings, "WAGTAIL_I18N_ENABLED", False):  # pages of other language trees too
            return super().get_base_queryset().public()
        scope = self.public_scope()
        return Page.objects.none() if scope is None else Page.objects.filter(scope)

    def get_queryset(self):
        queryset = super().get_queryset()
        if queryset.model is Page or getattr(settings, "WAGTAIL_I18N_ENABLED", False):
            return queryset
        scope = self.public_scope()
        return queryset.model.objects.none() if scope is None else queryset.model.objects.filter(scope)

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

"""The document listing with its filters (OPD, jenis, tahun, search), shared by the region-wide
library (``/ppid/dokumen/``) and each OPD's PPID page."""

from django.conf import settings
from django.core.paginator import Paginator

from opd_pages.models import OpdHomePage, attach_opds

from .models import DocumentKind, PublicDocumentPage

ITEMS_PER_PAGE = 20


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def document_listing_context(request, opd=None):
    """Filters read from the query string, the filtered documents (paginated) and the choices."""
    kinds = list(DocumentKind.objects.all())
    kind_id = _int(request.GET.get("jenis"))
    kind = next((k for k in kinds if k.pk == kind_id), None)
    year = _int(request.GET.get("tahun"))
    query = request.GET.get("q", "").strip()[:100]
    opd_choices = []
    if opd is None:
        opd_choices = OpdHomePage.objects.directory()
        slug = request.GET.get("opd", "")
        opd = next((o for o in opd_choices if o.slug == slug), None) if slug else None
        fixed_opd = None
    else:
        fixed_opd = opd
    base = PublicDocumentPage.objects.for_listing()
    documents = base.filtered(opd=opd, kind=kind, year=year, query=query)
    years = sorted(set(base.filtered(opd=fixed_opd).values_list("year", flat=True)), reverse=True)
    paginator = Paginator(documents, getattr(settings, "PORTAL_PPID_DOCUMENTS_PER_PAGE", ITEMS_PER_PAGE))
    page_obj = paginator.get_page(request.GET.get("halaman"))
    items = list(page_obj.object_list)
    if fixed_opd is not None:
        for item in items:
            item.opd = fixed_opd
    else:
        attach_opds(items)
    return {
        "documents": items,
        "page_obj": page_obj,
        "paginator": paginator,
        "kind_choices": kinds,
        "year_choices": years,
        "opd_choices": opd_choices,
        "filters": {
            "opd": opd if fixed_opd is None else None,
            "kind": kind,
            "year": year,
            "query": query,
            "active": bool((opd and fixed_opd is None) or kind or year or query),
        },
    }

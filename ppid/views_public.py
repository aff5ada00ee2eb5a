"""Citizens' PPID pages outside the page tree: the region's PPID landing, the region-wide
library and the Daftar Informasi Publik (region or one OPD) as HTML, printable HTML and XLSX."""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Site

from home.models import RegionAlert
from opd_pages.models import OpdHomePage, attach_opds

from . import dip
from .listing import document_listing_context
from .models import PpidIndexPage
from .roles import ppid_utama_opd


def _opd_or_404(slug):
    opd = get_object_or_404(OpdHomePage.objects.published(), slug=slug)
    return opd


def _ppid_page(opd):
    return PpidIndexPage.objects.published().child_of(opd).first()


def landing(request):
    utama = ppid_utama_opd()
    ppid_pages = attach_opds(PpidIndexPage.objects.published().order_by("path"))
    for ppid_page in ppid_pages:
        ppid_page.is_utama = utama is not None and ppid_page.opd is not None and ppid_page.opd.pk == utama.pk
    ppid_pages = [p for p in ppid_pages if p.opd is not None]
    ppid_pages.sort(key=lambda p: (not p.is_utama, p.opd.title))
    context = {"ppid_pages": ppid_pages}
    return TemplateResponse(request, "ppid/landing.html", context)


def library(request):
    context = document_listing_context(request)
    context["query_prefix"] = _query_prefix(request)
    return TemplateResponse(request, "ppid/library.html", context)


def _query_prefix(request):
    params = request.GET.copy()
    params.pop("halaman", None)
    encoded = params.urlencode()
    return encoded + "&" if encoded else ""


def _alert(request):
    site = Site.find_for_request(request)
    if site is None:
        return None
    return RegionAlert.for_request(request).showing()  # the region's alert, on an OPD's own host too


def dip_view(request, slug=None, output="html"):
    opd = _opd_or_404(slug) if slug else None
    if opd is not None and _ppid_page(opd) is None:
        raise Http404
    categories = dip.build_dip(opd)
    title = _("Daftar Informasi Publik %(opd)s") % {"opd": opd.title} if opd else _("Daftar Informasi Publik Daerah")
    if output == "xlsx":
        content = dip.export_xlsx(title, categories, base_url=request.build_absolute_uri("/").rstrip("/"))
        filename = f"dip-{opd.slug if opd else 'daerah'}-{timezone.localdate():%Y%m%d}.xlsx"
        response = HttpResponse(
            content, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
    if output == "pdf":
        content = dip.export_pdf(title, categories, base_url=request.build_absolute_uri("/").rstrip("/"))
        filename = f"dip-{opd.slug if opd else 'daerah'}-{timezone.localdate():%Y%m%d}.pdf"
        response = HttpResponse(content, content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
    context = {
        "title": title,
        "opd": opd,
        "ppid_page": _ppid_page(opd) if opd else None,
        "categories": categories,
        "alert": _alert(request),
        "today": timezone.localdate(),
        "printable": output == "print",
    }
    template = "ppid/dip_print.html" if output == "print" else "ppid/dip.html"
    return TemplateResponse(request, template, context)

"""``/pejabat/``: every OPD's published officials, searchable by name, position or unit, paginated."""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.shortcuts import render

from opd_pages.models import attach_opds

from .models import Official

OFFICIALS_PER_PAGE = 24
MAX_QUERY_LENGTH = 100


def directory(request):
    query = " ".join(request.GET.get("q", "").replace("\x00", "").split())[:MAX_QUERY_LENGTH]
    officials = Official.objects.published().matching(query).with_photos().directory_order()
    paginator = Paginator(officials, OFFICIALS_PER_PAGE)
    page_obj = paginator.get_page(request.GET.get("halaman"))
    items = list(page_obj.object_list)
    # One query tells every listed official's page its OPD.
    attach_opds([item.page for item in items])
    context = {
        "query": query,
        "page_obj": page_obj,
        "officials": items,
        "query_prefix": f"{urlencode({'q': query})}&" if query else "",
    }
    return render(request, "pages/officials_directory.html", context)

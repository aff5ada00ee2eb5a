"""The citizens' search page across the regional pages and every OPD section."""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from wagtail.models import Page

MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 10


def search(request):
    query = " ".join(request.GET.get("q", "").split())[:MAX_QUERY_LENGTH]
    results = Page.objects.live().public().specific().search(query) if query else Page.objects.none()
    page_obj = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("halaman"))
    return TemplateResponse(
        request,
        "pages/search_results.html",
        {
            "search_query": query,
            "page_obj": page_obj,
            "results": list(page_obj.object_list),
            "query_prefix": urlencode({"q": query}) + "&",
        },
    )

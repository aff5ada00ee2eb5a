"""The citizens' search page (/cari/) and its autocomplete endpoint (/cari/saran/)."""

from urllib.parse import urlencode

from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.models import Page

from opd_pages.models import OpdHomePage, attach_opds

from . import engine as engines
from . import ratelimit
from .service import popular_queries, run_search, visitor_key

FILTER_PARAMS = ("opd", "jenis", "tahun")


def _query_string(params, **changes):
    merged = {key: params.get(key, "") for key in ("q", "di", *FILTER_PARAMS)}
    merged.update(changes)
    return urlencode({key: value for key, value in merged.items() if value})


def search(request):
    params = {key: request.GET.get(key, "") for key in ("q", "di", "halaman", *FILTER_PARAMS)}
    if not ratelimit.allow(request, "search"):
        response = TemplateResponse(
            request, "pages/search_results.html", {"rate_limited": True, "search_query": params["q"][:200]}, status=429
        )
        response["Retry-After"] = "60"
        return response
    outcome = run_search(params, request, visitor=visitor_key(ratelimit.client_key(request)))
    current = {**params, "q": outcome.query, "di": outcome.scope.slug if outcome.scope else "", **outcome.selected}
    for name in FILTER_PARAMS:
        if name not in outcome.selected:
            current[name] = ""
    facet_groups = []
    titles = {"opd": _("OPD"), "jenis": _("Jenis"), "tahun": _("Tahun")}
    for name in FILTER_PARAMS:
        if name == "opd" and outcome.scope:
            continue
        options = []
        for option in outcome.facets.get(name, []):
            value = "" if option["selected"] else option["value"]
            options.append({**option, "url": "?" + _query_string(current, **{name: value})})
        if options:
            facet_groups.append({"name": name, "title": titles[name], "options": options})
    context = {
        "search_query": outcome.query,
        "outcome": outcome,
        "results": outcome.results,
        "page_obj": outcome.page_obj,
        "facet_groups": facet_groups,
        "query_prefix": _query_string(current) + "&",
        "scope": outcome.scope,
        "whole_site_url": "?" + _query_string(current, di="", opd=""),
        "clear_filters_url": "?" + _query_string(current, opd="", jenis="", tahun=""),
        "has_filters": bool(outcome.selected),
        "count_limit": f"{engines.COUNT_LIMIT:,}".replace(",", "."),
    }
    if outcome.query and not outcome.total:
        context["opd_directory"] = OpdHomePage.objects.directory()
        context["popular_queries"] = popular_queries()
    elif not outcome.query:
        context["popular_queries"] = popular_queries()
    return TemplateResponse(request, "pages/search_results.html", context)


def autocomplete(request):
    """Up to 8 page titles matching what has been typed so far (JSON for static/js/search-autocomplete.js)."""
    if not ratelimit.allow(request, "autocomplete"):
        return JsonResponse({"suggestions": []}, status=429)
    scope = request.GET.get("di", "").replace("\x00", "").strip().lower()[:40]
    scope_id = OpdHomePage.objects.filter(slug=scope).values_list("pk", flat=True).first() if scope else None
    try:
        ids = engines.configured_engine().autocomplete(request.GET.get("q", ""), scope_id)
    except Exception:
        ids = engines.database_engine().autocomplete(request.GET.get("q", ""), scope_id)
    pages = {p.pk: p for p in attach_opds(Page.objects.filter(pk__in=ids))}
    suggestions = [
        {
            "title": pages[pk].title,
            "url": pages[pk].get_url(request),
            "opd": pages[pk].opd.acronym if pages[pk].opd else "",
        }
        for pk in ids
        if pk in pages
    ]
    return JsonResponse({"suggestions": suggestions})

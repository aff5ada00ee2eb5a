"""Everything the search page shows, computed from the request's parameters.

The view stays thin: it reads the query string, asks :func:`run_search`, renders. Bad input
never raises: each problem becomes a message and the search goes on without that part.
"""

import difflib
import logging
from dataclasses import dataclass, field

from django.core.cache import cache
from django.core.paginator import Paginator
from django.dispatch import Signal
from django.utils.translation import gettext as _
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page, get_page_models
from wagtail.search.utils import normalise_query_string

from core.site_urls import page_url
from opd_pages.models import AnnouncementPage, OpdHomePage, attach_opds

from . import engine as engines
from .indexing import kind_key
from .models import QueryStat, SearchDocument, Synonym
from .snippets import highlight, snippet
from .text import STOP_WORDS, stem, tokenize

logger = logging.getLogger(__name__)

#: Sent when the configured engine failed and the database answered instead (metrics count it).
engine_fell_back = Signal()

RESULTS_PER_PAGE = 10
MAX_PAGE_NUMBER = 1000
YEAR_RANGE = range(1945, 2200)


def kind_labels():
    """Facet key → citizen-facing label, for every page type."""
    return {kind_key(model): str(getattr(model, "kind_label", _("Halaman"))) for model in get_page_models()}


@dataclass
class Result:
    title: object
    url: str
    opd: object
    kind_label: str
    date: object
    snippet: object
    expired: bool = False
    kind: str = ""
    details: str = ""  # e.g. "Gratis · 14 hari kerja" for a service


@dataclass
class SearchPage:
    query: str = ""
    results: list = field(default_factory=list)
    total: int = 0
    page_obj: object = None
    facets: dict = field(default_factory=dict)
    messages: list = field(default_factory=list)
    notice: str = ""
    promotions: list = field(default_factory=list)
    suggestion: str = ""
    capped: bool = False
    scope: object = None
    selected: dict = field(default_factory=dict)


def _parse_page_number(raw, messages):
    if raw in (None, ""):
        return 1
    try:
        number = int(raw)
    except (TypeError, ValueError):
        messages.append(_("Nomor halaman tidak valid; menampilkan halaman pertama."))
        return 1
    if number < 1 or number > MAX_PAGE_NUMBER:
        messages.append(_("Nomor halaman di luar jangkauan; menampilkan halaman pertama."))
        return 1
    return number


def _opd_by_slug(slug):
    slug = (slug or "").replace("\x00", "").strip().lower()[:40]  # PostgreSQL refuses NUL in a query
    if not slug:
        return None
    return OpdHomePage.objects.live().public().filter(slug=slug).only("id", "title", "acronym", "slug", "path").first()


def read_filters(params, messages):
    """Filters from the query string; unknown values are dropped with a message."""
    filters = engines.Filters()
    selected = {}
    scope = None
    if params.get("di"):
        scope = _opd_by_slug(params["di"])
        if scope is None:
            messages.append(_("OPD yang dipilih tidak dikenal; mencari di seluruh portal."))
        else:
            filters.scope_opd_id = scope.pk
    if params.get("opd"):
        opd = _opd_by_slug(params["opd"])
        if opd is None:
            messages.append(_("Filter OPD tidak dikenal dan diabaikan."))
        else:
            filters.opd_id = opd.pk
            selected["opd"] = opd.slug
    if params.get("jenis"):
        kind = params["jenis"].strip().lower()[:60]
        if kind in kind_labels():
            filters.kind = kind
            selected["jenis"] = kind
        else:
            messages.append(_("Filter jenis halaman tidak dikenal dan diabaikan."))
    if params.get("tahun"):
        try:
            year = int(params["tahun"])
        except (TypeError, ValueError):
            year = None
        if year in YEAR_RANGE:
            filters.year = year
            selected["tahun"] = str(year)
        else:
            messages.append(_("Filter tahun tidak valid dan diabaikan."))
    return filters, selected, scope


def run_engines(parsed, filters, offset, limit):
    """Search with the configured engine; on any engine failure answer from the database."""
    primary = engines.configured_engine()
    try:
        outcome = primary.search(parsed, filters, offset, limit)
    except Exception:
        if isinstance(primary, engines.DatabaseEngine):
            raise
        logger.warning("Search engine %s failed; answering from the database", primary.name, exc_info=True)
        engine_fell_back.send(sender=type(primary))
        outcome = engines.database_engine().search(parsed, filters, offset, limit)
        outcome.fell_back = True
    if outcome.total == 0 and len(parsed.groups) > 1 and not outcome.fell_back:
        relaxed = primary if not outcome.fell_back else engines.database_engine()
        try:
            outcome = relaxed.search(parsed, filters, offset, limit, all_words=False)
        except Exception:
            logger.warning("Relaxed search failed", exc_info=True)
            return outcome
        outcome.relaxed = True
    return outcome


def hydrate(page_ids, stems, request=None):
    """Result rows in the engine's order: 4 queries whatever the number of results."""
    documents = SearchDocument.objects.in_bulk(page_ids)
    pages = {page.pk: page for page in attach_opds(Page.objects.filter(pk__in=page_ids))}
    expired = set(AnnouncementPage.objects.filter(pk__in=page_ids).expired().values_list("pk", flat=True))
    labels = kind_labels()
    details = result_details(documents.values())
    results = []
    for pk in page_ids:
        page, document = pages.get(pk), documents.get(pk)
        if page is None or document is None:
            continue
        text = max((document.summary, document.body), key=lambda t: len(stems & {stem(w) for w in tokenize(t)}))
        results.append(
            Result(
                title=highlight(document.title, stems),
                url=page_url(page, request),  # relative on its own host, absolute on another (core.site_urls)
                opd=page.opd,
                kind_label=labels.get(document.kind, document.kind),
                date=document.date,
                snippet=snippet(text or document.body, stems),
                expired=pk in expired,
                kind=document.kind,
                details=details.get(pk, ""),
            )
        )
    return results


def result_details(documents):
    """Page id → a line at a glance, from page types with a ``search_result_details(ids)`` classmethod.

    One query per such page type among the results (a service shows "Gratis · 14 hari kerja").
    """
    by_kind = {}
    for document in documents:
        by_kind.setdefault(document.kind, []).append(document.page_id)
    details = {}
    for model in get_page_models():
        ids = by_kind.get(kind_key(model))
        if ids and hasattr(model, "search_result_details"):
            details.update(model.search_result_details(ids))
    return details


def facet_display(facets, selected):
    labels = kind_labels()
    opd_ids = [pk for pk, _count in facets["opd"]]
    opds = {opd.pk: opd for opd in OpdHomePage.objects.filter(pk__in=opd_ids).only("id", "title", "acronym", "slug")}
    return {
        "opd": [
            {
                "value": opds[pk].slug,
                "label": f"{opds[pk].title} ({opds[pk].acronym})",
                "count": count,
                "selected": selected.get("opd") == opds[pk].slug,
            }
            for pk, count in facets["opd"]
            if pk in opds
        ],
        "jenis": [
            {"value": key, "label": labels.get(key, key), "count": count, "selected": selected.get("jenis") == key}
            for key, count in facets["kind"]
        ],
        "tahun": [
            {"value": str(year), "label": str(year), "count": count, "selected": selected.get("tahun") == str(year)}
            for year, count in facets["year"]
        ],
    }


def promotions_for(text):
    """Humas' promoted results for the query; any that fails the judi-online gate is left out."""
    from spam_gate.checks import check_fields

    query_string = normalise_query_string(text)
    promotions = (
        SearchPromotion.objects.filter(query__query_string=query_string).select_related("page").order_by("sort_order")
    )
    return [
        promotion
        for promotion in promotions[:6]
        if not check_fields(
            promotion.description,
            getattr(promotion, "external_link_text", ""),
            getattr(promotion, "external_link_url", ""),
            promotion.page.title if promotion.page_id else "",
        ).is_spam
    ][:3]


def spelling_vocabulary():
    """Words from page titles and the synonym list, for "did you mean" hints (cached)."""
    vocabulary = cache.get("search:vocabulary")
    if vocabulary is None:
        titles = SearchDocument.objects.order_by("-page_id").values_list("title", flat=True)[:5000]
        words = {w for title in titles for w in tokenize(title)}
        words.update(w for term in Synonym.objects.values_list("term", flat=True) for w in tokenize(term))
        vocabulary = sorted(w for w in words if len(w) > 2 and not w.isdigit() and w not in STOP_WORDS)
        cache.set("search:vocabulary", vocabulary, 600)
    return vocabulary


def spelling_suggestion(text):
    vocabulary = spelling_vocabulary()
    known = set(vocabulary)
    words, changed = [], False
    for word in tokenize(text):
        if word in known or word in STOP_WORDS or len(word) <= 2:
            words.append(word)
            continue
        close = difflib.get_close_matches(word, vocabulary, n=1, cutoff=0.75)
        words.append(close[0] if close else word)
        changed = changed or bool(close)
    return " ".join(words) if changed else ""


POPULAR_CACHE_KEY = "search:popular:v1"


def visitor_key(client):
    """A keyed, non-reversible id for a client address (the address itself is never stored)."""
    import hashlib
    import hmac

    from django.conf import settings

    return hmac.new(settings.SECRET_KEY.encode(), f"search-visitor:{client}".encode(), hashlib.sha256).hexdigest()[:32]


def popular_queries(limit=8):
    """*Pencarian populer*: humas' promoted queries first, then queries that found pages, were
    searched recently by at least ``PORTAL_POPULAR_MIN_VISITORS`` distinct visitors and pass the
    judi-online gate. One client repeating a query (a flood) counts once."""
    cached = cache.get(POPULAR_CACHE_KEY)
    if cached is not None:
        return cached[:limit]
    from datetime import timedelta

    from django.conf import settings
    from django.db.models import Count, Sum
    from django.utils import timezone

    from spam_gate.checks import check_text

    from .models import QueryVisitor

    since = timezone.localdate() - timedelta(days=settings.PORTAL_POPULAR_DAYS)
    curated = list(
        SearchPromotion.objects.order_by("query__query_string")
        .values_list("query__query_string", flat=True)
        .distinct()[:limit]
    )
    candidates = list(
        QueryVisitor.objects.filter(day__gte=since)
        .values("query")
        .annotate(visitors=Count("visitor", distinct=True))
        .filter(visitors__gte=settings.PORTAL_POPULAR_MIN_VISITORS)
        .order_by("-visitors", "query")
        .values_list("query", flat=True)[: limit * 4]
    )
    found = {
        row["query"]
        for row in QueryStat.objects.filter(day__gte=since, query__in=candidates)
        .values("query")
        .annotate(total=Sum("hits"), zero=Sum("zero_result_hits"))
        if row["total"] > row["zero"]
    }
    queries = []
    for query in curated + [q for q in candidates if q in found]:
        if query and query not in queries and not check_text(query).is_spam:
            queries.append(query)
    queries = queries[:limit]
    cache.set(POPULAR_CACHE_KEY, queries, 300)
    return queries


def record_statistics(query, found, visitor):
    """Count the search for the report and *Pencarian populer*; a locked or failing database
    loses the count, never the citizen's answer."""
    from django.db import DatabaseError

    from .models import QueryVisitor

    try:
        QueryStat.record(query, found=found)
        if visitor:
            QueryVisitor.record(query[:200], visitor)
    except DatabaseError:
        logger.warning("Search statistics not recorded", exc_info=True)


def run_search(params, request=None, visitor=""):
    """The whole search page for a dict of GET parameters (``visitor``: see :func:`visitor_key`)."""
    messages = []
    raw = params.get("q", "") or ""
    parsed = engines.parse_query(raw)
    if len(raw.strip()) > engines.MAX_QUERY_LENGTH:
        messages.append(_("Kata pencarian terlalu panjang dan dipotong menjadi 200 karakter."))
    filters, selected, scope = read_filters(params, messages)
    number = _parse_page_number(params.get("halaman"), messages)
    result = SearchPage(query=parsed.text, messages=messages, scope=scope, selected=selected)
    if parsed.is_empty:
        return result
    if parsed.only_common_words or not parsed.groups:
        messages.append(_("Kata yang dicari terlalu umum. Tambahkan kata yang lebih khusus, misalnya nama layanan."))
        return result
    offset = (number - 1) * RESULTS_PER_PAGE
    outcome = run_engines(parsed, filters, offset, RESULTS_PER_PAGE)
    if outcome.total and offset >= outcome.total:
        messages.append(_("Nomor halaman di luar jangkauan; menampilkan halaman pertama."))
        number, offset = 1, 0
        outcome = run_engines(parsed, filters, offset, RESULTS_PER_PAGE)
    result.total = outcome.total
    result.capped = outcome.capped
    result.page_obj = Paginator(range(outcome.total), RESULTS_PER_PAGE).get_page(number) if outcome.total else None
    result.results = hydrate(outcome.page_ids, parsed.stems, request)
    result.facets = facet_display(outcome.facets, selected)
    if outcome.fell_back:
        result.notice = _("Mesin pencari utama sedang tidak tersedia; hasil diambil dari basis data portal.")
    elif outcome.relaxed:
        messages.append(_("Tidak ada halaman yang memuat semua kata; menampilkan halaman yang memuat sebagian kata."))
    if number == 1:
        result.promotions = promotions_for(parsed.text)
        if not selected and not scope:
            record_statistics(normalise_query_string(parsed.text), outcome.total > 0, visitor)
    if not outcome.total:
        result.suggestion = spelling_suggestion(parsed.text)
    return result

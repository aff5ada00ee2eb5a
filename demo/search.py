"""Demo step: the search's admin side filled in, so `make run` shows every part of it."""

from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from opd_pages.models import OpdHomePage
from search.indexing import index_pages
from search.models import QueryStat, Synonym
from search.seed import seed_synonyms

#: (query, OPD acronym whose home page humas promotes, description)
PROMOTIONS = [
    ("ktp", "Disdukcapil", "Semua layanan KTP, KK dan akta ada di Disdukcapil."),
    ("izin", "DPMPTSP", "Perizinan berusaha dan PBG dilayani satu pintu di DPMPTSP."),
]
#: (query, searches, of which without result): the report has something to show.
QUERY_STATS = [("ktp", 42, 0), ("ppdb", 31, 0), ("bansos", 17, 0), ("sertifikat vaksin", 9, 9), ("samsat", 6, 6)]


def step(stdout=None, admin_password=None, progress=None):
    """Seed synonyms, promotions and report rows; index any page the region step left unindexed."""
    created_synonyms = seed_synonyms(Synonym)
    promotions = 0
    for query_string, acronym, description in PROMOTIONS:
        opd = OpdHomePage.objects.filter(acronym=acronym).first()
        if opd is None:
            continue
        query = Query.get(query_string)
        _promotion, created = SearchPromotion.objects.get_or_create(
            query=query, page=opd, defaults={"description": description, "sort_order": 0}
        )
        promotions += int(created)
    if not QueryStat.objects.exists():
        from django.utils import timezone

        today = timezone.localdate()
        QueryStat.objects.bulk_create(
            QueryStat(query=query, day=today, hits=hits, zero_result_hits=zero) for query, hits, zero in QUERY_STATS
        )
    from wagtail.models import Page

    from search.models import SearchDocument

    missing = Page.objects.live().filter(depth__gt=1).exclude(pk__in=SearchDocument.objects.values("pk"))
    indexed = index_pages(list(missing.specific())) if missing.exists() else 0
    if stdout is not None:
        stdout.write(
            f"Pencarian: {created_synonyms} sinonim baru, {promotions} promosi baru, {indexed} halaman diindeks. "
            "Coba /cari/?q=ktp dan Admin → Laporan → Laporan pencarian."
        )
    return {"synonyms": created_synonyms, "promotions": promotions, "indexed": indexed}

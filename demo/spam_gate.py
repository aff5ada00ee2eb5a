"""Demo step: a draft the judi-online gate holds back, and a flooded query that stays off *Pencarian populer*."""

from django.utils import timezone

from opd_pages.models import NewsIndexPage, NewsPage, OpdHomePage
from search.models import QueryStat, QueryVisitor
from search.service import visitor_key
from spam_gate.checks import check_page
from spam_gate.notify import report_spam

DRAFT_SLUG = "contoh-draf-ditahan-penyaring"
#: (query, distinct demo visitors): enough visitors for the list, and one flood from a single client.
VISITORS = [("ppdb", 7), ("bansos", 6), ("slot gacor maxwin ktp", 1)]


def step(stdout=None, admin_password=None, progress=None):
    opd = OpdHomePage.objects.filter(acronym="Diskominfo").first() or OpdHomePage.objects.first()
    index = NewsIndexPage.objects.child_of(opd).first() if opd else None
    created = False
    if index is not None and not NewsPage.objects.filter(slug=DRAFT_SLUG).exists():
        draft = NewsPage(
            title="Info terbaru: s-l-o-t g4cor maxwin hari ini",
            slug=DRAFT_SLUG,
            lead="Daftar lewat link alternatif, bonus new member 100%.",
            live=False,
        )
        index.add_child(instance=draft)
        draft.save_revision()
        report_spam(draft.title, check_page(draft))
        created = True
    today = timezone.localdate()
    if not QueryVisitor.objects.exists():
        QueryVisitor.objects.bulk_create(
            QueryVisitor(query=query, day=today, visitor=visitor_key(f"demo-{n}"))
            for query, count in VISITORS
            for n in range(count)
        )
        for query, _count in VISITORS:
            QueryStat.objects.get_or_create(query=query, day=today, defaults={"hits": 80 if "slot" in query else 20})
    if stdout is not None:
        stdout.write(
            "Penyaring judi online: "
            + ("draf contoh dibuat" if created else "draf contoh sudah ada")
            + f" (Diskominfo → Berita → “{DRAFT_SLUG}”: tombol Terbitkan ditolak); "
            "“slot gacor maxwin ktp” dicari 80 kali dari satu klien dan tidak tampil di Pencarian populer (/cari/)."
        )

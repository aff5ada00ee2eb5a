"""Demo step: the front page of Kabupaten Contoh as humas curated it (idempotent)."""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from wagtail.models import Site

from home.models import Highlight, HomePage, NewsArchivePage, PinnedAnnouncement, QuickLink, RegionAlert
from opd_pages.models import AnnouncementPage, NewsPage, OpdHomePage
from opd_teams.roles import ensure_humas_group

QUICK_LINKS = [
    ("Urus KTP-el dan KK", "Perekaman, cetak ulang dan perubahan data kependudukan.", "disdukcapil"),
    ("Perizinan berusaha", "Persetujuan bangunan gedung (PBG), izin usaha dan konsultasi.", "dpmptsp"),
    ("Layanan kesehatan", "Puskesmas, jadwal imunisasi dan informasi kesehatan.", "dinkes"),
    ("Info bencana", "Peringatan dini, posko dan nomor darurat BPBD.", "bpbd"),
    ("Bantuan sosial", "Syarat dan pendaftaran bantuan sosial.", "dinsos"),
    ("Pencari kerja", "Kartu kuning (AK/1) dan lowongan kerja.", "disnaker"),
]

PROPOSING_OPDS = ["Dinkes", "Disdikbud", "Dinsos", "Disnaker"]
FEATURED_OPDS = ["Disdukcapil", "DPMPTSP", "BPBD"]


def ensure_news_archive(home):
    archive = NewsArchivePage.objects.first()
    if archive is None:
        archive = NewsArchivePage(
            title="Semua Berita",
            slug="berita",
            intro="Berita seluruh perangkat daerah Kabupaten Contoh, dapat disaring menurut OPD, bulan dan label.",
            show_in_menus=True,
        )
        home.add_child(instance=archive)
        archive.save_revision().publish()
    return archive


def ensure_regional_news(archive, user):
    if NewsPage.objects.child_of(archive).exists():
        return
    news = NewsPage(
        title="Bupati Lantik Pejabat Administrator di Lingkungan Pemerintah Kabupaten",
        slug="bupati-lantik-pejabat-administrator",
        lead="Bupati Contoh melantik 24 pejabat administrator dan berpesan agar pelayanan publik makin cepat.",
        body=[("paragraph", "<p>Pelantikan berlangsung di Pendopo Kabupaten dan disaksikan para kepala OPD.</p>")],
        owner=user,
    )
    archive.add_child(instance=news)
    news.save_revision(user=user).publish()


def newest_news_of(acronym):
    opd = OpdHomePage.objects.filter(acronym=acronym).first()
    return NewsPage.objects.of_opd(opd).newest_first().first() if opd else None


def ensure_proposals(user):
    for acronym in PROPOSING_OPDS:
        news = newest_news_of(acronym)
        if news and not news.propose_for_front_page:
            news.propose_for_front_page = True
            news.save_revision(user=user).publish()


def ensure_highlights():
    if Highlight.objects.exists():
        return
    now = timezone.now()
    for position, acronym in enumerate(FEATURED_OPDS):
        news = newest_news_of(acronym)
        if news:
            ends_at = now + datetime.timedelta(days=14) if position else None
            Highlight.objects.create(page=news, sort_order=position, ends_at=ends_at)


def ensure_quick_links():
    if QuickLink.objects.exists():
        return
    for position, (title, description, slug) in enumerate(QUICK_LINKS):
        opd = OpdHomePage.objects.filter(slug=slug).first()
        if opd:
            QuickLink.objects.create(title=title, description=description, page=opd, sort_order=position)


def ensure_pinned_and_alert(site):
    pinned = PinnedAnnouncement.for_site(site)
    if not pinned.title:
        announcement = AnnouncementPage.objects.current().first()
        pinned.is_active = True
        pinned.title = "Imbauan Bupati: Waspada Cuaca Ekstrem dan Jaga Kebersihan Saluran Air"
        pinned.text = (
            "Memasuki puncak musim hujan, warga diimbau membersihkan saluran air di lingkungan masing-masing "
            "dan segera melapor ke BPBD bila melihat tanda longsor."
        )
        pinned.signed_by = "Bupati Contoh"
        pinned.page = announcement
        pinned.save()
    alert = RegionAlert.for_site(site)
    if not alert.message:
        alert.is_active = True
        alert.level = "peringatan"
        alert.message = "Siaga banjir di Kecamatan Sukamaju hingga akhir pekan: hindari bantaran Sungai Cibeureum."
        alert.link_url = "https://bpbd.contohkab.go.id/"
        alert.link_text = "Info posko BPBD"
        alert.ends_at = timezone.now() + datetime.timedelta(days=30)
        alert.save()


def build_front_page(stdout=None, admin_password="demo-admin-2026", progress=None):
    """Semua berita, regional news, Sorotan, quick links, pinned announcement, alert and proposals."""
    home = HomePage.objects.first()
    if home is None:
        return {}
    site = Site.objects.get(root_page=home)
    admin = get_user_model().objects.filter(is_superuser=True).order_by("pk").first()
    with transaction.atomic():
        archive = ensure_news_archive(home)
        ensure_regional_news(archive, admin)
        ensure_proposals(admin)
        ensure_highlights()
        ensure_quick_links()
        ensure_pinned_and_alert(site)
        # The humas demo login itself is created by the opd_teams demo step.
        ensure_humas_group(archive)
    return {"news_archive": archive}

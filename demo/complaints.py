"""Demo step: complaints in the demo region "Kabupaten Contoh".

A routing table (categories → OPD), a *petugas pengaduan* for Dinkes and Disdukcapil (their
operators), and 40 reports across the OPDs in every state: some overdue, answered ones public,
one confidential, one forwarded back to the coordinator, one with a SP4N-LAPOR! ticket.
Idempotent: each demo report is recognised by its marker and made once.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from casework.models import CaseHandler
from casework.workflow import transition
from complaints.models import KIND, Complaint, ComplaintCategory
from opd_pages.models import OpdHomePage
from opd_teams.models import OpdTeam
from tests.factories.complaints import ComplaintCategoryFactory, ComplaintFactory

CATEGORIES = [
    ("Layanan kesehatan", "Puskesmas, rumah sakit, posyandu", "Dinkes"),
    ("Sekolah dan pendidikan", "Sekolah, guru, PPDB", "Disdikbud"),
    ("KTP, KK dan akta", "Adminduk: KTP-el, KK, akta kelahiran", "Disdukcapil"),
    ("Perizinan usaha", "PBG, NIB, izin usaha", "DPMPTSP"),
    ("Bantuan sosial", "PKH, BPNT, bantuan lansia", "Dinsos"),
    ("Ketenagakerjaan", "Upah, kartu kuning, pelatihan kerja", "Disnaker"),
    ("Ketertiban umum", "PKL, bangunan liar, gangguan ketertiban", "SatpolPP"),
    ("Bencana dan banjir", "Banjir, longsor, pohon tumbang", "BPBD"),
    ("Lainnya", "Tidak tahu harus ke mana: koordinator meneruskan", None),
]
TOPICS = {
    "Layanan kesehatan": (
        "Antrean puskesmas sangat panjang",
        "Antrean di Puskesmas Sukamaju mulai subuh dan loket baru buka pukul 09.00.",
    ),
    "Sekolah dan pendidikan": (
        "Pungutan seragam di SD",
        "Orang tua diminta membayar seragam Rp450.000 di SD Negeri 2 padahal katanya gratis.",
    ),
    "KTP, KK dan akta": (
        "KTP-el belum jadi tiga bulan",
        "Saya merekam KTP-el bulan Agustus dan sampai sekarang belum dicetak, katanya blangko habis.",
    ),
    "Perizinan usaha": (
        "Permohonan PBG tidak ada kabar",
        "Berkas PBG sudah lengkap sejak sebulan lalu tetapi status di sistem tidak berubah.",
    ),
    "Bantuan sosial": (
        "Lansia tidak terdaftar bantuan",
        "Nenek saya berusia 80 tahun hidup sendiri tetapi tidak pernah menerima bantuan.",
    ),
    "Ketenagakerjaan": (
        "Upah di bawah UMK",
        "Pabrik di Jl. Industri membayar karyawan di bawah UMK dan tanpa kontrak kerja.",
    ),
    "Ketertiban umum": (
        "PKL menutup trotoar",
        "Pedagang kaki lima menutup seluruh trotoar depan pasar sehingga pejalan kaki turun ke jalan.",
    ),
    "Bencana dan banjir": (
        "Saluran air tersumbat, banjir tiap hujan",
        "Gorong-gorong di RT 03 tersumbat sampah; setiap hujan air masuk ke rumah warga.",
    ),
    "Lainnya": (
        "Lampu penerangan jalan mati",
        "Lampu jalan di Jl. Kenanga mati sejak dua minggu, rawan kejahatan malam hari.",
    ),
}
KELURAHAN = ["Sukamaju", "Cibeureum", "Margahayu", "Sindangsari", "Cikalang"]
#: The 40 reports: (state, age in hours, hours to the first answer or None).
PLAN = (
    [("baru", 3, None)] * 3
    + [("baru", 40, None)] * 3  # overdue
    + [("diterima", 10, None)] * 2
    + [("diterima", 50, None)] * 3  # overdue
    + [("diproses", 12, None)] * 3
    + [("diproses", 80, None)] * 2  # overdue
    + [("dijawab", 100, 5)] * 5
    + [("dijawab", 200, 40)] * 3  # answered late
    + [("selesai", 300, 8)] * 6
    + [("selesai", 500, 30)] * 2
    + [("ditolak", 150, 12)] * 3
    + [("diteruskan", 20, None)] * 3
    + [("diteruskan", 60, None)] * 2  # overdue, back at the coordinator
)
CONFIDENTIAL = 5
LAPOR = 20


def step(stdout=None, admin_password=None, progress=None):
    with transaction.atomic():
        categories = _categories()
        _handlers()
        made = sum(_report(number, spec, categories) for number, spec in enumerate(PLAN))
    if stdout is not None:
        stdout.write(
            f"Pengaduan: {made} laporan demo dibuat; formulir /pengaduan/, terjawab /pengaduan/terjawab/, "
            "kotak masuk /admin/pengaduan/ (dinkes.admin, dinkes.operator sebagai petugas; diskominfo melihat semua)."
        )
    return {"reports": made}


def _categories():
    opds = {opd.acronym: opd for opd in OpdHomePage.objects.filter(acronym__in=[c[2] for c in CATEGORIES if c[2]])}
    found = []
    for order, (name, description, acronym) in enumerate(CATEGORIES):
        category = ComplaintCategory.objects.filter(name=name).first() or ComplaintCategoryFactory(
            name=name, description=description, opd=opds.get(acronym), sort_order=order * 10
        )
        found.append(category)
    return found


def _handlers():
    for team in OpdTeam.objects.filter(opd__acronym__in=["Dinkes", "Disdukcapil"]):
        for operator in team.operators()[:1]:
            CaseHandler.objects.get_or_create(kind=KIND, team=team, user=operator)


def _report(number, spec, categories):
    marker = f"demo:{number}"
    if Complaint.objects.filter(content_hash=marker).exists():
        return 0
    state, age_hours, answer_after = spec
    category = categories[number % len(categories)]
    title, description = TOPICS[category.name]
    now = timezone.now()
    received = now - datetime.timedelta(hours=age_hours + number % 3)
    case = ComplaintFactory(
        title=title,
        description=description,
        category=category,
        opd=category.opd,
        kelurahan=KELURAHAN[number % len(KELURAHAN)],
        location_detail=f"RT 0{number % 9 + 1}/RW 0{number % 4 + 1}",
        received_at=received,
        contact_name=f"Warga Demo {number + 1}",
        contact_email=f"warga{number + 1}@contoh.id",
        contact_phone=f"0812000{number:04d}",
        confidential=number == CONFIDENTIAL,
        allow_public=number % 7 != 3,
        content_hash=marker,
        lapor_tracking_id="LPR-2026-00042" if number == LAPOR else "",
    )
    _walk(case, state, received, answer_after, categories)
    return 1


def _walk(case, state, received, answer_after, categories):
    step_at = received + datetime.timedelta(hours=1)
    if state == "baru":
        return
    if state == "diteruskan":
        # Recent ones went on to another OPD; older ones came back to the coordinator.
        others = [c.opd for c in categories if c.opd_id and c.opd_id != case.opd_id]
        back_to_coordinator = case.received_at < timezone.now() - datetime.timedelta(hours=48)
        to_opd = None if back_to_coordinator or not others else others[0]
        transition(
            case, "diteruskan", internal_note="Bukan kewenangan kami.", to_opd=to_opd, kind="diteruskan", now=step_at
        )
        return
    transition(case, "diterima", now=step_at)
    if state == "diterima":
        return
    answered_at = received + datetime.timedelta(hours=answer_after) if answer_after else None
    if state == "ditolak":
        transition(
            case,
            "ditolak",
            public_text="Laporan ini bukan kewenangan pemerintah daerah; silakan ke PLN.",
            now=answered_at,
        )
        return
    transition(
        case, "diproses", internal_note="Petugas dijadwalkan ke lokasi.", now=step_at + datetime.timedelta(minutes=30)
    )
    if state == "diproses":
        return
    transition(
        case,
        "dijawab",
        public_text="Terima kasih atas laporannya. Petugas sudah menindaklanjuti di lokasi dan masalah ditangani.",
        now=answered_at,
    )
    if state == "selesai":
        transition(case, "selesai", now=answered_at + datetime.timedelta(hours=24))

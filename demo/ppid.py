"""Demo step: a PPID section in every demo OPD, 40+ public documents in all four categories
(some berkala items older than six months, so the freshness flag shows), and 20 information
requests in every state — one extended, one overdue, one with an objection (idempotent)."""

import datetime

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.documents import get_document_model

from opd_pages.models import OpdHomePage
from opd_pages.skeleton import standard_sections
from ppid import handling
from ppid.models import (
    AnswerKind,
    ApplicantKind,
    Classification,
    DeliveryMethod,
    DocumentKind,
    InformationRequest,
    ObjectionOutcome,
    ObjectionReason,
    PpidIndexPage,
    PublicDocumentPage,
    ReceiveMethod,
)

DEMO_EMAIL_DOMAIN = "warga.contoh"

#: (jenis, title pattern, classification, months since last refreshed)
DOCUMENTS = [
    ("Renstra", "Rencana Strategis {acronym} 2025–2029", Classification.BERKALA, 2),
    ("Renja", "Rencana Kerja {acronym} Tahun {year}", Classification.BERKALA, 1),
    ("LKjIP / LAKIP", "Laporan Kinerja Instansi Pemerintah {acronym} Tahun {last_year}", Classification.BERKALA, 9),
    ("RKA / DPA", "Dokumen Pelaksanaan Anggaran {acronym} Tahun {year}", Classification.BERKALA, 3),
    ("Laporan keuangan", "Laporan Realisasi Anggaran {acronym} Semester I {year}", Classification.BERKALA, 8),
    ("SOP", "SOP Pelayanan Permohonan Informasi {acronym}", Classification.SETIAP_SAAT, 14),
    ("Pengadaan barang/jasa", "Rencana Umum Pengadaan {acronym} Tahun {year}", Classification.SETIAP_SAAT, 4),
]
OPD_SPECIFIC = {
    "BPBD": [
        ("Lainnya", "Prosedur Evakuasi Banjir dan Longsor", Classification.SERTA_MERTA, 1),
        ("Lainnya", "Peta Rawan Bencana Kabupaten Contoh", Classification.SERTA_MERTA, 2),
    ],
    "Dinkes": [
        ("Lainnya", "Informasi Kewaspadaan Demam Berdarah", Classification.SERTA_MERTA, 1),
        ("Lainnya", "Rekam Medis Pasien Puskesmas", Classification.DIKECUALIKAN, 12),
    ],
    "Disdukcapil": [("Lainnya", "Data Pribadi Penduduk (NIK dan KK)", Classification.DIKECUALIKAN, 12)],
    "Setda": [
        ("Peraturan / produk hukum", "Peraturan Bupati tentang Layanan Informasi Publik", Classification.BERKALA, 10)
    ],
}
EXEMPTIONS = {
    "Rekam Medis Pasien Puskesmas": (
        "Pasal 17 huruf h angka 2 UU 14/2008 (riwayat dan kondisi perawatan kesehatan seseorang). Bila dibuka, "
        "rahasia pribadi pasien terungkap dan kepercayaan masyarakat pada puskesmas rusak. "
        "Dikecualikan tanpa batas waktu."
    ),
    "Data Pribadi Penduduk (NIK dan KK)": (
        "Pasal 17 huruf h UU 14/2008 jo. UU 27/2022 tentang Pelindungan Data Pribadi. Bila dibuka, data dapat "
        "dipakai untuk penipuan dan pinjaman daring ilegal. Dikecualikan selama data berlaku."
    ),
}
#: OPDs whose library the demo fills (all demo OPDs get a PPID page).
LIBRARY_OPDS = ["Setda", "Dinkes", "Disdikbud", "Disdukcapil", "DPMPTSP", "Dinsos", "Diskominfo", "BPKAD", "BPBD"]


def months_ago(today, months):
    return today - datetime.timedelta(days=round(months * 30.5))


def ensure_ppid_page(opd, user):
    page = PpidIndexPage.objects.child_of(opd).first()
    if page is not None:
        return page
    section = next(s for s in standard_sections() if s.model == "ppid.PpidIndexPage")
    page = opd.add_child(
        instance=section.new_page(
            intro=f"Layanan informasi publik {opd.title}, sesuai UU 14/2008.",
            officer_name=f"Sekretaris {opd.title} (PPID Pelaksana)",
            superior_name="Sekretaris Daerah Kabupaten Contoh (Atasan PPID)",
            address=opd.address,
            phone=opd.phone,
            email=opd.email,
            service_hours="Senin–Kamis: 08.00–15.30 WIB\nJumat: 08.00–11.30 WIB",
            profile="<p>PPID Pelaksana ditetapkan dengan Keputusan Bupati tentang PPID Kabupaten Contoh.</p>",
        )
    )
    page.save_revision(user=user).publish(user=user)
    return page


def demo_pdf(title):
    lines = f"BT /F1 14 Tf 50 780 Td ({title[:80]}) Tj ET".encode("latin-1", "replace")
    return (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
        b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>"
        b"endobj\n4 0 obj<</Length " + str(len(lines)).encode() + b">>stream\n" + lines + b"\nendstream endobj\n"
        b"5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
    )


def ensure_document(ppid_page, opd, spec, user, today):
    kind_name, pattern, classification, months = spec
    title = pattern.format(acronym=opd.acronym, year=today.year, last_year=today.year - 1)
    slug = slugify(title)[:80]
    if PublicDocumentPage.objects.child_of(ppid_page).filter(slug=slug).exists():
        return None
    document = None
    if classification != Classification.DIKECUALIKAN:
        collection = getattr(getattr(opd, "team", None), "collection", None)
        extra = {"collection": collection} if collection else {}
        document = get_document_model().objects.create(
            title=title, file=ContentFile(demo_pdf(title), name=f"{slug[:60]}.pdf"), **extra
        )
    refreshed = months_ago(today, months)
    page = PublicDocumentPage(
        title=title,
        slug=slug,
        kind=DocumentKind.objects.get_or_create(name=kind_name)[0],
        number=f"050/{len(title)}/{opd.acronym}/{refreshed.year}",
        year=refreshed.year,
        document_date=refreshed,
        summary=f"{title}: dokumen resmi {opd.title} yang wajib tersedia bagi publik.",
        classification=classification,
        consequence_test=EXEMPTIONS.get(title, ""),
        document=document,
        refreshed_on=refreshed,
    )
    ppid_page.add_child(instance=page)
    page.save_revision(user=user).publish(user=user)
    return page


def at(days_ago, hour=9):
    moment = timezone.localtime() - datetime.timedelta(days=days_ago)
    return moment.replace(hour=hour, minute=15, second=0, microsecond=0)


#: (OPD, days ago filed, what happens next, requester)
REQUESTS = [
    ("Dinkes", 1, "open", "Rina Kartika"),
    ("Dinkes", 3, "open", "Ahmad Fauzi"),
    ("Disdukcapil", 2, "open", "Yohanes Sitorus"),
    ("Diskominfo", 0, "open", "Lembaga Kajian Anggaran"),
    ("Dinkes", 9, "extended", "Dewi Lestari"),
    ("Dinkes", 30, "overdue", "Bambang Wijaya"),
    ("Disdikbud", 40, "granted", "Siti Aminah"),
    ("Disdikbud", 25, "granted", "Hendra Gunawan"),
    ("DPMPTSP", 20, "granted", "Komunitas Warga Peduli"),
    ("BPKAD", 35, "partly", "Indonesia Budget Watch Contoh"),
    ("BPKAD", 15, "granted", "Rudi Hartono"),
    ("Disdukcapil", 18, "refused", "Agus Salim"),
    ("Dinkes", 28, "objection", "Maria Ulfa"),
    ("Dinkes", 60, "objection_decided", "Fajar Nugroho"),
    ("Dinsos", 12, "not_held", "Lestari Handayani"),
    ("Setda", 22, "granted", "Wahyu Pratama"),
    ("BPBD", 5, "granted", "Relawan Siaga Bencana"),
    ("Diskominfo", 14, "granted", "Nur Hidayah"),
    ("Disnaker", 7, "open", "Joko Susilo"),
    ("Dinsos", 45, "refused", "Anonim Peneliti"),
]


BODY_PREFIXES = ("Lembaga", "Komunitas", "Indonesia", "Relawan")


def build_requests(user):
    if InformationRequest.objects.filter(contact_email__endswith=f"@{DEMO_EMAIL_DOMAIN}").exists():
        return 0
    opds = {opd.acronym: opd for opd in OpdHomePage.objects.all()}
    created = 0
    for position, (acronym, days, outcome, name) in enumerate(REQUESTS, start=1):
        opd = opds.get(acronym)
        if opd is None:
            continue
        body = name.startswith(BODY_PREFIXES)
        info_request, _token = InformationRequest.file(
            opd=opd,
            received_at=at(days),
            applicant_kind=ApplicantKind.BODY if body else ApplicantKind.PERSON,
            body_name=name if body else "",
            contact_name=name if not body else f"Koordinator {name}",
            identity_number=f"3205{position:012d}",
            address=f"Jl. Melati No. {position}, Kel. Sukamaju, Kabupaten Contoh",
            contact_email=f"pemohon{position}@{DEMO_EMAIL_DOMAIN}",
            contact_phone=f"0812000{position:05d}",
            information=f"Salinan dokumen perencanaan dan anggaran {acronym} tahun {timezone.localdate().year}.",
            purpose="Bahan kajian dan pengawasan pelayanan publik.",
            receive_method=ReceiveMethod.SOFT_COPY,
            delivery_method=DeliveryMethod.EMAIL,
        )
        created += 1
        now = at(max(days - 6, 0), hour=14)
        if outcome == "extended":
            handling.extend(
                info_request, user, "Dokumen masih dihimpun dari tiga bidang; perlu waktu tambahan.", now=now
            )
        elif outcome == "granted":
            handling.answer(
                info_request, user, AnswerKind.GRANTED, "Dokumen yang diminta terlampir pada surel ini.", now=now
            )
        elif outcome == "partly":
            handling.answer(
                info_request, user, AnswerKind.PARTLY, "Dokumen diberikan; nomor rekening pihak ketiga dihitamkan.",
                "Pasal 17 huruf h UU 14/2008: data rekening pribadi pihak ketiga.", now=now,
            )  # fmt: skip
        elif outcome in ("refused", "objection", "objection_decided"):
            handling.answer(
                info_request, user, AnswerKind.REFUSED, "Informasi yang diminta termasuk informasi yang dikecualikan.",
                "Pasal 17 huruf h UU 14/2008 (rahasia pribadi), hasil uji konsekuensi PPID.", now=now,
            )  # fmt: skip
        elif outcome == "not_held":
            handling.answer(
                info_request, user, AnswerKind.NOT_HELD, "Informasi dikuasai Disdukcapil; permohonan kami teruskan.",
                forward_to=opds.get("Disdukcapil"), now=now,
            )  # fmt: skip
        if outcome.startswith("objection"):
            objection = handling.file_objection(
                info_request,
                ObjectionReason.REFUSED,
                "Informasi ini menyangkut anggaran publik, bukan data pribadi.",
                now=at(max(days - 8, 0), hour=10),
            )
            if outcome == "objection_decided":
                handling.decide_objection(
                    objection,
                    user,
                    ObjectionOutcome.UPHELD,
                    "Keberatan diterima; PPID memberikan dokumen tanpa data pribadi.",
                    now=at(max(days - 20, 0), hour=11),
                )
    handling.escalate_overdue()
    return created


def step(stdout=None, admin_password=None, progress=None):
    today = timezone.localdate()
    user = get_user_model().objects.filter(is_superuser=True).order_by("pk").first()
    created_documents = 0
    with transaction.atomic():
        for opd in OpdHomePage.objects.order_by("path"):
            ppid_page = ensure_ppid_page(opd, user)
            if opd.acronym not in LIBRARY_OPDS:
                continue
            for spec in DOCUMENTS + OPD_SPECIFIC.get(opd.acronym, []):
                created_documents += ensure_document(ppid_page, opd, spec, user, today) is not None
        created_requests = build_requests(user)
    if stdout is not None and (created_documents or created_requests):
        stdout.write(f"PPID: {created_documents} dokumen publik, {created_requests} permohonan informasi.")
    return {"documents": created_documents, "requests": created_requests}

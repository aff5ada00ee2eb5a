"""The documented export shape of a report (JSON and CSV), for forwarding to SP4N-LAPOR! by hand.

Shape version 1 (see docs/complaints.md). ``identity=False`` blanks the reporter's contact
(confidential reports exported by an OPD).
"""

from django.utils import timezone

from .models import scrub_personal_data

SHAPE_VERSION = 1
FIELDS = [
    "nomor_pelacakan",
    "nomor_tiket_lapor",
    "judul",
    "isi",
    "kategori",
    "opd",
    "opd_singkatan",
    "kelurahan_desa",
    "lokasi_rinci",
    "lintang",
    "bujur",
    "tanggal_kejadian",
    "diterima_pada",
    "batas_waktu",
    "dijawab_pertama_pada",
    "status",
    "rahasia",
    "boleh_publik",
    "layanan",
    "pelapor_nama",
    "pelapor_email",
    "pelapor_telepon",
]


def _iso(value):
    if value is None:
        return None
    if hasattr(value, "tzinfo"):
        return timezone.localtime(value).isoformat()
    return value.isoformat()


def case_record(case, *, identity=True):
    record = {
        "versi": SHAPE_VERSION,
        "nomor_pelacakan": case.tracking_number,
        "nomor_tiket_lapor": case.lapor_tracking_id or None,
        "judul": case.title,
        "isi": case.description if identity else scrub_personal_data(case.description, [case.contact_name]),
        "kategori": case.category.name if case.category_id else None,
        "opd": case.opd.title if case.opd_id else None,
        "opd_singkatan": case.opd.acronym if case.opd_id else None,
        "kelurahan_desa": case.kelurahan,
        "lokasi_rinci": case.location_detail,
        "lintang": float(case.latitude) if case.latitude is not None else None,
        "bujur": float(case.longitude) if case.longitude is not None else None,
        "tanggal_kejadian": _iso(case.occurred_on),
        "diterima_pada": _iso(case.received_at),
        "batas_waktu": _iso(case.due_at),
        "dijawab_pertama_pada": _iso(case.first_response_at),
        "status": case.status,
        "rahasia": case.confidential,
        "boleh_publik": case.allow_public,
        "layanan": case.service_page.title if case.service_page_id else None,
        "pelapor_nama": case.contact_name if identity else None,
        "pelapor_email": case.contact_email if identity else None,
        "pelapor_telepon": case.contact_phone if identity else None,
    }
    return record


def csv_header():
    return FIELDS


def csv_row(case, *, identity=True):
    from audit.views import neutralise

    record = case_record(case, identity=identity)
    return [neutralise("" if record[name] is None else record[name]) for name in FIELDS]

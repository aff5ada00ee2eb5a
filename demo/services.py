"""Demo step: the Layanan of Kabupaten Contoh (idempotent; looked up by slug before anything is created).

25 services across 11 OPDs, each OPD's Maklumat, the life events and topics, the /layanan/
catalogue, and the home page's "Layanan terpopuler" pointed at services. A few services are
deliberately incomplete or stale so the completeness scores show all three Ombudsman zones.
"""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from home.models import HomePage, QuickLink
from opd_pages.models import OpdHomePage
from opd_pages.skeleton import standard_sections
from services.models import LifeEvent, MaklumatPage, ServiceCatalogPage, ServiceIndexPage, ServicePage, ServiceTopic
from tests.factories.services import LifeEventFactory, ServiceTopicFactory, requirement
from tests.factories.services import step as procedure_step

LIFE_EVENTS = [
    (
        "kelahiran",
        "kelahiran",
        "Akta kelahiran, Kartu Identitas Anak, imunisasi bayi.",
        "lahir, bayi, anak, melahirkan",
    ),
    (
        "pendidikan",
        "pendidikan",
        "Pendaftaran sekolah, legalisir ijazah.",
        "sekolah, murid, siswa, ijazah, daftar sekolah",
    ),
    (
        "pekerjaan-dan-usaha",
        "pekerjaan dan usaha",
        "Kartu kuning, pelatihan kerja, izin usaha.",
        "kerja, usaha, bisnis, dagang, melamar kerja",
    ),
    ("kesehatan", "kesehatan", "Imunisasi, surat keterangan sehat, izin praktik.", "sakit, berobat, puskesmas"),
    ("kependudukan", "kependudukan", "KTP-el, Kartu Keluarga, perubahan data.", "adminduk, identitas, data diri"),
    (
        "bantuan-sosial",
        "bantuan sosial",
        "DTKS, bantuan iuran BPJS, alat bantu disabilitas.",
        "bansos, miskin, tidak mampu",
    ),
    ("perizinan", "perizinan", "Izin usaha, bangunan, reklame, ormas.", "izin, surat izin, legalitas"),
    ("kematian", "kematian", "Akta kematian, ahli waris.", "meninggal, wafat, almarhum"),
    (
        "pindah-tempat-tinggal",
        "pindah tempat tinggal",
        "Surat pindah dan datang, domisili.",
        "pindah rumah, domisili, datang",
    ),
    ("bencana", "bencana", "Bantuan logistik dan surat keterangan bencana.", "banjir, longsor, kebakaran, gempa"),
]
TOPICS = [
    ("kependudukan", "Kependudukan"),
    ("kesehatan", "Kesehatan"),
    ("pendidikan", "Pendidikan"),
    ("perizinan", "Perizinan dan investasi"),
    ("sosial", "Sosial"),
    ("ketenagakerjaan", "Ketenagakerjaan"),
    ("administrasi-umum", "Administrasi umum"),
    ("kebencanaan", "Kebencanaan"),
    ("informasi", "Informasi dan komunikasi"),
]

KTP = "Fotokopi KTP-el pemohon"
KK = "Fotokopi Kartu Keluarga"
DUKCAPIL_STEPS = [
    procedure_step("Ambil nomor antrean", "Di loket Disdukcapil atau melalui aplikasi antrean daring."),
    procedure_step("Serahkan berkas", "Petugas memeriksa kelengkapan dan keabsahan berkas."),
    procedure_step("Verifikasi dan perekaman data", "Data dimasukkan ke SIAK."),
    procedure_step("Terima dokumen", "Dokumen dicetak atau dikirim sebagai TTE ke surel pemohon."),
]

#: (OPD acronym, slug, title, summary, synonyms, life events, topics, requirements, steps, (time, unit),
#:  fee (None = Gratis, or amount), product, extra) — ``extra`` may blank fields or make the standard stale.
SERVICES = [
    (
        "Disdukcapil",
        "ktp-el",
        "Perekaman dan Pencetakan KTP Elektronik (KTP-el)",
        "Perekaman data dan pencetakan KTP-el bagi warga berusia 17 tahun atau sudah menikah, termasuk KTP hilang "
        "atau rusak.",
        "ktp, e-ktp, kartu tanda penduduk, ktp hilang, cetak ulang ktp",
        ["kependudukan"],
        ["kependudukan"],
        [KK, ("Surat keterangan kehilangan dari kepolisian", "bila KTP-el hilang"), ("KTP-el lama", "bila rusak")],
        DUKCAPIL_STEPS,
        (1, "hari-kerja"),
        None,
        "KTP Elektronik (KTP-el).",
        {},
    ),
    (
        "Disdukcapil",
        "kartu-keluarga",
        "Penerbitan Kartu Keluarga (KK)",
        "Kartu Keluarga baru, tambah anggota keluarga, atau perubahan data pada Kartu Keluarga.",
        "kk, kartu keluarga, ubah kk, tambah anggota keluarga, pecah kk",
        ["kependudukan"],
        ["kependudukan"],
        [
            "Kartu Keluarga lama (asli)",
            ("Buku nikah atau akta perkawinan", "fotokopi"),
            "Formulir F-1.01 biodata keluarga",
        ],
        DUKCAPIL_STEPS,
        (1, "hari-kerja"),
        None,
        "Kartu Keluarga yang ditandatangani secara elektronik.",
        {},
    ),
    (
        "Disdukcapil",
        "akta-kelahiran",
        "Akta Kelahiran",
        "Pencatatan kelahiran bayi dan penerbitan akta kelahiran, sekaligus Kartu Identitas Anak dan pembaruan KK.",
        "akta, akta lahir, akte kelahiran, akte lahir, surat kelahiran, akta anak",
        ["kelahiran", "kependudukan"],
        ["kependudukan"],
        [
            ("Surat keterangan kelahiran dari rumah sakit, puskesmas atau bidan", "asli"),
            KK,
            "Fotokopi KTP-el kedua orang tua",
            ("Fotokopi buku nikah atau akta perkawinan orang tua", ""),
            "Formulir F-2.01 pelaporan pencatatan sipil",
        ],
        DUKCAPIL_STEPS,
        (1, "hari-kerja"),
        None,
        "Kutipan Akta Kelahiran, Kartu Identitas Anak (KIA) dan KK baru.",
        {},
    ),
    (
        "Disdukcapil",
        "akta-kematian",
        "Akta Kematian",
        "Pencatatan kematian penduduk dan penerbitan akta kematian untuk keperluan waris, pensiun dan asuransi.",
        "surat keterangan meninggal, lapor meninggal",
        ["kematian", "kependudukan"],
        ["kependudukan"],
        ["Surat keterangan kematian dari rumah sakit atau kepala desa", KK, "KTP-el almarhum/almarhumah", KTP],
        DUKCAPIL_STEPS,
        (1, "hari-kerja"),
        None,
        "Kutipan Akta Kematian dan KK yang diperbarui.",
        {},
    ),
    (
        "Disdukcapil",
        "pindah-datang",
        "Surat Pindah dan Pindah Datang Penduduk",
        "Surat keterangan pindah (SKPWNI) bagi warga yang pindah ke atau dari daerah lain, dan pencatatan penduduk "
        "datang.",
        "surat pindah, skpwni, pindah domisili, pindah datang",
        ["pindah-tempat-tinggal", "kependudukan"],
        ["kependudukan"],
        [KK, KTP, "Formulir F-1.03 pendaftaran perpindahan penduduk"],
        DUKCAPIL_STEPS,
        (1, "hari-kerja"),
        None,
        "Surat Keterangan Pindah, KK dan KTP-el dengan alamat baru.",
        {},
    ),
    (
        "Disdukcapil",
        "kartu-identitas-anak",
        "Kartu Identitas Anak (KIA)",
        "Kartu identitas bagi anak di bawah 17 tahun untuk keperluan sekolah, kesehatan dan perjalanan.",
        "kia, kartu anak",
        ["kelahiran", "kependudukan"],
        ["kependudukan"],
        ["Fotokopi kutipan akta kelahiran anak", KK, ("Pas foto anak berwarna 2×3", "untuk anak usia 5 tahun ke atas")],
        DUKCAPIL_STEPS,
        (1, "hari-kerja"),
        None,
        "Kartu Identitas Anak.",
        {},
    ),
    (
        "DPMPTSP",
        "nib-oss",
        "Nomor Induk Berusaha (NIB) dan Izin Usaha melalui OSS",
        "Pendampingan pendaftaran Nomor Induk Berusaha sebagai izin usaha melalui sistem OSS untuk usaha mikro dan "
        "kecil.",
        "izin usaha, nib, oss, siup, daftar usaha, legalitas usaha, umkm",
        ["pekerjaan-dan-usaha", "perizinan"],
        ["perizinan"],
        [KTP, "NPWP pribadi atau badan usaha", "Alamat surel dan nomor telepon aktif"],
        [
            procedure_step("Datang ke Mal Pelayanan Publik atau buka oss.go.id"),
            procedure_step("Buat akun OSS dengan NIK"),
            procedure_step("Isi data usaha dan pilih KBLI"),
            procedure_step("Unduh NIB yang terbit"),
        ],
        (1, "hari-kerja"),
        None,
        "Nomor Induk Berusaha (NIB) yang berlaku sebagai izin usaha.",
        {"online_url": "https://oss.go.id/", "unit_name": "Mal Pelayanan Publik Kabupaten Contoh"},
    ),
    (
        "DPMPTSP",
        "pbg",
        "Persetujuan Bangunan Gedung (PBG)",
        "Persetujuan untuk membangun, mengubah atau merawat bangunan gedung sesuai standar teknis, pengganti IMB.",
        "pbg, imb, izin mendirikan bangunan, izin bangunan",
        ["perizinan"],
        ["perizinan"],
        [
            KTP,
            "Bukti kepemilikan tanah (sertifikat)",
            "Gambar rencana teknis bangunan",
            "Perhitungan struktur (bangunan 2 lantai ke atas)",
        ],
        [
            procedure_step("Ajukan permohonan di SIMBG"),
            procedure_step("Konsultasi dengan Tim Profesi Ahli"),
            procedure_step("Bayar retribusi"),
            procedure_step("Terima PBG"),
        ],
        (28, "hari-kerja"),
        1_500_000,
        "Dokumen Persetujuan Bangunan Gedung.",
        {
            "online_url": "https://simbg.pu.go.id/",
            "fee_details": "tergantung luas dan fungsi bangunan; contoh rumah 60 m²",
        },
    ),
    (
        "DPMPTSP",
        "izin-reklame",
        "Izin Penyelenggaraan Reklame",
        "Izin memasang papan reklame, spanduk dan baliho di wilayah kabupaten.",
        "reklame, izin spanduk, baliho",
        ["perizinan"],
        ["perizinan"],
        [KTP, "Desain dan ukuran reklame", "Foto lokasi pemasangan"],
        [
            procedure_step("Ajukan permohonan"),
            procedure_step("Survei lokasi"),
            procedure_step("Bayar pajak reklame"),
            procedure_step("Terima izin"),
        ],
        (5, "hari-kerja"),
        250_000,
        "Surat izin penyelenggaraan reklame.",
        {
            "blank": [
                "competence",
                "internal_supervision",
                "staff_count",
                "security_guarantee",
                "performance_evaluation",
            ]
        },
    ),
    (
        "Dinkes",
        "imunisasi-anak",
        "Imunisasi Dasar Lengkap Bayi dan Anak",
        "Imunisasi dasar lengkap bagi bayi dan balita di puskesmas dan posyandu terdekat.",
        "imunisasi, vaksin anak, vaksinasi bayi",
        ["kelahiran", "kesehatan"],
        ["kesehatan"],
        ["Buku Kesehatan Ibu dan Anak (KIA)", ("Kartu Keluarga", "bila pertama kali")],
        [
            procedure_step("Datang ke puskesmas atau posyandu sesuai jadwal"),
            procedure_step("Pemeriksaan kesehatan anak"),
            procedure_step("Pemberian imunisasi"),
            procedure_step("Pencatatan di Buku KIA"),
        ],
        (30, "menit"),
        None,
        "Imunisasi dan catatan pada Buku KIA.",
        {"unit_name": "Puskesmas dan posyandu"},
    ),
    (
        "Dinkes",
        "izin-praktik-nakes",
        "Surat Izin Praktik Tenaga Kesehatan (SIP)",
        "Izin praktik bagi dokter, bidan, perawat dan tenaga kesehatan lain yang bekerja di kabupaten.",
        "sip, izin praktik, izin dokter, izin bidan, str",
        ["kesehatan", "perizinan", "pekerjaan-dan-usaha"],
        ["kesehatan", "perizinan"],
        [
            "Fotokopi STR yang masih berlaku",
            "Surat keterangan dari fasilitas pelayanan kesehatan",
            "Pas foto 4×6 (2 lembar)",
        ],
        [
            procedure_step("Ajukan melalui aplikasi perizinan"),
            procedure_step("Verifikasi berkas"),
            procedure_step("Terima SIP"),
        ],
        (10, "hari-kerja"),
        None,
        "Surat Izin Praktik.",
        {},
    ),
    (
        "Dinkes",
        "surat-keterangan-sehat",
        "Surat Keterangan Sehat",
        "Surat keterangan sehat jasmani dari puskesmas untuk melamar kerja atau keperluan pendidikan.",
        "surat sehat, keterangan dokter",
        ["kesehatan"],
        ["kesehatan"],
        [KTP],
        [],
        None,
        None,
        "Surat keterangan sehat.",
        {"blank": ["fee_type", "legal_basis", "competence", "internal_supervision", "service_guarantee"]},
    ),
    (
        "Disdikbud",
        "ppdb",
        "Penerimaan Peserta Didik Baru (PPDB) SD dan SMP",
        "Pendaftaran sekolah negeri jenjang SD dan SMP melalui jalur zonasi, afirmasi, perpindahan tugas orang tua "
        "dan prestasi.",
        "ppdb, spmb, pendaftaran sekolah, daftar sekolah, sekolah negeri, masuk sd, masuk smp, zonasi",
        ["pendidikan"],
        ["pendidikan"],
        [
            "Kartu Keluarga (paling lambat 1 tahun)",
            "Akta kelahiran calon murid",
            ("Rapor atau ijazah", "untuk jenjang SMP"),
            ("Kartu KIP atau bukti DTKS", "untuk jalur afirmasi"),
        ],
        [
            procedure_step("Buat akun di laman PPDB"),
            procedure_step("Pilih jalur dan sekolah"),
            procedure_step("Unggah dokumen"),
            procedure_step("Pantau pengumuman"),
            procedure_step("Daftar ulang di sekolah"),
        ],
        (14, "hari-kerja"),
        None,
        "Tanda diterima di sekolah tujuan.",
        {"online_url": "https://ppdb.contohkab.go.id/"},
    ),
    (
        "Disdikbud",
        "legalisir-ijazah",
        "Legalisir Ijazah dan Surat Keterangan Pengganti Ijazah",
        "Legalisir fotokopi ijazah SD dan SMP, dan surat pengganti ijazah yang hilang atau rusak.",
        "legalisir, ijazah hilang",
        ["pendidikan", "pekerjaan-dan-usaha"],
        ["pendidikan"],
        [
            "Ijazah asli",
            "Fotokopi ijazah (paling banyak 10 lembar)",
            ("Surat kehilangan dari kepolisian", "bila hilang"),
        ],
        [
            procedure_step("Serahkan berkas di loket"),
            procedure_step("Verifikasi dengan buku induk"),
            procedure_step("Ambil legalisir"),
        ],
        (2, "hari-kerja"),
        None,
        "Fotokopi ijazah terlegalisir atau surat keterangan pengganti ijazah.",
        {"stale": True},
    ),
    (
        "Dinsos",
        "dtks",
        "Pendaftaran Data Terpadu Kesejahteraan Sosial (DTKS)",
        "Pendaftaran keluarga kurang mampu ke DTKS agar dapat menerima bantuan sosial seperti PKH dan BPNT.",
        "dtks, daftar bansos, bantuan sosial, pkh, bpnt, keluarga miskin",
        ["bantuan-sosial"],
        ["sosial"],
        [KTP, KK, "Surat keterangan dari desa/kelurahan"],
        [
            procedure_step("Daftar melalui desa/kelurahan"),
            procedure_step("Musyawarah desa"),
            procedure_step("Verifikasi dan validasi Dinsos"),
            procedure_step("Penetapan oleh Kementerian Sosial"),
        ],
        (30, "hari-kerja"),
        None,
        "Keluarga terdaftar dalam DTKS.",
        {},
    ),
    (
        "Dinsos",
        "pbi-bpjs",
        "Rekomendasi Penerima Bantuan Iuran (PBI) BPJS Kesehatan",
        "Rekomendasi agar iuran BPJS Kesehatan warga kurang mampu dibayar pemerintah daerah.",
        "pbi, bpjs gratis, kis, jaminan kesehatan",
        ["bantuan-sosial", "kesehatan"],
        ["sosial", "kesehatan"],
        [KTP, KK, "Terdaftar dalam DTKS"],
        [
            procedure_step("Ajukan di loket Dinsos"),
            procedure_step("Verifikasi DTKS"),
            procedure_step("Terbit rekomendasi"),
        ],
        (3, "hari-kerja"),
        None,
        "Surat rekomendasi PBI.",
        {},
    ),
    (
        "Dinsos",
        "alat-bantu-disabilitas",
        "Bantuan Alat Bantu bagi Penyandang Disabilitas",
        "Kursi roda, kruk dan alat bantu dengar bagi penyandang disabilitas dari keluarga kurang mampu.",
        "kursi roda, alat bantu dengar, disabilitas",
        ["bantuan-sosial"],
        ["sosial"],
        [KTP, KK, "Surat keterangan dokter tentang kebutuhan alat bantu"],
        [
            procedure_step("Ajukan permohonan"),
            procedure_step("Asesmen oleh pekerja sosial"),
            procedure_step("Penyerahan alat bantu"),
        ],
        (20, "hari-kerja"),
        None,
        "Alat bantu sesuai hasil asesmen.",
        {},
    ),
    (
        "Disnaker",
        "kartu-kuning",
        "Kartu Pencari Kerja (Kartu Kuning/AK-1)",
        "Kartu tanda pencari kerja (AK/1) untuk melamar pekerjaan, dapat diajukan daring dan dicetak di loket.",
        "kartu kuning, ak1, ak/1, kartu pencari kerja, kartu ak1",
        ["pekerjaan-dan-usaha"],
        ["ketenagakerjaan"],
        [KTP, "Ijazah terakhir", "Pas foto 3×4 (2 lembar)"],
        [
            procedure_step("Daftar di laman Siap Kerja"),
            procedure_step("Datang ke loket Disnaker"),
            procedure_step("Terima kartu"),
        ],
        (1, "hari-kerja"),
        None,
        "Kartu AK/1 yang berlaku 2 tahun.",
        {"online_url": "https://siapkerja.kemnaker.go.id/"},
    ),
    (
        "Disnaker",
        "pelatihan-kerja",
        "Pelatihan Kerja Berbasis Kompetensi",
        "Pelatihan menjahit, las, tata boga dan komputer bagi pencari kerja usia 17–45 tahun.",
        "pelatihan, kursus, blk",
        ["pekerjaan-dan-usaha"],
        ["ketenagakerjaan"],
        [KTP, "Kartu AK/1"],
        [procedure_step("Daftar"), procedure_step("Seleksi"), procedure_step("Ikuti pelatihan")],
        (30, "hari-kerja"),
        None,
        "Sertifikat pelatihan.",
        {"stale": True, "blank": ["facilities_vulnerable", "competence", "security_guarantee"]},
    ),
    (
        "KecSukamaju",
        "sktm",
        "Surat Keterangan Tidak Mampu (SKTM)",
        "Surat keterangan tidak mampu untuk keringanan biaya sekolah, rumah sakit atau bantuan sosial.",
        "sktm, surat miskin, keterangan tidak mampu",
        ["bantuan-sosial"],
        ["administrasi-umum", "sosial"],
        [KTP, KK, "Surat pengantar RT/RW dan desa"],
        [
            procedure_step("Minta pengantar RT/RW dan desa"),
            procedure_step("Ajukan di kantor kecamatan"),
            procedure_step("Tanda tangan camat"),
        ],
        (1, "hari-kerja"),
        None,
        "Surat Keterangan Tidak Mampu.",
        {},
    ),
    (
        "KecSukamaju",
        "surat-domisili",
        "Surat Keterangan Domisili",
        "Keterangan tempat tinggal bagi warga atau usaha yang berdomisili di Kecamatan Sukamaju.",
        "domisili, keterangan tinggal",
        ["pindah-tempat-tinggal"],
        ["administrasi-umum"],
        [KTP, "Surat pengantar desa"],
        [procedure_step("Ajukan di kantor kecamatan"), procedure_step("Tanda tangan camat")],
        (1, "hari-kerja"),
        None,
        "Surat Keterangan Domisili.",
        {},
    ),
    (
        "KecCibeureum",
        "ahli-waris",
        "Pengesahan Surat Keterangan Ahli Waris",
        "Pengesahan surat keterangan ahli waris oleh camat untuk mengurus warisan, tabungan dan pensiun.",
        "ahli waris, warisan",
        ["kematian"],
        ["administrasi-umum"],
        ["Akta kematian pewaris", "KTP-el dan KK para ahli waris", "Surat pernyataan ahli waris bermeterai"],
        [procedure_step("Ajukan berkas"), procedure_step("Verifikasi saksi"), procedure_step("Pengesahan camat")],
        (3, "hari-kerja"),
        None,
        "Surat Keterangan Ahli Waris yang disahkan camat.",
        {},
    ),
    (
        "BPBD",
        "bantuan-logistik-bencana",
        "Bantuan Logistik Korban Bencana",
        "Bantuan makanan, selimut dan terpal bagi warga terdampak banjir, longsor atau kebakaran.",
        "bantuan bencana, korban banjir, logistik",
        ["bencana", "bantuan-sosial"],
        ["kebencanaan"],
        ["Laporan kejadian dari desa", "Data warga terdampak"],
        [
            procedure_step("Lapor ke Pusdalops BPBD (24 jam)"),
            procedure_step("Kaji cepat lapangan"),
            procedure_step("Penyaluran bantuan"),
        ],
        (1, "hari-kerja"),
        None,
        "Paket bantuan logistik.",
        {},
    ),
    (
        "Diskominfo",
        "subdomain-desa",
        "Pendaftaran Subdomain Situs Desa (desa.id)",
        "Pendampingan pendaftaran alamat situs resmi desa dan pemasangan portal desa.",
        "subdomain, situs desa, website desa",
        ["perizinan"],
        ["informasi"],
        ["Surat permohonan kepala desa", "SK pengangkatan kepala desa"],
        [procedure_step("Kirim permohonan"), procedure_step("Verifikasi"), procedure_step("Aktivasi subdomain")],
        (5, "hari-kerja"),
        None,
        "Subdomain desa yang aktif.",
        {},
    ),
    (
        "Kesbangpol",
        "skt-ormas",
        "Surat Keterangan Terdaftar Organisasi Kemasyarakatan",
        "Pendaftaran organisasi kemasyarakatan (ormas) tingkat kabupaten.",
        "ormas, skt, organisasi",
        ["perizinan"],
        ["administrasi-umum"],
        ["Akta pendirian", "AD/ART", "Susunan pengurus", "Surat domisili sekretariat"],
        [procedure_step("Ajukan berkas"), procedure_step("Verifikasi"), procedure_step("Terbit SKT")],
        (7, "hari-kerja"),
        None,
        "SKT ormas.",
        {"blank": ["security_guarantee", "performance_evaluation"]},
    ),
]


def ensure_taxonomy():
    for order, (slug, name, description, keywords) in enumerate(LIFE_EVENTS):
        LifeEventFactory(slug=slug, name=name, description=description, keywords=keywords, sort_order=order)
    for order, (slug, name) in enumerate(TOPICS):
        ServiceTopicFactory(slug=slug, name=name, sort_order=order)


def ensure_catalogue(home, user):
    catalogue = ServiceCatalogPage.objects.first()
    if catalogue is None:
        catalogue = ServiceCatalogPage(
            title="Layanan",
            slug="layanan",
            intro=(
                "Semua layanan perangkat daerah Kabupaten Contoh: pilih urusan Anda, atau saring menurut OPD dan topik."
            ),
            show_in_menus=True,
        )
        home.add_child(instance=catalogue)
        catalogue.save_revision(user=user).publish(user=user)
    return catalogue


def ensure_index(opd, user):
    index = ServiceIndexPage.objects.child_of(opd).first()
    if index is None:
        section = next(s for s in standard_sections() if s.model == "services.ServiceIndexPage")
        index = opd.add_child(instance=section.new_page(intro=f"Layanan {opd.title} beserta standar pelayanannya."))
        index.save_revision(user=user).publish(user=user)
    return index


def service_fields(spec, opd, today):
    (_acronym, slug, title, summary, synonyms, _events, _topics, requirements, steps, time, fee, product, extra) = spec
    fields = {
        "title": title,
        "slug": slug,
        "summary": summary,
        "synonyms": synonyms,
        "requirements": [requirement(*item) if isinstance(item, tuple) else requirement(item) for item in requirements],
        "procedure": steps,
        "duration_value": time[0] if time else None,
        "duration_unit": time[1] if time else "hari-kerja",
        "fee_type": "gratis" if fee is None else "berbayar",
        "fee_amount": fee,
        "fee_legal_basis": (
            "Undang-Undang Nomor 24 Tahun 2013 (layanan adminduk tidak dipungut biaya)"
            if opd.acronym == "Disdukcapil"
            else "Peraturan Daerah Kabupaten Contoh Nomor 1 Tahun 2024 tentang Pajak dan Retribusi Daerah"
        ),
        "product": product,
        "complaint_portal_form": True,
        "complaint_lapor": True,
        "complaint_phone": opd.phone,
        "complaint_email": opd.email,
        "complaint_note": "Pengaduan ditanggapi paling lambat 1×24 jam pada hari kerja.",
        "legal_basis": "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik\n"
        "Peraturan Menteri PANRB Nomor 15 Tahun 2014 tentang Pedoman Standar Pelayanan",
        "facilities": "Ruang tunggu, nomor antrean, loket pelayanan, toilet, area parkir.",
        "facilities_vulnerable": "Loket prioritas, jalur landai, kursi roda dan ruang laktasi bagi disabilitas, "
        "lansia dan ibu hamil.",
        "competence": "Petugas berpendidikan paling rendah SMA, terlatih pelayanan prima.",
        "internal_supervision": f"Pengawasan oleh atasan langsung di {opd.acronym} dan Inspektorat Daerah.",
        "staff_count": 3 + len(slug) % 5,
        "service_guarantee": "Layanan diselesaikan sesuai jangka waktu dalam standar ini, tanpa pungutan di luar "
        "ketentuan.",
        "security_guarantee": "Data pribadi pemohon dijaga kerahasiaannya; ruang layanan dilengkapi APAR dan CCTV.",
        "performance_evaluation": "Survei Kepuasan Masyarakat (SKM) setiap semester, hasilnya diumumkan di portal.",
        "internal_display": "lengkap" if opd.acronym == "DPMPTSP" else "ringkas",
        "unit_name": f"Loket Pelayanan {opd.acronym}",
        "online_url": "",
        "fee_details": "",
        "sk_number": f"Keputusan Kepala {opd.acronym} Nomor 800/{len(slug) * 7}/{today.year - 1}",
        "sk_date": today - datetime.timedelta(days=300),
        "last_reviewed": today - datetime.timedelta(days=40),
    }
    for name, value in extra.items():
        if name in fields:
            fields[name] = value
    for name in extra.get("blank", []):
        fields[name] = None if name in ("staff_count", "duration_value") else ""
    if extra.get("stale"):
        fields["sk_date"] = today - datetime.timedelta(days=900)
        fields["last_reviewed"] = today - datetime.timedelta(days=500)
    return fields


def ensure_service(spec, opd, index, events, topics, user, today):
    if ServicePage.objects.child_of(index).filter(slug=spec[1]).exists():
        return False
    service = ServicePage(**service_fields(spec, opd, today), owner=user)
    service.life_events = [events[slug] for slug in spec[5]]
    service.topics = [topics[slug] for slug in spec[6]]
    index.add_child(instance=service)
    service.save_revision(user=user).publish(user=user)
    return True


def ensure_maklumat(opd, index, user, today):
    if MaklumatPage.objects.child_of(index).exists():
        return False
    maklumat = MaklumatPage(
        title="Maklumat Pelayanan",
        slug="maklumat-pelayanan",
        pledge=(
            "Dengan ini kami menyatakan sanggup menyelenggarakan pelayanan sesuai standar pelayanan yang telah "
            f"ditetapkan oleh {opd.title}.\n\n"
            "Kami akan memberikan pelayanan yang cepat, mudah, terjangkau, dan tanpa pungutan di luar ketentuan, "
            "serta menanggapi setiap pengaduan paling lambat 1×24 jam.\n\n"
            "Apabila kami tidak menepati janji ini, kami siap menerima sanksi sesuai peraturan perundang-undangan."
        ),
        place="Kota Contoh",
        signed_on=today - datetime.timedelta(days=120),
        signed_by_name=opd.head_name or f"Kepala {opd.acronym}",
        signed_by_title=opd.head_title or f"Kepala {opd.title}",
        signed_by_nip="19750101 200001 1 001",
        owner=user,
    )
    index.add_child(instance=maklumat)
    maklumat.save_revision(user=user).publish(user=user)
    return True


#: Quick link title (home.demo.QUICK_LINKS) → the service it should open.
QUICK_LINK_SERVICES = {
    "Urus KTP-el dan KK": "ktp-el",
    "Perizinan berusaha": "nib-oss",
    "Layanan kesehatan": "imunisasi-anak",
    "Bantuan sosial": "dtks",
    "Pencari kerja": "kartu-kuning",
}


def point_quick_links_at_services():
    changed = 0
    for link in QuickLink.objects.select_related("page"):
        slug = QUICK_LINK_SERVICES.get(link.title)
        service = ServicePage.objects.filter(slug=slug).first() if slug else None
        if service and link.page_id != service.pk:
            link.page = service
            link.save(update_fields=["page"])
            changed += 1
    return changed


def step(stdout=None, admin_password=None, progress=None):
    """Taxonomy, catalogue, each OPD's Layanan index, services and Maklumat; quick links to services."""
    home = HomePage.objects.first()
    if home is None:
        return {}
    today = timezone.localdate()
    user = get_user_model().objects.filter(is_superuser=True).order_by("pk").first()
    created_services = created_maklumat = 0
    with transaction.atomic():
        ensure_taxonomy()
        events = {event.slug: event for event in LifeEvent.objects.all()}
        topics = {topic.slug: topic for topic in ServiceTopic.objects.all()}
        ensure_catalogue(home, user)
        opds = {opd.acronym: opd for opd in OpdHomePage.objects.all()}
        indexes = {acronym: ensure_index(opd, user) for acronym, opd in opds.items()}
        for spec in SERVICES:
            opd = opds.get(spec[0])
            if opd is not None:
                created_services += ensure_service(spec, opd, indexes[spec[0]], events, topics, user, today)
        for acronym in sorted({spec[0] for spec in SERVICES}):
            if acronym in opds:
                created_maklumat += ensure_maklumat(opds[acronym], indexes[acronym], user, today)
        quick_links = point_quick_links_at_services()
    if stdout is not None:
        stdout.write(
            f"Layanan: {created_services} layanan baru, {created_maklumat} maklumat baru, {quick_links} tautan "
            "layanan diarahkan ke layanan. Coba /layanan/ dan /cari/?q=akta."
        )
    return {"services": created_services, "maklumat": created_maklumat}

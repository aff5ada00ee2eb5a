"""Demo step: menus, regional profile pages, officials, galleries and FAQs of Kabupaten Contoh.

Idempotent: pages are looked up by slug, and a section is filled only while it is empty. The
region step fills the Pejabat, Galeri and Tanya Jawab sections of every OPD it builds
(``fill_officials``, ``fill_gallery``, ``fill_faq`` in ``demo.region.SECTION_CONTENT``); this
step adds them to OPDs built before those sections existed, ties FAQs to services (built by the
services step), moves the OPDs' new photos into their own media collections, and builds the
regional pages and the regional gallery.
"""

import datetime
import io

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from PIL import Image, ImageDraw
from wagtail.models import Page

from faq.models import FaqItem, FaqPage
from gallery.models import AlbumPage, AlbumPhoto, AlbumVideo, GalleryIndexPage
from home.models import HomePage, NewsArchivePage, RegionalPage
from officials.models import Official, OfficialsPage
from opd_pages.models import OpdHomePage
from opd_pages.skeleton import build_sections
from opd_teams.models import OpdTeam
from services.models import ServicePage

from . import content, region
from .images import _colour, draw_picture

#: A YouTube video of the demo album (a public test pattern; it loads only when a visitor asks).
DEMO_VIDEO_URL = "https://www.youtube.com/watch?v=aqz-KE-bpKQ"

REGIONAL_PAGES = [
    (
        "profil-daerah",
        "Profil Daerah",
        "Kabupaten Contoh terletak di dataran tinggi bagian selatan provinsi, dengan 12 kecamatan, 180 desa dan "
        "sekitar 1,1 juta penduduk. Pertanian, perdagangan dan pariwisata alam menjadi penggerak ekonomi daerah.",
    ),
    (
        "visi-misi-kepala-daerah",
        "Visi dan Misi Kepala Daerah",
        "Visi: Kabupaten Contoh yang sejahtera, berdaya saing dan berakhlak. Misi: meningkatkan mutu layanan "
        "pendidikan dan kesehatan; membangun infrastruktur yang merata; menumbuhkan ekonomi kerakyatan; "
        "mewujudkan tata kelola pemerintahan yang bersih dan terbuka.",
    ),
    (
        "struktur-pemerintahan",
        "Struktur Pemerintahan",
        "Pemerintah Kabupaten Contoh dipimpin oleh Bupati dan Wakil Bupati, dibantu Sekretaris Daerah yang "
        "mengoordinasikan sekretariat, inspektorat, dinas, badan dan kecamatan. Daftar pejabat setiap perangkat "
        "daerah ada di halaman Pejabat.",
    ),
]

#: Officials every demo OPD gets below its head: (position, echelon, unit, career).
DEPUTIES = [
    ("Sekretaris", "III.a", "Sekretariat", "Kepala Bagian Umum Setda (2019–2022)\nS2 Administrasi Publik"),
    ("Kepala Bidang Pelayanan", "III.b", "Bidang Pelayanan", "Kepala Seksi Pelayanan Umum (2018–2022)"),
    ("Kepala Subbagian Umum dan Kepegawaian", "IV.a", "Sekretariat", "Analis Kepegawaian (2016–2021)"),
]
DEPUTY_NAMES = [
    "Hj. Euis Komariah, S.E.",
    "Dedi Supriadi, S.Sos., M.Si.",
    "Ratna Sari Dewi, S.AP.",
    "Iwan Ridwan, S.T.",
    "Nining Suryani, S.Kom.",
    "Asep Sunandar, S.H.",
]
#: Albums of the OPDs that have some: acronym → [(slug, title, intro, [captions], video?)].
ALBUMS = {
    "Dinkes": [
        (
            "bulan-imunisasi-anak",
            "Bulan Imunisasi Anak Nasional",
            "Petugas puskesmas memberikan imunisasi di posyandu se-Kabupaten Contoh.",
            ["Antrean imunisasi di Posyandu Melati", "Petugas memeriksa buku KIA", "Imunisasi campak-rubela"],
            True,
        ),
        (
            "pelatihan-kader-posyandu",
            "Pelatihan Kader Posyandu",
            "Seratus kader posyandu mengikuti pelatihan pemantauan tumbuh kembang balita.",
            ["Pembukaan pelatihan", "Praktik menimbang balita"],
            False,
        ),
    ],
    "Disdukcapil": [
        (
            "jemput-bola-ktp-el",
            "Jemput Bola Perekaman KTP-el",
            "Petugas merekam KTP-el warga lansia dan penyandang disabilitas di rumah mereka.",
            ["Perekaman di Desa Sukamaju", "Pencetakan KTP-el di kecamatan", "Penyerahan KTP-el"],
            False,
        )
    ],
    "Diskominfo": [
        (
            "pelatihan-operator-website-opd",
            "Pelatihan Operator Website OPD",
            "Operator seluruh OPD berlatih menulis berita dan menjaga keamanan akun.",
            ["Sesi menulis berita", "Praktik verifikasi dua langkah"],
            False,
        )
    ],
}
REGIONAL_ALBUMS = [
    (
        "hari-jadi-kabupaten-contoh",
        "Hari Jadi Kabupaten Contoh",
        "Parade budaya dan upacara peringatan hari jadi di alun-alun.",
        ["Upacara di alun-alun", "Parade budaya desa", "Pentas seni pelajar"],
        True,
    ),
    (
        "musrenbang-kabupaten",
        "Musrenbang Kabupaten",
        "Musyawarah perencanaan pembangunan bersama perwakilan kecamatan.",
        ["Pembukaan oleh Bupati", "Diskusi kelompok"],
        False,
    ),
]
#: Questions every OPD answers, and questions tied to a service: acronym → [(service slug, q, a)].
GENERAL_FAQS = [
    (
        "Kapan jam layanan {acronym}?",
        "<p>Senin–Kamis pukul 08.00–15.30 WIB dan Jumat pukul 08.00–11.30 WIB, kecuali hari libur nasional.</p>",
    ),
    (
        "Bagaimana cara menyampaikan pengaduan kepada {acronym}?",
        "<p>Lewat menu Pengaduan di portal ini: Anda mendapat nomor pelacakan dan tanggapan paling lambat "
        "1×24 jam pada hari kerja.</p>",
    ),
]
SERVICE_FAQS = {
    "Disdukcapil": [
        (
            "ktp-el",
            "Apakah membuat KTP-el dipungut biaya?",
            "<p>Tidak. Semua layanan administrasi kependudukan gratis sesuai Undang-Undang Nomor 24 Tahun 2013.</p>",
        ),
        (
            "ktp-el",
            "KTP-el saya hilang, apa yang harus dibawa?",
            "<p>Bawa Kartu Keluarga dan surat keterangan kehilangan dari kepolisian ke kantor Disdukcapil atau "
            "kecamatan.</p>",
        ),
        (
            "kartu-keluarga",
            "Berapa lama Kartu Keluarga baru selesai?",
            "<p>Satu hari kerja bila persyaratan lengkap.</p>",
        ),
    ],
    "Dinkes": [
        (
            "imunisasi-anak",
            "Di mana anak saya bisa mendapat imunisasi gratis?",
            "<p>Di puskesmas dan posyandu terdekat setiap bulan; bawa buku KIA.</p>",
        ),
        (
            "surat-keterangan-sehat",
            "Apakah surat keterangan sehat bisa dibuat di puskesmas?",
            "<p>Bisa, di semua puskesmas pada jam layanan; bawa KTP-el.</p>",
        ),
    ],
}


def draw_portrait(seed, size=(320, 400)):
    """A PNG of a portrait silhouette on a coloured background (an official's photo)."""
    base, digest = _colour(seed)
    image = Image.new("RGB", size, tuple(min(255, c + 90) for c in base))
    draw = ImageDraw.Draw(image)
    width, height = size
    skin = (214 - digest[3] % 40, 170 - digest[4] % 40, 140 - digest[5] % 40)
    draw.ellipse([width * 0.3, height * 0.15, width * 0.7, height * 0.5], fill=skin)
    draw.ellipse([width * 0.1, height * 0.55, width * 0.9, height * 1.3], fill=base)
    draw.polygon(
        [(width * 0.42, height * 0.56), (width * 0.58, height * 0.56), (width * 0.5, height * 0.8)], fill="white"
    )
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    buffer.seek(0)
    return buffer


def publish(page, user):
    page.save_revision(user=user, log_action=True).publish(user=user)


def fill_officials(page, opd, spec, user, today):
    """The OPD's head (with a photo) and three officials below, if the page has none yet."""
    if page.officials.exists():
        return
    acronym = opd.acronym
    photo = region.get_or_create_image(
        f"Foto {opd.head_title or 'Kepala'} {acronym}",
        lambda: draw_portrait(f"kepala-{acronym}"),
        f"foto-kepala-{acronym.lower()}.png",
    )
    rows = [
        Official(
            name=spec.get("head_name") or opd.head_name or f"Kepala {acronym}",
            position=spec.get("head_title") or opd.head_title or f"Kepala {opd.title}",
            echelon="II.a" if opd.kind != "kecamatan" else "III.a",
            is_head=True,
            photo=photo,
            phone=opd.phone,
            email=opd.email,
            career="Sekretaris dinas (2018–2021)\nKepala bidang (2014–2018)\nS2 Administrasi Publik",
        )
    ]
    offset = len(acronym)
    for number, (position, echelon, unit, career) in enumerate(DEPUTIES):
        rows.append(
            Official(
                name=DEPUTY_NAMES[(offset + number) % len(DEPUTY_NAMES)],
                position=f"{position} {acronym}" if position == "Sekretaris" else position,
                echelon=echelon,
                unit=unit,
                email=f"{unit.split()[-1].lower()}.{acronym.lower()}@contohkab.go.id",
                career=career,
            )
        )
    page.officials = rows
    page.intro = f"Pimpinan dan pejabat struktural {opd.title}."
    publish(page, user)


def album_rows(slug, captions, with_video):
    photos = []
    for number, caption in enumerate(captions, start=1):
        image = region.get_or_create_image(
            f"{caption} ({slug})", lambda c=caption, n=number: draw_picture(f"{slug}-{n}", c), f"{slug}-{number}.jpg"
        )
        photos.append(AlbumPhoto(image=image, caption=caption))
    videos = [AlbumVideo(title="Video kegiatan", url=DEMO_VIDEO_URL)] if with_video else []
    return photos, videos


def ensure_album(index, spec, user, date):
    slug, title, intro, captions, with_video = spec
    album = AlbumPage.objects.child_of(index).filter(slug=slug).first()
    if album is not None:
        return album
    photos, videos = album_rows(slug, captions, with_video)
    album = AlbumPage(title=title, slug=slug, intro=intro, date=date)
    album.photos = photos
    album.videos = videos
    index.add_child(instance=album)
    publish(album, user)
    return album


def fill_gallery(page, opd, spec, user, today):
    for number, album in enumerate(ALBUMS.get(opd.acronym, [])):
        ensure_album(page, album, user, today - datetime.timedelta(days=10 + 20 * number))


def fill_faq(page, opd, spec, user, today):
    if page.questions.exists():
        return
    page.questions = [
        FaqItem(question=question.format(acronym=opd.acronym), answer=answer) for question, answer in GENERAL_FAQS
    ]
    page.intro = f"Pertanyaan yang sering diajukan warga kepada {opd.acronym}."
    publish(page, user)


def add_service_faqs(opd, user):
    """FAQs tied to the OPD's services (after the services step built them); once."""
    page = FaqPage.objects.child_of(opd).first()
    specs = SERVICE_FAQS.get(opd.acronym, [])
    if page is None or not specs or page.questions.filter(service__isnull=False).exists():
        return
    rows = list(page.questions.all())
    for slug, question, answer in specs:
        service = ServicePage.objects.descendant_of(opd).filter(slug=slug).first()
        if service is not None:
            rows.append(FaqItem(question=question, answer=answer, service=service))
    page.questions = rows
    publish(page, user)


SECTION_FILLERS = {OfficialsPage: fill_officials, GalleryIndexPage: fill_gallery, FaqPage: fill_faq}


def ensure_regional_pages(home, user):
    parent = home
    for slug, title, text in REGIONAL_PAGES:
        page = RegionalPage.objects.filter(slug=slug).first()
        if page is None:
            page = RegionalPage(
                title=title,
                slug=slug,
                show_in_menus=parent is home,
                body=[("paragraph", f"<p>{text}</p>")],
                last_reviewed=timezone.localdate(),
            )
            parent.add_child(instance=page)
            publish(page, user)
        if parent is home:
            parent = page


def ensure_regional_gallery(home, user):
    index = GalleryIndexPage.objects.child_of(home).first()
    if index is None:
        index = GalleryIndexPage(
            title="Galeri",
            slug="galeri",
            show_in_menus=True,
            intro="Foto dan video kegiatan Pemerintah Kabupaten Contoh dan seluruh perangkat daerah.",
        )
        home.add_child(instance=index)
        publish(index, user)
    today = timezone.localdate()
    for number, album in enumerate(REGIONAL_ALBUMS):
        ensure_album(index, album, user, today - datetime.timedelta(days=5 + 30 * number))
    return index


def show_in_menu(page, user):
    if page is not None and not page.show_in_menus:
        page.show_in_menus = True
        publish(page, user)


def move_photos_into_collections():
    """Photos of an OPD's officials and albums belong in the OPD's own media collection."""
    from wagtail.images import get_image_model

    images = get_image_model().objects
    for team in OpdTeam.objects.select_related("opd", "collection"):
        ids = set(Official.objects.filter(page__path__startswith=team.opd.path).values_list("photo", flat=True))
        ids |= set(AlbumPhoto.objects.filter(page__path__startswith=team.opd.path).values_list("image", flat=True))
        images.filter(pk__in=ids - {None}).exclude(collection=team.collection).update(collection=team.collection)


def step(stdout=None, admin_password=None, progress=None):
    home = HomePage.objects.first()
    if home is None:
        return {}
    user = get_user_model().objects.filter(is_superuser=True).order_by("pk").first()
    specs = {spec["acronym"]: spec for spec in content.OPDS}
    today = timezone.localdate()
    with transaction.atomic():
        ensure_regional_pages(home, user)
        ensure_regional_gallery(home, user)
        show_in_menu(NewsArchivePage.objects.child_of(home).first(), user)
        for opd in OpdHomePage.objects.order_by("path"):
            build_sections(opd, user)
            for page in Page.objects.child_of(opd).specific():
                filler = SECTION_FILLERS.get(type(page))
                if filler is not None:
                    filler(page, opd, specs.get(opd.acronym, {}), user, today)
            add_service_faqs(opd, user)
        move_photos_into_collections()
    return {"officials": Official.objects.count(), "albums": AlbumPage.objects.count()}

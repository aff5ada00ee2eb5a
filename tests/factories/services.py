"""Factories for the service taxonomy and pages (tests and the demo region).

To be moved under ``tests/factories/`` with the other factories by the lead.
"""

import datetime

import factory
import wagtail_factories
from django.utils import timezone
from django.utils.text import slugify

from services.models import LifeEvent, MaklumatPage, ServiceCatalogPage, ServiceIndexPage, ServicePage, ServiceTopic


class LifeEventFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"urusan {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))

    class Meta:
        model = LifeEvent
        django_get_or_create = ("slug",)


class ServiceTopicFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Topik {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))

    class Meta:
        model = ServiceTopic
        django_get_or_create = ("slug",)


class ServiceCatalogPageFactory(wagtail_factories.PageFactory):
    title = "Layanan"
    slug = "layanan"
    intro = "Semua layanan perangkat daerah di satu tempat."

    class Meta:
        model = ServiceCatalogPage


class ServiceIndexPageFactory(wagtail_factories.PageFactory):
    title = "Layanan"
    slug = "layanan"

    class Meta:
        model = ServiceIndexPage


def requirement(text, note="", form=None):
    return ("item", {"text": text, "note": note, "form": form})


def step(title, description=""):
    return ("step", {"title": title, "description": description})


class ServicePageFactory(wagtail_factories.PageFactory):
    """A service with all fourteen components filled and reviewed recently (score 100)."""

    title = factory.Sequence(lambda n: f"Layanan nomor {n}")
    summary = "Layanan bagi warga yang membutuhkan dokumen resmi."
    requirements = factory.LazyFunction(lambda: [requirement("Fotokopi KTP-el"), requirement("Fotokopi KK")])
    procedure = factory.LazyFunction(lambda: [step("Ambil nomor antrean"), step("Serahkan berkas di loket")])
    duration_value = 3
    duration_unit = "hari-kerja"
    fee_type = "gratis"
    fee_legal_basis = "Peraturan Daerah Nomor 1 Tahun 2024"
    product = "Dokumen resmi yang ditandatangani secara elektronik."
    complaint_portal_form = True
    complaint_lapor = True
    complaint_phone = "0812 0000 0000"
    complaint_email = "pengaduan@contohkab.go.id"
    legal_basis = "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik"
    facilities = "Ruang tunggu ber-AC, loket antrean, toilet."
    facilities_vulnerable = "Loket prioritas, kursi roda dan jalur landai bagi penyandang disabilitas dan lansia."
    competence = "Petugas terlatih pelayanan prima dan aplikasi SIAK."
    internal_supervision = "Pengawasan atasan langsung dan Inspektorat Daerah."
    staff_count = 4
    service_guarantee = (
        "Layanan diselesaikan sesuai jangka waktu; bila terlambat, kepala unit menjelaskan kepada pemohon."
    )
    security_guarantee = "Data pemohon dijaga kerahasiaannya; gedung dilengkapi alat pemadam kebakaran."
    performance_evaluation = "Survei Kepuasan Masyarakat setiap semester."
    unit_name = "Loket Pelayanan"
    sk_number = "SK Kepala Dinas Nomor 100/2025"
    sk_date = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=200))
    last_reviewed = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=30))

    class Meta:
        model = ServicePage


class MaklumatPageFactory(wagtail_factories.PageFactory):
    title = "Maklumat Pelayanan"
    slug = "maklumat-pelayanan"
    pledge = (
        "Dengan ini kami menyatakan sanggup menyelenggarakan pelayanan sesuai standar pelayanan yang telah "
        "ditetapkan.\n\nApabila tidak menepati janji ini, kami siap menerima sanksi sesuai peraturan "
        "perundang-undangan yang berlaku."
    )
    place = "Kota Contoh"
    signed_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=100))
    signed_by_name = "dr. Siti Aminah, M.Kes."
    signed_by_title = "Kepala Dinas"

    class Meta:
        model = MaklumatPage


def service_index_of(opd):
    """The Layanan index of an OPD built by tests.factories.opd_pages.make_opd_section (its standard section)."""
    return ServiceIndexPage.objects.child_of(opd).get()

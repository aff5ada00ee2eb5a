"""Factories for the PPID section, its documents and information requests (tests and demo)."""

import datetime

import factory
import wagtail_factories
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model

from ppid.models import (
    ApplicantKind,
    Classification,
    DeliveryMethod,
    DocumentKind,
    InformationRequest,
    PpidIndexPage,
    PublicDocumentPage,
    ReceiveMethod,
)


class PpidIndexPageFactory(wagtail_factories.PageFactory):
    title = "PPID"
    slug = "ppid"
    intro = "Layanan informasi publik."
    officer_name = "Sekretaris Dinas"
    superior_name = "Kepala Dinas"

    class Meta:
        model = PpidIndexPage


class DocumentKindFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Jenis {n}")

    class Meta:
        model = DocumentKind
        django_get_or_create = ("name",)


class DocumentFileFactory(factory.django.DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Berkas {n}")
    file = factory.LazyAttribute(lambda o: ContentFile(b"%PDF-1.4\n% dokumen contoh\n", name=f"{o.title}.pdf"))

    class Meta:
        model = get_document_model()


class PublicDocumentPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Dokumen publik {n}")
    kind = factory.LazyFunction(lambda: DocumentKind.objects.order_by("sort_order").first())
    number = factory.Sequence(lambda n: f"050/{n}/2026")
    year = factory.LazyFunction(lambda: timezone.localdate().year)
    document_date = factory.LazyFunction(timezone.localdate)
    summary = "Ringkasan isi dokumen untuk warga."
    classification = Classification.BERKALA
    refreshed_on = factory.LazyFunction(timezone.localdate)
    document = factory.LazyAttribute(
        lambda o: None if o.classification == Classification.DIKECUALIKAN else DocumentFileFactory()
    )
    consequence_test = factory.LazyAttribute(
        lambda o: (
            "Pasal 17 huruf h UU 14/2008: membuka data pribadi."
            if o.classification == Classification.DIKECUALIKAN
            else ""
        )
    )

    class Meta:
        model = PublicDocumentPage


def file_request(opd, received_at=None, **fields):
    """A stored request filed at ``received_at`` (default now), through the same path as the form.

    The citizen's token is kept on the returned object as ``token`` (tests and demo only).
    """
    values = {
        "applicant_kind": ApplicantKind.PERSON,
        "contact_name": "Siti Warga",
        "identity_number": "3201234567890001",
        "address": "Jl. Melati 5, Kel. Contoh",
        "contact_email": "siti@example.com",
        "contact_phone": "081234567890",
        "information": "Salinan DPA tahun berjalan.",
        "purpose": "Kajian anggaran kesehatan.",
        "receive_method": ReceiveMethod.SOFT_COPY,
        "delivery_method": DeliveryMethod.EMAIL,
        "received_at": received_at or timezone.now(),
        **fields,
    }
    info_request, token = InformationRequest.file(opd=opd, **values)
    info_request.token = token
    return info_request


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)

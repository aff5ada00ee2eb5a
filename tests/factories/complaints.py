"""Factories for complaints (tests and the demo): categories and reports stored the real way."""

import factory
from django.utils import timezone

from casework.intake import store_case
from complaints.models import Complaint, ComplaintCategory


class ComplaintCategoryFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Kategori {n}")
    description = "Contoh masalah"

    class Meta:
        model = ComplaintCategory
        django_get_or_create = ("name",)


class ComplaintFactory(factory.django.DjangoModelFactory):
    """A report stored through ``casework.intake.store_case`` (number, token, first event, deadline)."""

    title = factory.Sequence(lambda n: f"Jalan berlubang nomor {n}")
    description = "Jalan di depan sekolah berlubang besar dan membahayakan pengendara motor."
    kelurahan = "Sukamaju"
    contact_name = "Siti Warga"
    contact_email = factory.Sequence(lambda n: f"warga{n}@contoh.id")
    received_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = Complaint

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        from complaints.services import apply_deadline

        case = model_class(*args, **kwargs)
        apply_deadline(case)
        case.access_token = store_case(case)
        return case

"""Factories for OPD teams (groups and media collection only; permissions come from onboarding)."""

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Collection

from opd_teams.models import OpdTeam


def _child_collection(name):
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=name).first()
    return existing or root.add_child(name=name)


class OpdTeamFactory(factory.django.DjangoModelFactory):
    opd = None  # pass the OpdHomePage
    admin_group = factory.LazyAttribute(lambda o: Group.objects.get_or_create(name=f"{o.opd.acronym} — Admin")[0])
    operator_group = factory.LazyAttribute(lambda o: Group.objects.get_or_create(name=f"{o.opd.acronym} — Operator")[0])
    collection = factory.LazyAttribute(lambda o: _child_collection(o.opd.acronym))

    class Meta:
        model = OpdTeam
        django_get_or_create = ("opd",)


class UserFactory(factory.django.DjangoModelFactory):
    username = factory.Sequence(lambda n: f"pengguna{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@contohkab.go.id")
    first_name = "Pengguna"
    password = factory.PostGenerationMethodCall("set_password", "sandi-uji-12345")

    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):  # noqa: N805
        if create:
            obj.save()

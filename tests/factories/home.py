"""Factories for the regional home page and region identity (used by tests and the demo)."""

import factory
import wagtail_factories
from wagtail.models import Site

from home.models import HomePage, RegionalPage, RegionSettings


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Beranda"
    slug = "beranda"
    intro = "Selamat datang di portal resmi pemerintah daerah."

    class Meta:
        model = HomePage


class RegionalPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Halaman daerah {n}")

    class Meta:
        model = RegionalPage


class RegionSettingsFactory(factory.django.DjangoModelFactory):
    site = factory.LazyFunction(lambda: Site.objects.get(is_default_site=True))
    name = "Kabupaten Contoh"
    kind = "kabupaten"
    government_name = "Pemerintah Kabupaten Contoh"
    address = "Jl. Merdeka No. 1, Kota Contoh"
    phone = "(0123) 456789"
    email = "info@contohkab.go.id"

    class Meta:
        model = RegionSettings
        django_get_or_create = ("site",)


def make_region_site(home=None, **home_kwargs):
    """A regional home page attached as the default site; returns the home page."""
    from wagtail.models import Page

    root = Page.get_first_root_node()
    welcome_pages = list(root.get_children().exact_type(Page))
    if home is None:
        home = HomePageFactory(parent=root, **home_kwargs)
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Portal"}
    )
    for page in welcome_pages:
        page.delete()
    return home

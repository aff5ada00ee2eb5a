"""Factories for OPD sections and their pages (used by tests and the demo region)."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone

from opd_pages.models import (
    AnnouncementIndexPage,
    AnnouncementPage,
    EventIndexPage,
    EventPage,
    NewsIndexPage,
    NewsPage,
    OpdHomePage,
    ProfilePage,
    ProfileType,
)
from opd_pages.skeleton import standard_sections


class OpdHomePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Dinas Contoh {n}")
    acronym = factory.Sequence(lambda n: f"Dinas{n}")
    slug = factory.LazyAttribute(lambda o: o.acronym.lower())
    kind = "dinas"
    intro = "Melayani masyarakat dengan sepenuh hati."
    address = "Jl. Pahlawan No. 10"
    phone = "(0123) 111222"
    email = factory.LazyAttribute(lambda o: f"{o.acronym.lower()}@contohkab.go.id")
    service_hours = "Senin–Kamis: 08.00–15.30\nJumat: 08.00–11.30"

    class Meta:
        model = OpdHomePage


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "Berita"
    slug = "berita"

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Berita kegiatan nomor {n}")
    date = factory.LazyFunction(timezone.localdate)
    lead = "Kegiatan pelayanan masyarakat berjalan lancar."

    class Meta:
        model = NewsPage


class AnnouncementIndexPageFactory(wagtail_factories.PageFactory):
    title = "Pengumuman"
    slug = "pengumuman"

    class Meta:
        model = AnnouncementIndexPage


class AnnouncementPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Pengumuman nomor {n}")
    date = factory.LazyFunction(timezone.localdate)
    valid_until = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))
    lead = "Diberitahukan kepada masyarakat."

    class Meta:
        model = AnnouncementPage


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Agenda"
    slug = "agenda"

    class Meta:
        model = EventIndexPage


class EventPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Agenda kegiatan {n}")
    start = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7))
    end = factory.LazyAttribute(lambda o: o.start + datetime.timedelta(hours=3))
    location = "Aula Kantor Bupati"
    lead = "Acara terbuka untuk umum."

    class Meta:
        model = EventPage


class ProfilePageFactory(wagtail_factories.PageFactory):
    title = "Sejarah"
    profile_type = ProfileType.SEJARAH

    class Meta:
        model = ProfilePage


#: Factories for standard sections that have one; other sections are created plainly.
SECTION_FACTORIES = {
    "opd_pages.NewsIndexPage": NewsIndexPageFactory,
    "opd_pages.AnnouncementIndexPage": AnnouncementIndexPageFactory,
    "opd_pages.EventIndexPage": EventIndexPageFactory,
}


def make_opd_section(home, acronym, title=None, kind="dinas", news=0, **opd_kwargs):
    """An OPD home with its standard sections (:mod:`opd_pages.skeleton`), plus ``news`` news items."""
    opd = OpdHomePageFactory(parent=home, acronym=acronym, title=title or f"Dinas {acronym}", kind=kind, **opd_kwargs)
    for section in standard_sections():
        factory_class = SECTION_FACTORIES.get(section.model)
        if factory_class is not None:
            factory_class(parent=opd, title=section.title, slug=section.slug)
        else:
            opd.add_child(instance=section.new_page())
    news_index = NewsIndexPage.objects.child_of(opd).get()
    for _ in range(news):
        NewsPageFactory(parent=news_index)
    return opd

"""A region with services: OPD sections (each with its Layanan index), the catalogue and the taxonomy."""

from tests.factories.services import (
    LifeEventFactory,
    MaklumatPageFactory,
    ServiceCatalogPageFactory,
    ServicePageFactory,
    ServiceTopicFactory,
    service_index_of,
)
from tests.trees import build_region_tree


def build_service_region(opd_count=3, services_per_opd=2, news_per_opd=1):
    """(home, opds, catalogue, kelahiran, topic); every OPD gets services and a signed Maklumat."""
    home, opds = build_region_tree(opd_count=0)
    catalogue = ServiceCatalogPageFactory(parent=home)
    kelahiran = LifeEventFactory(name="kelahiran", slug="kelahiran", keywords="lahir, bayi")
    topic = ServiceTopicFactory(name="Kependudukan", slug="kependudukan")
    for _ in range(opd_count):
        opds.append(add_opd_with_services(home, len(opds), services_per_opd, news_per_opd, [kelahiran], [topic]))
    return home, opds, catalogue, kelahiran, topic


def add_opd_with_services(home, number, services_per_opd, news_per_opd, events, topics):
    from tests.factories.opd_pages import make_opd_section

    opd = make_opd_section(home, acronym=f"Dinas{number}", title=f"Dinas Nomor {number}", news=news_per_opd)
    index = service_index_of(opd)
    for position in range(services_per_opd):
        service = ServicePageFactory(parent=index, title=f"Layanan {position} dari Dinas {number}")
        service.life_events.set(events)
        service.topics.set(topics)
        service.save()
    MaklumatPageFactory(parent=index)
    return opd

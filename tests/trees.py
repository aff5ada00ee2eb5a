"""Page trees shared by tests: a region with N OPD sections, built with the app factories."""

from tests.factories.home import RegionSettingsFactory, make_region_site
from tests.factories.opd_pages import make_opd_section


def build_region_tree(opd_count=3, news_per_opd=2):
    """A regional home with ``opd_count`` OPD sections; returns (home, [opd, …])."""
    home = make_region_site()
    RegionSettingsFactory()
    opds = [
        make_opd_section(home, acronym=f"Opd{n}", title=f"Dinas Nomor {n}", news=news_per_opd) for n in range(opd_count)
    ]
    return home, opds

"""Layanan: public services with their Standar Pelayanan, the OPD's Maklumat and the regional catalogue.

Tree (enforced by ``parent_page_types``/``subpage_types``)::

    HomePage (home)
    ├── ServiceCatalogPage "Layanan"     /layanan/: every service of the region, max one
    └── OpdHomePage (opd_pages)
        └── ServiceIndexPage "Layanan"   a standard section of every OPD (opd_pages.skeleton)
            ├── ServicePage              one service with the 14 Standar Pelayanan components
            └── MaklumatPage             the OPD's service pledge, max one per OPD

Topics and life events (``ServiceTopic``, ``LifeEvent``) are snippets managed by Diskominfo/humas.
"""

from .catalogue import ServiceCatalogPage
from .maklumat import MaklumatPage
from .service import DurationUnit, FeeType, InternalDisplay, ServiceIndexPage, ServicePage
from .taxonomy import LifeEvent, ServiceTopic

__all__ = [
    "DurationUnit",
    "FeeType",
    "InternalDisplay",
    "LifeEvent",
    "MaklumatPage",
    "ServiceCatalogPage",
    "ServiceIndexPage",
    "ServicePage",
    "ServiceTopic",
]

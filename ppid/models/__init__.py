"""PPID models: the document library (pages) and the information requests (see each module).

Tree::

    OpdHomePage (opd_pages)
    └── PpidIndexPage "PPID"          one per OPD (at Diskominfo: the PPID Utama)
        └── PublicDocumentPage         a document with its PPID classification
"""

from .library import (
    BERKALA_REFRESH_MONTHS,
    Classification,
    DocumentKind,
    PpidIndexPage,
    PublicDocumentPage,
    stale_before,
)
from .requests import (
    AnswerKind,
    ApplicantKind,
    DeliveryMethod,
    InformationRequest,
    Objection,
    ObjectionOutcome,
    ObjectionReason,
    ReceiveMethod,
    RequestEvent,
    RequestStatus,
)

__all__ = [
    "AnswerKind",
    "ApplicantKind",
    "DeliveryMethod",
    "InformationRequest",
    "Objection",
    "ObjectionOutcome",
    "ObjectionReason",
    "ReceiveMethod",
    "RequestEvent",
    "RequestStatus",
    "BERKALA_REFRESH_MONTHS",
    "Classification",
    "DocumentKind",
    "PpidIndexPage",
    "PublicDocumentPage",
    "stale_before",
]

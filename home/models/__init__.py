"""Models of the regional level: home page, Semua berita, region identity and humas' curation.

Depends on ``core`` and ``opd_pages`` (the OPD sections it gathers); nothing in those apps
imports from ``home`` except the tree rules that name its page types by string.
"""

from .archive import NewsArchiveFilters, NewsArchivePage
from .curation import (
    AlertLevel,
    Highlight,
    PinnedAnnouncement,
    ProposalDecision,
    QuickLink,
    RegionAlert,
    is_published,
)
from .region import HomePage, RegionalPage, RegionKind, RegionSettings, validate_government_email

__all__ = [
    "AlertLevel",
    "Highlight",
    "HomePage",
    "NewsArchiveFilters",
    "NewsArchivePage",
    "PinnedAnnouncement",
    "ProposalDecision",
    "QuickLink",
    "RegionAlert",
    "RegionKind",
    "RegionSettings",
    "RegionalPage",
    "is_published",
    "validate_government_email",
]

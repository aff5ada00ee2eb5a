"""Page types of an OPD section: its home, news, announcements, events and profile pages.

Tree (enforced by ``parent_page_types``/``subpage_types``)::

    HomePage (home)
    └── OpdHomePage                  one per OPD, slug = acronym
        ├── NewsIndexPage "Berita"   max one per OPD
        │   └── NewsPage
        ├── AnnouncementIndexPage "Pengumuman"
        │   └── AnnouncementPage
        ├── EventIndexPage "Agenda"
        │   └── EventPage
        └── ProfilePage              Sejarah, Visi & Misi, Struktur, Tupoksi, Kontak, …
            └── ProfilePage          sub-pages of a *Lainnya* page (nesting further)
"""

from .announcements import AnnouncementIndexPage, AnnouncementPage
from .events import EventIndexPage, EventPage
from .news import NewsIndexPage, NewsPage, NewsPageTag
from .opd import OpdContentMixin, OpdHomePage, OpdKind, attach_opds
from .profile import ProfilePage, ProfileType

__all__ = [
    "AnnouncementIndexPage",
    "AnnouncementPage",
    "EventIndexPage",
    "EventPage",
    "NewsIndexPage",
    "NewsPage",
    "NewsPageTag",
    "OpdContentMixin",
    "OpdHomePage",
    "OpdKind",
    "ProfilePage",
    "ProfileType",
    "attach_opds",
]

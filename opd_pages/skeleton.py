"""The OPD skeleton: the standard sections every OPD gets, defined once.

Onboarding, the demo, the benchmark filler and the test factories all build an OPD's sections
from :func:`standard_sections`. An app that adds a section (Layanan, PPID, …) registers it in its
``AppConfig.ready()`` with :func:`register_section`; that also allows the page type under
``OpdHomePage``. Mandatory profile pages (drafts the OPD fills in) are added by
:func:`build_sections` too.
"""

from dataclasses import dataclass

from django.apps import apps


@dataclass(frozen=True)
class Section:
    """One standard section: a page type with its title and slug under the OPD home."""

    model: str  # "app_label.ModelName"
    title: str  # the page title citizens read (the public site is Indonesian: not translated)
    slug: str
    order: int = 100
    publish: bool = True

    @property
    def page_class(self):
        return apps.get_model(self.model)

    def new_page(self, **fields):
        """An unsaved page of this section, ready for ``opd.add_child(instance=...)``."""
        return self.page_class(title=self.title, slug=self.slug, show_in_menus=True, **fields)


_sections: dict[str, Section] = {}
_allowed: set[str] = set()


def register_section(section):
    """Make ``section`` part of every OPD (idempotent; later registrations replace earlier ones)."""
    _sections[section.model.lower()] = section
    _allow_under_opd_home(section.model)


def allow_page_type(model):
    """Allow the page type ``model`` ("app_label.ModelName") directly under every OPD home (idempotent).

    For page types an OPD may add when it needs one (a survey form), not part of the skeleton.
    """
    _allowed.add(model)
    _allow_under_opd_home(model)


def _allow_under_opd_home(model):
    from .models import OpdHomePage

    if model not in OpdHomePage.subpage_types:
        OpdHomePage.subpage_types.append(model)
        OpdHomePage._clean_subpage_models = None


def optional_page_types():
    """Page classes allowed under an OPD home with :func:`allow_page_type` that are not sections."""
    sections = {section.model for section in _sections.values()}
    return {apps.get_model(model) for model in _allowed - sections}


def standard_sections():
    """The registered sections in menu order."""
    return sorted(_sections.values(), key=lambda section: (section.order, section.slug))


def build_sections(opd, user=None):
    """Create the sections ``opd`` lacks (published when the section says so) and its profile drafts.

    Idempotent: a section whose page type already exists under ``opd`` is left alone.
    Returns the created section pages.
    """
    existing = set(opd.get_children().values_list("content_type__app_label", "content_type__model"))
    created = []
    for section in standard_sections():
        model = section.page_class
        if (model._meta.app_label, model._meta.model_name) in existing:
            continue
        page = opd.add_child(instance=section.new_page(live=section.publish))
        revision = page.save_revision(user=user, log_action=True)
        if section.publish:
            revision.publish(user=user)
        created.append(page)
    add_missing_profile_pages(opd, user)
    return created


def add_missing_profile_pages(opd, user=None):
    """Mandatory profile pages the OPD lacks, as drafts (they need the OPD's own content)."""
    from .models.profile import MANDATORY_PROFILE_TYPES, ProfilePage

    existing = set(ProfilePage.objects.child_of(opd).values_list("profile_type", flat=True))
    for profile_type in MANDATORY_PROFILE_TYPES:
        if profile_type in existing:
            continue
        page = opd.add_child(
            instance=ProfilePage(
                title=str(profile_type.label), slug=profile_type.value, profile_type=profile_type, live=False
            )
        )
        page.save_revision(user=user, log_action=True)

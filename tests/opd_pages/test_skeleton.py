"""One OPD skeleton: a section registered once appears in onboarding, factories, demo and filler."""

from contextlib import contextmanager
from io import StringIO
from unittest import mock

from django.core.management import call_command
from django.test import TestCase
from wagtail.models import Page

from demo import content
from home.models import RegionalPage
from opd_pages import skeleton
from opd_pages.models import OpdHomePage
from opd_teams.onboarding import onboard_opd
from tests.factories.home import make_region_site
from tests.factories.opd_pages import make_opd_section

#: A section another app would register in its ``ready()`` (as services registers "Layanan"). The
#: page type is an existing one so the test needs no model of its own.
EXTRA = skeleton.Section("home.RegionalPage", "Sambutan", "sambutan", order=16)


@contextmanager
def extra_section_registered():
    """Register ``EXTRA`` as an app would, and undo it afterwards (the registry is process-wide)."""
    subpage_types = list(OpdHomePage.subpage_types)
    with mock.patch.dict(skeleton._sections):
        skeleton.register_section(EXTRA)
        try:
            yield
        finally:
            OpdHomePage.subpage_types[:] = subpage_types
            OpdHomePage._clean_subpage_models = None


class SkeletonRegistryTests(TestCase):
    def assert_has_extra_section(self, opd):
        section = Page.objects.child_of(opd).get(slug="sambutan")
        self.assertIs(section.specific_class, RegionalPage)
        self.assertEqual(section.title, "Sambutan")

    def test_standard_sections_are_in_menu_order(self):
        with extra_section_registered():
            slugs = [section.slug for section in skeleton.standard_sections()]
        self.assertEqual(slugs[:4], ["berita", "layanan", "sambutan", "pengumuman"])
        self.assertEqual(
            slugs,
            [
                section.slug
                for section in sorted(skeleton.standard_sections() + [EXTRA], key=lambda s: (s.order, s.slug))
            ],
        )

    def test_registering_allows_the_page_type_under_an_opd_home(self):
        # The section's own model still names OpdHomePage in its parent_page_types.
        with extra_section_registered():
            self.assertIn(RegionalPage, OpdHomePage.clean_subpage_models())
        self.assertNotIn(RegionalPage, OpdHomePage.clean_subpage_models())

    def test_onboarding_builds_a_registered_section(self):
        make_region_site()
        with extra_section_registered():
            result = onboard_opd(
                title="Dinas Perikanan",
                acronym="Diskan",
                kind="dinas",
                admin_emails=["a@contohkab.go.id", "b@contohkab.go.id"],
                invite=False,
            )
        self.assert_has_extra_section(result.team.opd)
        self.assertTrue(Page.objects.child_of(result.team.opd).get(slug="sambutan").live)

    def test_factories_build_a_registered_section(self):
        home = make_region_site()
        with extra_section_registered():
            opd = make_opd_section(home, acronym="Diskan")
        self.assert_has_extra_section(opd)

    def test_demo_builds_a_registered_section(self):
        with extra_section_registered(), mock.patch.object(content, "OPDS", content.OPDS[:1]):
            call_command("load_demo", stdout=StringIO(), verbosity=0)
        self.assert_has_extra_section(OpdHomePage.objects.get())

    def test_filler_builds_a_registered_section(self):
        with extra_section_registered():
            call_command("fill_region", opds=2, news=2, stdout=StringIO(), verbosity=0)
        for opd in OpdHomePage.objects.all():
            with self.subTest(opd=opd.acronym):
                self.assert_has_extra_section(opd)
        self.assertEqual(Page.find_problems(), ([], [], [], [], []))

    def test_without_registration_no_place_builds_it(self):
        home = make_region_site()
        opd = make_opd_section(home, acronym="Diskan")
        self.assertFalse(Page.objects.child_of(opd).filter(slug="sambutan").exists())

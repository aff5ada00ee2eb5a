"""Each isolation seam is guarded: remove it and a test here fails.

* ``core.models.BasePage.permissions_for_user`` (the page tester, Wagtail's per-class seam);
* ``construct_admin_api`` (opd_teams.admin_api: pages, images, documents);
* the one remaining patch, :mod:`opd_teams.wagtail_patches` (the shared page policy).
The page-scope middleware, the chooser hook, the chooser templates and the tag autocomplete
are guarded by tests/opd_teams/test_isolation.py.
"""

from django.apps import apps
from django.contrib.auth.models import Group
from django.test import TestCase
from django.urls import reverse
from wagtail.models import Page, PagePermissionTester
from wagtail.permissions import page_permission_policy

from core.models import BasePage
from opd_teams.models import HUMAS_GROUP
from opd_teams.permissions import RegionScopedPagePermissionPolicy, RegionScopedPagePermissionTester
from tests.factories.opd_teams import UserFactory

from .helpers import build_onboarded_region


class SeamsTest(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, (cls.a, cls.b) = build_onboarded_region(2)
        cls.humas = UserFactory(username="humas.seam")
        cls.humas.groups.add(Group.objects.get(name=HUMAS_GROUP))

    def test_every_page_type_of_the_portal_is_a_base_page(self):
        page_models = [model for model in apps.get_models() if issubclass(model, Page) and model is not Page]
        self.assertGreater(len(page_models), 5)
        for model in page_models:
            with self.subTest(model=model.__name__):
                self.assertTrue(issubclass(model, BasePage))

    def test_wagtail_page_is_not_patched(self):
        self.assertEqual(Page.__dict__["permissions_for_user"].__module__, "wagtail.models.pages")

    def test_the_base_page_tester_seam_stops_humas_at_the_opd_border(self):
        for page in (self.a.opd, self.a.draft, Page.objects.get(pk=self.a.live_news.pk)):
            with self.subTest(page=page.title, specific=type(page).__name__):
                tester = page.permissions_for_user(self.humas)  # a plain Page is cast by Wagtail
                self.assertIsInstance(tester, RegionScopedPagePermissionTester)
                self.assertEqual(tester.permissions, set())
                self.assertFalse(tester.can_edit())
        self.assertTrue(self.home.specific.permissions_for_user(self.humas).can_edit())

    def test_the_admin_api_seam_scopes_pages_and_media(self):
        self.client.force_login(self.humas)
        listing = self.client.get(reverse("wagtailadmin_api:pages:listing"), {"child_of": self.a.news_index.pk})
        # The OPD's index is not even a parent humas may list (Wagtail's answer: 400).
        self.assertEqual(listing.status_code, 400)
        search = self.client.get(reverse("wagtailadmin_api:pages:listing"), {"search": "Draf"})
        self.assertEqual(search.status_code, 200)
        self.assertNotIn(self.a.draft.pk, {item["id"] for item in search.json()["items"]})
        self.client.force_login(self.a.operator)
        images = self.client.get(reverse("wagtailadmin_api:images:listing"))
        self.assertContains(images, self.a.image.title)
        self.assertNotContains(images, self.b.image.title)
        documents = self.client.get(reverse("wagtailadmin_api:documents:listing"))
        self.assertContains(documents, self.a.document.title)
        self.assertNotContains(documents, self.b.document.title)

    def test_the_one_patch_scopes_the_shared_policy(self):
        self.assertIsInstance(page_permission_policy, RegionScopedPagePermissionPolicy)
        explorable = page_permission_policy.explorable_instances(self.humas)
        self.assertFalse(explorable.filter(pk=self.a.draft.pk).exists())
        self.client.force_login(self.humas)
        response = self.client.get(reverse("wagtailadmin_pages:search"), {"q": "Draf"})
        self.assertNotContains(response, self.a.draft.title)

    def test_an_unscoped_tester_would_have_granted_humas_the_opd(self):
        """The control: Wagtail's own tester does reach into the OPD, so the tests above can fail."""
        self.assertTrue(PagePermissionTester(self.humas, self.a.draft).permissions)

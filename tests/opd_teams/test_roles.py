"""Platform groups, and Humas whose rights on the regional home stop at every OPD border."""

from django.contrib.auth.models import Group
from django.test import TestCase, override_settings
from django.urls import reverse
from wagtail.models import GroupCollectionPermission, GroupPagePermission, Page
from wagtail.permissions import page_permission_policy

from opd_teams.models import DISKOMINFO_GROUP, HUMAS_GROUP
from opd_teams.roles import ensure_platform_groups, regional_collection
from tests.factories.home import RegionalPageFactory
from tests.factories.opd_teams import UserFactory

from .helpers import assert_denied, build_onboarded_region


class PlatformGroupsTest(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.sections = build_onboarded_region(2)

    def test_ensure_platform_groups_is_idempotent(self):
        counts = (Group.objects.count(), GroupPagePermission.objects.count(), GroupCollectionPermission.objects.count())
        ensure_platform_groups()
        ensure_platform_groups()
        self.assertEqual(
            (Group.objects.count(), GroupPagePermission.objects.count(), GroupCollectionPermission.objects.count()),
            counts,
        )

    def test_diskominfo_manages_users_and_holds_root_page_permissions(self):
        diskominfo = Group.objects.get(name=DISKOMINFO_GROUP)
        self.assertTrue(diskominfo.permissions.filter(codename="change_user").exists())
        self.assertTrue(GroupPagePermission.objects.filter(group=diskominfo, page=Page.get_first_root_node()).exists())

    def test_humas_holds_the_configured_model_permissions(self):
        humas = Group.objects.get(name=HUMAS_GROUP)
        self.assertTrue(humas.permissions.filter(content_type__app_label="home", codename="change_regionsettings"))
        self.assertFalse(humas.permissions.filter(codename__in=["change_user", "add_group"]).exists())

    @override_settings(PORTAL_HUMAS_PERMISSIONS=["home.change_regionsettings", "wagtailredirects.add_redirect"])
    def test_other_apps_can_append_humas_permissions(self):
        ensure_platform_groups()
        humas = Group.objects.get(name=HUMAS_GROUP)
        self.assertTrue(humas.permissions.filter(codename="add_redirect").exists())

    def test_humas_media_permissions_live_in_the_regional_collection_not_the_root(self):
        humas = Group.objects.get(name=HUMAS_GROUP)
        collections = set(GroupCollectionPermission.objects.filter(group=humas).values_list("collection", flat=True))
        self.assertEqual(collections, {regional_collection().pk})


class HumasScopeTest(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, (cls.a, cls.b) = build_onboarded_region(2)
        cls.regional = RegionalPageFactory(parent=cls.home, title="Tentang Kabupaten")
        cls.humas = UserFactory(username="humas.uji")
        cls.humas.groups.add(Group.objects.get(name=HUMAS_GROUP))

    def test_humas_edits_the_regional_home_and_regional_pages(self):
        for page in (self.home, self.regional):
            with self.subTest(page=page.title):
                permissions = page.permissions_for_user(self.humas)
                self.assertTrue(permissions.can_edit())
                self.assertTrue(permissions.can_publish())
        self.assertTrue(self.home.permissions_for_user(self.humas).can_add_subpage())

    def test_humas_holds_nothing_inside_an_opd_subtree(self):
        for page in (self.a.opd, self.a.news_index, self.a.live_news, self.b.draft):
            with self.subTest(page=page.title):
                permissions = page.specific.permissions_for_user(self.humas)
                self.assertEqual(permissions.permissions, set())
                self.assertFalse(permissions.can_edit())
                self.assertFalse(permissions.can_publish())
                self.assertFalse(permissions.can_add_subpage())
                self.assertFalse(permissions.can_delete())
                self.assertFalse(page_permission_policy.user_has_permission_for_instance(self.humas, "change", page))

    def test_policy_querysets_leave_opd_subtrees_out(self):
        editable = page_permission_policy.instances_user_has_permission_for(self.humas, "change")
        self.assertIn(self.home.pk, editable.values_list("pk", flat=True))
        self.assertIn(self.regional.pk, editable.values_list("pk", flat=True))
        opd_pages = Page.objects.descendant_of(self.a.opd, inclusive=True)
        self.assertFalse(editable.filter(pk__in=opd_pages.values("pk")).exists())
        explorable = page_permission_policy.explorable_instances(self.humas)
        self.assertFalse(explorable.filter(pk=self.b.draft.pk).exists())

    def test_humas_is_denied_opd_admin_urls_and_can_edit_the_home(self):
        self.client.force_login(self.humas)
        self.assertEqual(self.client.get(reverse("wagtailadmin_pages:edit", args=[self.home.pk])).status_code, 200)
        for name in ("wagtailadmin_pages:edit", "wagtailadmin_pages:delete", "wagtailadmin_pages:history"):
            with self.subTest(name):
                assert_denied(self, self.client.get(reverse(name, args=[self.a.live_news.pk])))
        response = self.client.post(
            reverse("wagtailadmin_pages:edit", args=[self.a.live_news.pk]),
            {"title": "Diubah humas", "slug": "diubah"},
        )
        self.assertEqual(response.status_code, 403)
        self.a.live_news.refresh_from_db()
        self.assertNotEqual(self.a.live_news.title, "Diubah humas")

    def test_humas_can_choose_published_opd_pages_to_feature(self):
        self.client.force_login(self.humas)
        response = self.client.get(reverse("wagtailadmin_choose_page_search"), {"q": "Berita"})
        self.assertContains(response, self.a.live_news.title)
        response = self.client.get(reverse("wagtailadmin_choose_page_search"), {"q": "Draf"})
        self.assertNotContains(response, self.a.draft.title)

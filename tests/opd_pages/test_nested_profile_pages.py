"""Profile pages nest: a *Lainnya* page holds sub-pages, listed under its body; OPD isolation holds."""

from django.contrib.auth import get_user_model
from django.test import override_settings
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, streamfield

from monitoring.scorecard import build_scorecards
from opd_pages.models import ProfilePage
from opd_pages.skeleton import add_missing_profile_pages, build_sections
from tests.factories.opd_pages import ProfilePageFactory
from tests.opd_teams.helpers import PASSWORD, Section, assert_denied
from tests.trees import build_region_tree


class NestedProfilePageTest(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        from opd_teams.roles import ensure_platform_groups

        cls.home, (cls.opd, cls.other_opd) = build_region_tree(opd_count=2, news_per_opd=0)
        ensure_platform_groups()
        cls.mine, cls.theirs = Section(cls.opd), Section(cls.other_opd)
        cls.layanan = ProfilePageFactory(
            parent=cls.opd, title="Informasi Layanan", slug="informasi", profile_type="lainnya"
        )
        cls.kesehatan = ProfilePageFactory(
            parent=cls.layanan, title="Layanan Kesehatan", slug="kesehatan", profile_type="lainnya"
        )
        cls.draft = ProfilePageFactory(
            parent=cls.layanan, title="Draf subhalaman", slug="draf", live=False, profile_type="lainnya"
        )
        cls.their_page = ProfilePageFactory(
            parent=cls.other_opd, title="Layanan B", slug="layanan-b", profile_type="lainnya"
        )
        cls.superuser = get_user_model().objects.create_superuser("root", "r@contohkab.go.id", "rahasia-123")

    def test_a_profile_page_lists_its_live_subpages_only(self):
        response = self.client.get(self.layanan.url)
        self.assertContains(response, "Subhalaman")
        self.assertContains(response, f'href="{self.kesehatan.url}"')
        self.assertNotContains(response, "Draf subhalaman")
        self.assertEqual(self.kesehatan.url, f"/{self.opd.slug}/informasi/kesehatan/")
        self.assertEqual(self.client.get(self.kesehatan.url).status_code, 200)
        self.assertNotContains(self.client.get(self.kesehatan.url), "Subhalaman")  # no sub-pages, no list

    def test_a_sub_page_is_part_of_its_opd(self):
        self.assertEqual(ProfilePage.objects.get(pk=self.kesehatan.pk).opd.pk, self.opd.pk)

    def test_a_mandatory_type_under_a_profile_page_is_refused_with_a_clear_message(self):
        self.client.force_login(self.superuser)
        response = self.client.post(
            f"/admin/pages/add/opd_pages/profilepage/{self.layanan.pk}/",
            nested_form_data(
                {
                    "title": "Sejarah",
                    "slug": "sejarah-x",
                    "profile_type": "sejarah",
                    "body": streamfield([]),
                    "review_interval_months": "12",
                }
            ),
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "harus langsung di bawah beranda OPD")
        self.assertFalse(ProfilePage.objects.child_of(self.layanan).filter(profile_type="sejarah").exists())

    def test_the_opd_editor_can_add_a_sub_page_in_the_admin(self):
        self.client.login(username=self.mine.admin.username, password=PASSWORD)
        response = self.client.post(
            f"/admin/pages/add/opd_pages/profilepage/{self.layanan.pk}/",
            nested_form_data(
                {
                    "title": "Layanan Sosial",
                    "slug": "sosial",
                    "profile_type": "lainnya",
                    "body": streamfield([]),
                    "review_interval_months": "12",
                }
            ),
        )
        self.assertEqual(response.status_code, 302, response.content[:500])
        self.assertTrue(ProfilePage.objects.child_of(self.layanan).filter(slug="sosial").exists())

    def test_an_editor_of_another_opd_cannot_add_a_sub_page_to_this_opds_page(self):
        self.client.login(username=self.theirs.admin.username, password=PASSWORD)
        before = Page.objects.count()
        url = f"/admin/pages/add/opd_pages/profilepage/{self.layanan.pk}/"
        assert_denied(self, self.client.get(url), "GET")
        data = nested_form_data(
            {"title": "Sisipan", "slug": "sisipan", "profile_type": "lainnya", "body": streamfield([])}
        )
        assert_denied(self, self.client.post(url, data), "POST")
        assert_denied(self, self.client.get(f"/admin/pages/{self.layanan.pk}/add_subpage/"), "add_subpage")
        # Moving this OPD's sub-page out, or their own page in under this OPD's page: both refused.
        for page, target in ((self.kesehatan, self.their_page), (self.their_page, self.layanan)):
            url = reverse("wagtailadmin_pages:move_confirm", args=[page.pk, target.pk])
            assert_denied(self, self.client.get(url), url)
            assert_denied(self, self.client.post(url), url)
        self.assertEqual(Page.objects.get(pk=self.their_page.pk).get_parent().pk, self.other_opd.pk)
        self.assertEqual(Page.objects.count(), before)
        self.assertEqual(Page.objects.get(pk=self.kesehatan.pk).get_parent().pk, self.layanan.pk)

    def test_onboarding_skeleton_and_scorecard_only_look_directly_under_the_opd_home(self):
        # Written around the form (as a script could): a live, filled-in "Sejarah" deep in the tree.
        nested = ProfilePageFactory(
            parent=self.layanan, title="Sejarah bersarang", slug="sejarah", profile_type="sejarah",
            body=[("paragraph", "<p>Isi</p>")],
        )  # fmt: skip
        before = Page.objects.count()
        self.assertEqual(build_sections(self.opd), [])
        add_missing_profile_pages(self.opd)
        self.assertEqual(Page.objects.count(), before)  # the OPD's own Sejarah draft is still the one
        (card,) = build_scorecards([self.opd])
        sejarah = [issue for issue in card.profile_issues if issue.label == "Sejarah"]
        self.assertEqual([issue.problem for issue in sejarah], ["hilang"])  # the nested one does not count
        self.assertTrue(nested.live)

    @override_settings(PORTAL_PAGE_CACHE_SECONDS=0)  # measure the rendering, not the page cache
    def test_the_subpage_list_costs_the_same_queries_for_3_or_30_subpages(self):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        def queries_with(count):
            parent = ProfilePageFactory(
                parent=self.opd, title=f"Induk {count}", slug=f"induk-{count}", profile_type="lainnya"
            )
            for number in range(count):
                ProfilePageFactory(parent=parent, title=f"Sub {number}", slug=f"sub-{number}", profile_type="lainnya")
            self.client.get(parent.url)  # warm the caches shared by every page
            with CaptureQueriesContext(connection) as captured:
                response = self.client.get(parent.url)
            self.assertContains(response, f"Sub {count - 1}")
            self.assertNotIn("X-Page-Cache", response)
            return len(captured)

        self.assertEqual(queries_with(3), queries_with(30))

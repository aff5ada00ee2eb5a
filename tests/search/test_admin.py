"""Admin side of the search: the synonym list, the query report, search promotions, the demo step."""

import io

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.test import TestCase
from django.urls import reverse
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from demo.search import step
from search.models import QueryStat, Synonym
from tests.trees import build_region_tree


class SynonymAdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, (cls.opd,) = build_region_tree(opd_count=1, news_per_opd=0)
        cls.superuser = get_user_model().objects.create_superuser("diskominfo", "d@contohkab.go.id", "rahasia-123")
        editors = Group.objects.create(name="Operator OPD")
        editors.permissions.add(Permission.objects.get(codename="access_admin"))
        cls.operator = get_user_model().objects.create_user("operator", "o@contohkab.go.id", "rahasia-123")
        cls.operator.groups.add(editors)

    def test_diskominfo_lists_and_adds_synonyms_and_search_uses_them_at_once(self):
        self.client.force_login(self.superuser)
        listing = self.client.get(reverse("wagtailsnippets_search_synonym:list"))
        self.assertContains(listing, "akta")
        found = self.client.get(reverse("wagtailsnippets_search_synonym:list"), {"q": "penduduk"})
        self.assertContains(found, "kartu tanda penduduk")
        self.assertNotContains(found, "badan usaha milik desa")
        response = self.client.post(
            reverse("wagtailsnippets_search_synonym:add"),
            {"term": "SAMSAT", "equivalents": "sistem administrasi manunggal satu atap\npajak kendaraan"},
        )
        self.assertEqual(response.status_code, 302)
        from search.synonyms import expand

        self.assertIn(("pajak", "kendaraan"), expand(["samsat"])[0])

    def test_a_synonym_without_equivalents_is_refused_with_a_message(self):
        self.client.force_login(self.superuser)
        response = self.client.post(reverse("wagtailsnippets_search_synonym:add"), {"term": "x", "equivalents": " \n "})
        self.assertEqual(response.status_code, 200)
        self.assertFalse(Synonym.objects.filter(term="x").exists())

    def test_report_shows_popular_and_zero_result_queries(self):
        QueryStat.record("ktp", found=True)
        QueryStat.record("ktp", found=True)
        QueryStat.record("sertifikat vaksin", found=False)
        self.client.force_login(self.superuser)
        response = self.client.get(reverse("search_query_report"))
        self.assertContains(response, "Pencarian tanpa hasil")
        self.assertEqual([row["query"] for row in response.context["zero_results"]], ["sertifikat vaksin"])
        self.assertEqual([row["query"] for row in response.context["popular"]][:1], ["ktp"])

    def test_operators_cannot_open_the_report_or_the_synonyms(self):
        self.client.force_login(self.operator)
        report = self.client.get(reverse("search_query_report"))
        self.assertIn(report.status_code, (302, 403))  # Wagtail turns PermissionDenied into a redirect
        self.assertNotContains(report, "Pencarian tanpa hasil", status_code=report.status_code)
        response = self.client.get(reverse("wagtailsnippets_search_synonym:list"))
        self.assertNotEqual(response.status_code, 200)

    def test_promoted_result_shows_above_the_results(self):
        SearchPromotion.objects.create(
            query=Query.get("kontak dinas"), page=self.opd, description="Alamat dan telepon.", sort_order=0
        )
        response = self.client.get(reverse("search"), {"q": "Kontak  Dinas"})
        self.assertContains(response, "Rekomendasi")
        self.assertContains(response, "Alamat dan telepon.")
        self.assertEqual(response.context["outcome"].promotions[0].page.pk, self.opd.pk)

    def test_demo_step_is_idempotent(self):
        out = io.StringIO()
        first = step(stdout=out)
        second = step(stdout=io.StringIO())
        self.assertEqual(second["promotions"], 0)
        self.assertEqual(second["synonyms"], 0)
        self.assertGreaterEqual(first["synonyms"], 0)
        self.assertIn("Laporan pencarian", out.getvalue())

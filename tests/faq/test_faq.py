"""FAQ: questions per OPD and per service page, FAQPage structured data, who may edit them."""

import json
import re

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import querydict_from_html

from faq.models import FaqItem, FaqPage
from opd_pages.models import OpdHomePage
from tests.factories.services import ServicePageFactory, service_index_of
from tests.opd_teams.helpers import assert_denied, build_onboarded_region
from tests.trees import build_region_tree

FREE = "<p>Tidak. Layanan adminduk <b>gratis</b>.</p>"


def faq_page_of(opd):
    return FaqPage.objects.child_of(opd).get()


def publish_questions(opd, rows, live=True):
    page = faq_page_of(opd)
    page.questions = [FaqItem(**row) for row in rows]
    revision = page.save_revision()
    if live:
        revision.publish()
    return page


def json_ld_blocks(response):
    html = response.content.decode()
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(block) for block in blocks]


class FaqPageTypeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, (cls.opd,) = build_region_tree(opd_count=1, news_per_opd=0)
        cls.page = publish_questions(cls.opd, [{"question": "Apakah gratis?", "answer": FREE}])

    def test_tree_rules_and_forms(self):
        from django.contrib.auth import get_user_model

        self.assertAllowedParentPageTypes(FaqPage, {OpdHomePage})
        self.assertAllowedSubpageTypes(FaqPage, set())
        self.assertFalse(FaqPage.can_create_at(self.opd))
        superuser = get_user_model().objects.create_superuser("root", "r@contohkab.go.id", "sandi-12345")
        self.assertPageIsRenderable(self.page)
        for check in (self.assertPageIsEditable, self.assertPageIsPreviewable):
            self.client.force_login(superuser)
            html = self.client.get(f"/admin/pages/{self.page.pk}/edit/").content.decode()
            check(self.page, post_data=querydict_from_html(html, form_id="page-edit-form"), user=superuser)


class FaqPublicTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, (cls.opd, cls.other) = build_region_tree(opd_count=2, news_per_opd=0)
        cls.service = ServicePageFactory(parent=service_index_of(cls.opd), title="KTP-el", slug="ktp-el")
        cls.other_service = ServicePageFactory(parent=service_index_of(cls.opd), title="Kartu Keluarga", slug="kk")
        cls.page = publish_questions(
            cls.opd,
            [
                {"question": "Jam layanan kapan?", "answer": "<p>Senin–Jumat.</p>"},
                {"question": "Apakah membuat KTP-el dipungut biaya?", "answer": FREE, "service": cls.service},
            ],
        )
        publish_questions(cls.other, [{"question": "Pertanyaan draf OPD lain", "answer": "<p>x</p>"}], live=False)

    def test_faq_page_answers_without_javascript_and_describes_itself_as_faqpage(self):
        response = self.client.get(self.page.url)
        self.assertContains(response, '<summary class="faq__question">Apakah membuat KTP-el dipungut biaya?</summary>')
        self.assertContains(response, "<b>gratis</b>")
        faq = next(block for block in json_ld_blocks(response) if block.get("@type") == "FAQPage")
        self.assertEqual(faq["@context"], "https://schema.org")
        self.assertEqual(
            [(q["@type"], q["name"]) for q in faq["mainEntity"]],
            [("Question", "Jam layanan kapan?"), ("Question", "Apakah membuat KTP-el dipungut biaya?")],
        )
        self.assertIn("gratis", faq["mainEntity"][1]["acceptedAnswer"]["text"])
        self.assertNotIn("unsafe-inline", response["Content-Security-Policy"])

    def test_service_page_shows_its_own_questions_with_faqpage_data(self):
        response = self.client.get(self.service.url)
        self.assertContains(response, "Apakah membuat KTP-el dipungut biaya?")
        self.assertNotContains(response, "Jam layanan kapan?")
        types = [block.get("@type") for block in json_ld_blocks(response)]
        self.assertEqual(types, ["GovernmentService", "FAQPage"])
        other = self.client.get(self.other_service.url)
        self.assertNotContains(other, "Tanya jawab")
        self.assertEqual([block.get("@type") for block in json_ld_blocks(other)], ["GovernmentService"])

    def test_answers_cannot_close_the_json_ld_script(self):
        publish_questions(self.opd, [{"question": "</script><script>alert(1)</script>", "answer": FREE}])
        response = self.client.get(self.page.url)
        self.assertNotContains(response, "<script>alert(1)")
        self.assertEqual(json_ld_blocks(response)[-1]["mainEntity"][0]["name"], "</script><script>alert(1)</script>")

    def test_draft_questions_of_another_opd_show_nowhere(self):
        self.assertNotContains(self.client.get(faq_page_of(self.other).url), "Pertanyaan draf OPD lain")

    def test_a_service_page_costs_one_query_for_its_questions(self):
        def count():
            self.client.get(self.service.url)
            with CaptureQueriesContext(connection) as queries:
                self.client.get(self.service.url)
            return [q["sql"] for q in queries.captured_queries]

        with_questions = count()
        FaqItem.objects.all().delete()
        without = count()
        self.assertEqual(len(with_questions), len(without))  # the question query runs either way


class FaqPermissionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, (cls.mine, cls.theirs, _third) = build_onboarded_region(opd_count=3)
        cls.their_service = ServicePageFactory(parent=service_index_of(cls.theirs.opd), title="Layanan OPD lain")
        cls.my_service = ServicePageFactory(parent=service_index_of(cls.mine.opd), title="Layanan sendiri")
        cls.their_page = publish_questions(cls.theirs.opd, [{"question": "Tanya milik OPD lain", "answer": FREE}])
        cls.my_page = publish_questions(cls.mine.opd, [{"question": "Tanya sendiri", "answer": FREE}])

    def test_another_opds_team_cannot_edit_or_delete_their_questions(self):
        page = self.their_page
        urls = [
            ("get", f"/admin/pages/{page.pk}/edit/"),
            ("post", f"/admin/pages/{page.pk}/edit/"),
            ("post", f"/admin/pages/{page.pk}/edit/preview/"),
            ("post", f"/admin/pages/{page.pk}/delete/"),
            ("post", f"/admin/pages/{page.pk}/unpublish/"),
            ("get", f"/admin/pages/{page.pk}/history/"),
        ]
        for user in (self.mine.operator, self.mine.admin):
            self.client.force_login(user)
            for method, url in urls:
                with self.subTest(user=user.username, url=url):
                    response = getattr(self.client, method)(url, {"title": "Dibajak"} if method == "post" else {})
                    if response.status_code != 404:
                        assert_denied(self, response, url)
        self.assertEqual(FaqItem.objects.get(page=page).question, "Tanya milik OPD lain")

    def test_a_question_cannot_be_tied_to_another_opds_service(self):
        self.client.force_login(self.mine.admin)
        html = self.client.get(f"/admin/pages/{self.my_page.pk}/edit/").content.decode()
        data = querydict_from_html(html, form_id="page-edit-form")
        data["questions-0-service"] = str(self.their_service.pk)
        data["action-publish"] = "Publish"
        response = self.client.post(f"/admin/pages/{self.my_page.pk}/edit/", data)
        self.assertContains(response, "Pilih layanan OPD ini sendiri.")
        self.assertIsNone(FaqItem.objects.get(page=self.my_page).service)

        data["questions-0-service"] = str(self.my_service.pk)
        response = self.client.post(f"/admin/pages/{self.my_page.pk}/edit/", data)
        self.assertEqual(response.status_code, 302)
        self.assertEqual(FaqItem.objects.get(page=self.my_page).service_id, self.my_service.pk)

"""OPD forms: the citizen's submission (stored first, spam rules) and the team-only admin views."""

import io
from unittest import mock

import openpyxl
from django.core.cache import cache
from django.test import TestCase, override_settings
from wagtail.test.utils import WagtailPageTestCase

from opd_forms.models import OpdFormPage, OpdFormSubmission
from opd_pages.models import NewsIndexPage, OpdHomePage
from outbox.models import OutgoingMail
from tests.factories.opd_forms import make_survey
from tests.opd_teams.helpers import assert_denied, build_onboarded_region

QUESTION = "seberapa_puas_anda_dengan_layanan_kami"


def answers(**overrides):
    data = {"nama": "Siti Aminah", QUESTION: "Puas", "saran": "Antrean pagi bisa dipercepat.", "situs_web": ""}
    data.update(overrides)
    return data


class FormPageTypeTests(WagtailPageTestCase):
    def test_a_form_is_allowed_only_directly_under_an_opd_home(self):
        self.assertAllowedParentPageTypes(OpdFormPage, {OpdHomePage})
        self.assertAllowedSubpageTypes(OpdFormPage, set())
        self.assertCanCreateAt(OpdHomePage, OpdFormPage)
        self.assertCanNotCreateAt(NewsIndexPage, OpdFormPage)


class CitizenSubmissionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, (cls.a, cls.b) = build_onboarded_region(2)
        cls.survey = make_survey(cls.a.opd, to_address="layanan@dinkes.contohkab.go.id")

    def setUp(self):
        cache.clear()

    def test_form_page_renders_every_question_and_is_never_cached(self):
        response = self.client.get(self.survey.url)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Seberapa puas Anda dengan layanan kami?")
        self.assertContains(response, "<legend>Seberapa puas Anda dengan layanan kami?")
        self.assertIn("no-cache", response["Cache-Control"])
        self.assertIn('name="csrfmiddlewaretoken"', response.content.decode())

    def test_a_valid_submission_is_stored_then_the_notification_is_queued(self):
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(self.survey.url, answers())
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Terima kasih, isian Anda sudah kami terima.")
        submission = OpdFormSubmission.objects.get(page=self.survey)
        self.assertEqual(submission.form_data["nama"], "Siti Aminah")
        self.assertNotIn("situs_web", submission.form_data)
        self.assertEqual(len(submission.client_key), 64)
        mail = OutgoingMail.objects.get(kind="opd_forms")
        self.assertEqual(mail.to, ["layanan@dinkes.contohkab.go.id"])
        self.assertIn("Siti Aminah", mail.body)

    def test_a_failing_outbox_loses_no_submission(self):
        with mock.patch("outbox.mail.OutgoingMail.objects.create", side_effect=RuntimeError("mail store down")):
            response = self.client.post(self.survey.url, answers())
        self.assertEqual(response.status_code, 200)
        self.assertEqual(OpdFormSubmission.objects.filter(page=self.survey).count(), 1)

    def test_missing_required_answer_keeps_the_other_answers(self):
        response = self.client.post(self.survey.url, answers(nama=""))
        self.assertEqual(response.status_code, 400)
        self.assertContains(response, "Periksa kembali isian", status_code=400)
        self.assertContains(response, "Antrean pagi bisa dipercepat.", status_code=400)
        self.assertFalse(OpdFormSubmission.objects.exists())

    def test_honeypot_spam_and_quota_are_refused_with_a_message(self):
        with self.subTest("honeypot"):
            response = self.client.post(self.survey.url, answers(situs_web="http://spam.example"))
            self.assertContains(response, "Jangan isi kolom ini", status_code=400)
        with self.subTest("judi online"):
            response = self.client.post(self.survey.url, answers(saran="Situs slot gacor maxwin, daftar di togel88"))
            self.assertContains(response, "judi daring", status_code=400)
        self.assertFalse(OpdFormSubmission.objects.exists())
        with self.subTest("quota"), override_settings(PORTAL_FORMS_QUOTA=2):
            for _number in range(2):
                self.assertEqual(self.client.post(self.survey.url, answers()).status_code, 200)
            response = self.client.post(self.survey.url, answers())
            self.assertContains(response, "Terlalu banyak isian", status_code=429)
            self.assertEqual(OpdFormSubmission.objects.count(), 2)

    def test_a_closed_form_accepts_nothing(self):
        OpdFormPage.objects.filter(pk=self.survey.pk).update(closes_at="2020-01-01T00:00:00Z")
        self.assertContains(self.client.get(self.survey.url), "sudah ditutup")
        response = self.client.post(self.survey.url, answers())
        self.assertContains(response, "sudah ditutup", status_code=410)
        self.assertFalse(OpdFormSubmission.objects.exists())


class SubmissionAccessTests(TestCase):
    """Only the OPD's own team reads, exports or deletes its submissions; every admin URL is tried."""

    @classmethod
    def setUpTestData(cls):
        cls.home, (cls.a, cls.b) = build_onboarded_region(2)
        cls.survey = make_survey(cls.a.opd)
        cls.submission = OpdFormSubmission.objects.create(
            page=cls.survey, form_data={"nama": '=HYPERLINK("http://jahat")', QUESTION: "Puas", "saran": "+1"}
        )

    def urls(self):
        base = f"/admin/forms/submissions/{self.survey.pk}/"
        return {
            "listing": base,
            "results": base + "results/",
            "csv": base + "?export=csv",
            "xlsx": base + "?export=xlsx",
            "delete": base + f"delete/?selected-submissions={self.submission.pk}",
        }

    def test_own_admin_and_operator_list_and_export(self):
        for user in (self.a.admin, self.a.operator):
            with self.subTest(user=user.username):
                self.client.force_login(user)
                self.assertContains(self.client.get("/admin/forms/"), self.survey.title)
                for name, url in self.urls().items():
                    self.assertEqual(self.client.get(url).status_code, 200, name)

    def test_csv_export_is_formula_safe_and_xlsx_holds_the_answers(self):
        self.client.force_login(self.a.admin)
        csv_text = b"".join(self.client.get(self.urls()["csv"]).streaming_content).decode()
        self.assertIn("'=HYPERLINK", csv_text)
        self.assertIn(",'+1", csv_text)
        self.assertNotIn(",=HYPERLINK", csv_text)
        xlsx = b"".join(self.client.get(self.urls()["xlsx"]).streaming_content)
        workbook = openpyxl.load_workbook(io.BytesIO(xlsx))
        values = [cell.value for row in workbook.active.iter_rows() for cell in row]
        self.assertIn("Puas", values)

    def test_another_opds_team_gets_nothing_on_any_submission_url(self):
        for user in (self.b.admin, self.b.operator):
            self.client.force_login(user)
            with self.subTest(user=user.username, url="index"):
                response = self.client.get("/admin/forms/")
                self.assertNotContains(response, self.survey.title)
            for name, url in self.urls().items():
                with self.subTest(user=user.username, url=name):
                    response = self.client.get(url)
                    self.assertIn(response.status_code, (302, 403, 404), name)
                    if response.status_code == 302:
                        assert_denied(self, response, name)
                    self.assertNotIn(b"HYPERLINK", b"".join(getattr(response, "streaming_content", [response.content])))
            with self.subTest(user=user.username, url="delete (POST)"):
                response = self.client.post(self.urls()["delete"])
                self.assertIn(response.status_code, (302, 403, 404))
                if response.status_code == 302:
                    assert_denied(self, response, "delete")
        self.assertTrue(OpdFormSubmission.objects.filter(pk=self.submission.pk).exists())

    def test_own_admin_deletes_a_submission(self):
        self.client.force_login(self.a.admin)
        response = self.client.post(self.urls()["delete"])
        self.assertEqual(response.status_code, 302)
        self.assertFalse(OpdFormSubmission.objects.filter(pk=self.submission.pk).exists())


class FormEditorTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, (cls.a, cls.b) = build_onboarded_region(2)
        cls.survey = make_survey(cls.a.opd)

    def test_opd_admin_builds_a_form_in_the_admin_and_it_renders(self):
        from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

        self.client.force_login(self.a.admin)
        self.assertCanCreate(
            self.a.opd,
            OpdFormPage,
            nested_form_data(
                {
                    "title": "Pendaftaran Posyandu",
                    "slug": "pendaftaran-posyandu",
                    "intro": rich_text("<p>Daftarkan balita Anda.</p>"),
                    "thank_you_text": rich_text("<p>Sampai jumpa di posyandu.</p>"),
                    "to_address": "",
                    "subject": "",
                    "review_interval_months": "12",
                    "form_fields": inline_formset(
                        [{"label": "Nama balita", "field_type": "singleline", "required": "on"}]
                    ),
                }
            ),
        )
        page = OpdFormPage.objects.get(slug="pendaftaran-posyandu")
        self.assertEqual(page.get_parent().specific, self.a.opd)
        self.assertPageIsRenderable(self.survey)
        self.assertPageIsPreviewable(self.survey, mode="form", user=self.a.admin)

    def test_another_opd_cannot_add_a_form_under_this_opd(self):
        self.client.force_login(self.b.admin)
        response = self.client.get(f"/admin/pages/add/opd_forms/opdformpage/{self.a.opd.pk}/")
        self.assertIn(response.status_code, (302, 403))
        if response.status_code == 302:
            assert_denied(self, response)

"""A citizen on a 360 px phone without JavaScript answers a survey and says whether a page helped; axe and HTML."""

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from opd_forms.models import OpdFormSubmission
from opd_pages.models import NewsPage, OpdHomePage
from page_feedback.models import PageFeedback
from tests.factories.opd_forms import make_survey

from .base import PHONE, BrowserTestCase
from .test_services import BLOCKING_IMPACTS, nu_html_errors


class SurveyAndFeedbackJourneyTests(BrowserTestCase):
    def setUp(self):
        super().setUp()
        self.dinkes = OpdHomePage.objects.get(acronym="Dinkes")
        self.survey = make_survey(self.dinkes)
        self.news = NewsPage.objects.live().descendant_of(self.dinkes).order_by("-date").first()

    def test_citizen_submits_the_survey_and_a_membantu_vote_without_javascript(self):
        page = self.new_page(PHONE, javascript=False)
        page.goto(self.url(self.survey.url))
        expect(page.get_by_role("heading", level=1)).to_have_text("Survei Kepuasan Masyarakat")
        self.screenshot(page, "formulir-1-survei")
        wide = page.evaluate(
            "[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 361)"
            ".map(e => e.tagName + '.' + e.className + '#' + e.id).slice(0, 8)"
        )
        self.assertLessEqual(page.evaluate("document.documentElement.scrollWidth"), PHONE["width"], wide)

        page.get_by_role("button", name="Kirim").click()  # nothing filled in: told what is missing
        expect(page.get_by_role("alert")).to_contain_text("Periksa kembali isian")
        page.get_by_label("Nama", exact=False).fill("Siti Aminah")
        page.get_by_role("radio", name="Puas", exact=True).check()
        page.get_by_label("Saran", exact=True).fill("Antrean pagi bisa dipercepat.")
        page.get_by_role("button", name="Kirim").click()
        expect(page.get_by_role("status")).to_contain_text("Terima kasih, isian Anda sudah kami terima.")
        submission = OpdFormSubmission.objects.get(page=self.survey)
        self.assertEqual(submission.form_data["nama"], "Siti Aminah")
        self.assertEqual(submission.form_data["seberapa_puas_anda_dengan_layanan_kami"], "Puas")
        self.screenshot(page, "formulir-2-terima-kasih")

        page.goto(self.url(self.news.url))
        feedback = page.locator(".page-feedback")
        expect(feedback.get_by_role("heading")).to_have_text("Apakah halaman ini membantu?")
        feedback.get_by_label("Komentar (opsional)").fill("Jadwalnya jelas.")
        self.screenshot(page, "membantu-1-formulir")
        feedback.get_by_role("button", name="Ya, membantu").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Terima kasih atas penilaian Anda")
        vote = PageFeedback.objects.get()
        self.assertEqual(
            (vote.page_id, vote.opd_id, vote.helpful, vote.comment),
            (self.news.pk, self.dinkes.pk, True, "Jadwalnya jelas."),
        )
        page.get_by_role("link", name=f'Kembali ke "{self.news.title}"').click()
        expect(page.get_by_role("heading", level=1)).to_have_text(self.news.title)

    def test_form_and_feedback_pages_pass_axe_and_the_html_checker(self):
        checker = self.new_page(PHONE)
        documents = {}
        for name, path in (("formulir", self.survey.url), ("berita", self.news.url)):
            with self.subTest(page=name):
                response = checker.goto(self.url(path))
                documents[name] = response.text()  # the HTML as served, before any script ran
                results = Axe().run(checker).response
                self.assertGreater(len(results["passes"]), 10)
                blocking = [v["id"] for v in results["violations"] if v["impact"] in BLOCKING_IMPACTS]
                self.assertEqual(blocking, [])
        checker.goto(self.url(self.survey.url))
        with checker.expect_response(lambda response: response.request.method == "POST") as posted:
            checker.get_by_role("button", name="Kirim").click()
        expect(checker.get_by_role("alert")).to_contain_text("Periksa kembali isian")
        results = Axe().run(checker).response
        self.assertEqual([v["id"] for v in results["violations"] if v["impact"] in BLOCKING_IMPACTS], [])
        documents["formulir dengan galat"] = posted.value.text()
        self.maxDiff = None
        self.assertEqual(nu_html_errors(documents), [])

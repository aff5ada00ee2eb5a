""" "Apakah halaman ini membantu?": the no-JS form on content pages, storage, limits and who sees the answers."""

from django.core.cache import cache
from django.test import TestCase, override_settings

from monitoring.scorecard import build_scorecards
from page_feedback.models import PageFeedback
from tests.factories.opd_pages import ProfilePageFactory
from tests.opd_teams.helpers import build_onboarded_region

SECRET_COMMENT = "Jam layanan di halaman ini salah, puskesmas buka jam 7"


class FeedbackTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, (cls.a, cls.b) = build_onboarded_region(2)
        cls.profile = ProfilePageFactory(parent=cls.a.opd, slug="tentang-kami", profile_type="lainnya")

    def setUp(self):
        cache.clear()

    def vote(self, page, answer="ya", comment="", **extra):
        return self.client.post("/membantu/", {"halaman": page.pk, "membantu": answer, "komentar": comment, **extra})

    def test_every_content_page_carries_the_plain_html_form(self):
        for page in (self.a.live_news, self.profile):
            with self.subTest(page=type(page).__name__):
                response = self.client.get(page.url)
                self.assertContains(response, "Apakah halaman ini membantu?")
                self.assertContains(response, 'action="/membantu/" method="post"')
                self.assertContains(response, f'name="halaman" value="{page.pk}"')
                self.assertNotContains(response, "csrfmiddlewaretoken")  # the page may be served from the shared cache

    def test_a_vote_is_stored_with_its_page_and_opd(self):
        response = self.vote(self.a.live_news, "tidak", SECRET_COMMENT)
        self.assertContains(response, "Terima kasih atas penilaian Anda")
        feedback = PageFeedback.objects.get()
        self.assertEqual(
            (feedback.page_id, feedback.opd_id, feedback.helpful, feedback.comment),
            (self.a.live_news.pk, self.a.opd.pk, False, SECRET_COMMENT),
        )
        self.assertNotIn("127.0.0.1", feedback.client_key)
        self.assertIn("no-cache", response["Cache-Control"])

    def test_bad_input_gets_a_clear_message_and_keeps_the_comment(self):
        cases = [
            ("no answer", {"halaman": self.a.live_news.pk, "komentar": "Isi saya"}, 400, "Pilih"),
            ("draft page", {"halaman": self.a.draft.pk, "membantu": "ya"}, 400, "tidak ditemukan"),
            ("unknown page", {"halaman": 999999, "membantu": "ya"}, 400, "tidak ditemukan"),
            ("honeypot", {"halaman": self.a.live_news.pk, "membantu": "ya", "situs_web": "x"}, 400, "Jangan isi"),
            (
                "judi online",
                {"halaman": self.a.live_news.pk, "membantu": "ya", "komentar": "slot gacor maxwin togel88 daftar"},
                400,
                "judi daring",
            ),
        ]
        for label, data, status, message in cases:
            with self.subTest(label):
                response = self.client.post("/membantu/", data)
                self.assertContains(response, message, status_code=status)
        self.assertFalse(PageFeedback.objects.exists())
        response = self.client.post("/membantu/", cases[0][1])
        self.assertContains(response, "Isi saya", status_code=400)

    def test_get_is_not_a_vote(self):
        self.assertEqual(self.client.get("/membantu/").status_code, 405)

    @override_settings(PORTAL_FEEDBACK_QUOTA=3)
    def test_votes_are_rate_limited_per_client_address(self):
        for _number in range(3):
            self.assertEqual(self.vote(self.a.live_news).status_code, 200)
        response = self.vote(self.a.live_news)
        self.assertContains(response, "Terlalu banyak penilaian", status_code=429)
        other_client = self.client_class(REMOTE_ADDR="10.9.8.7")
        response = other_client.post("/membantu/", {"halaman": self.a.live_news.pk, "membantu": "ya"})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(PageFeedback.objects.count(), 4)

    @override_settings(PORTAL_FEEDBACK_QUOTA=2)
    def test_a_broken_cache_still_limits_by_the_stored_votes(self):
        from unittest import mock

        real_get = cache.get

        def failing_quota_cache(key, *args, **kwargs):
            if key.startswith("casework:quota:"):
                raise ConnectionError("redis down")
            return real_get(key, *args, **kwargs)

        with mock.patch("casework.antispam.cache.get", side_effect=failing_quota_cache):
            self.vote(self.a.live_news)
            self.vote(self.a.live_news)
            self.assertEqual(self.vote(self.a.live_news).status_code, 429)

    def test_summary_on_the_scorecard_and_comments_only_for_the_opds_team(self):
        self.vote(self.a.live_news, "ya")
        self.vote(self.a.live_news, "tidak", SECRET_COMMENT)
        self.vote(self.b.live_news, "ya")
        cards = {card.opd.pk: card for card in build_scorecards([self.a.opd, self.b.opd])}
        self.assertEqual(cards[self.a.opd.pk].feedback, {"helpful": 1, "not_helpful": 1, "comments": 1})
        self.assertEqual(cards[self.a.opd.pk].helpful_percent, 50)
        self.assertEqual(cards[self.b.opd.pk].feedback_total, 1)

        card_url = f"/admin/pemantauan/opd/{self.a.opd.pk}/"
        self.client.force_login(self.a.admin)
        response = self.client.get(card_url)
        self.assertContains(response, SECRET_COMMENT)
        self.assertContains(response, "1 ya, 1 tidak (50% membantu)")
        for attacker in (self.b.admin, self.b.operator):
            with self.subTest(attacker=attacker.username):
                self.client.force_login(attacker)
                response = self.client.get(card_url)
                self.assertIn(response.status_code, (302, 403))
                self.assertNotIn(SECRET_COMMENT.encode(), response.content)
        self.client.force_login(self.b.admin)
        self.assertNotContains(self.client.get(f"/admin/pemantauan/opd/{self.b.opd.pk}/"), SECRET_COMMENT)

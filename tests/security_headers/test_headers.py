import re
import tempfile

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.test import TestCase, override_settings
from django.urls import reverse
from wagtail.documents import get_document_model

from security_headers.observatory import parse_csp, score_response
from tests.trees import build_region_tree

PRODUCTION = {
    "SECURE_HSTS_SECONDS": 31_536_000,
    "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
    "SECURE_HSTS_PRELOAD": True,
    "SESSION_COOKIE_SECURE": True,
    "CSRF_COOKIE_SECURE": True,
}
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"(?:application/json|text/template)\")[^>]*>", re.I)


@override_settings(**PRODUCTION)
class ObservatoryScoreTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.opds = build_region_tree(opd_count=1, news_per_opd=1)
        cls.user = get_user_model().objects.create_superuser("admin", "admin@contohkab.go.id", "kata-sandi-panjang")

    def assert_scores_at_least_100(self, url, login=False):
        if login:
            self.client.force_login(self.user)
        response = self.client.get(url, secure=True)
        self.assertIn(response.status_code, (200,), url)
        score = score_response(response)
        self.assertGreaterEqual(score.score, 100, (url, score.results))
        return response

    def test_public_pages_and_admin_score_at_least_100(self):
        media = tempfile.TemporaryDirectory()
        self.addCleanup(media.cleanup)
        storages = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}}
        self.enterContext(override_settings(MEDIA_ROOT=media.name, STORAGES=storages))
        document = get_document_model().objects.create(title="Laporan", file=ContentFile(b"%PDF-1.4\n", "laporan.pdf"))
        for url, login in [
            ("/", False),
            (self.opds[0].url, False),
            ("/cari/?q=berita", False),
            (document.url, False),
            (reverse("wagtailadmin_login"), False),
            (reverse("wagtailadmin_home"), True),
        ]:
            with self.subTest(url=url):
                self.assert_scores_at_least_100(url, login)

    def test_public_policy_is_strict(self):
        response = self.client.get("/", secure=True)
        policy = parse_csp(response["Content-Security-Policy"])
        self.assertEqual(policy["default-src"], ["'none'"])
        self.assertEqual(policy["object-src"], ["'none'"])
        self.assertEqual(policy["base-uri"], ["'none'"])
        self.assertEqual(policy["frame-ancestors"], ["'none'"])
        self.assertEqual(policy["form-action"], ["'self'"])
        self.assertNotIn("unsafe", response["Content-Security-Policy"])
        self.assertIn("camera=()", response["Permissions-Policy"])
        self.assertEqual(response["Cross-Origin-Resource-Policy"], "same-origin")
        self.assertEqual(response["X-Frame-Options"], "DENY")

    def test_strict_admin_screens_render_no_inline_script(self):
        self.client.force_login(self.user)
        for url in [reverse("wagtailadmin_home")]:
            with self.subTest(url=url):
                response = self.client.get(url, secure=True)
                self.assertEqual(response.status_code, 200)
                self.assertEqual(INLINE_SCRIPT.findall(response.content.decode()), [])
                self.assertNotIn("unsafe-inline", parse_csp(response["Content-Security-Policy"])["script-src"])
        self.client.logout()
        response = self.client.get(reverse("wagtailadmin_login"), secure=True)
        self.assertEqual(INLINE_SCRIPT.findall(response.content.decode()), [])

    def test_editor_forms_get_a_working_policy_and_the_strict_one_report_only(self):
        self.client.force_login(self.user)
        response = self.client.get(reverse("wagtailadmin_pages:edit", args=[self.opds[0].pk]), secure=True)
        self.assertEqual(response.status_code, 200)
        enforced = parse_csp(response["Content-Security-Policy"])
        self.assertIn("'unsafe-inline'", enforced["script-src"])
        self.assertEqual(enforced["object-src"], ["'none'"])
        self.assertEqual(enforced["frame-ancestors"], ["'self'"])
        report_only = parse_csp(response["Content-Security-Policy-Report-Only"])
        self.assertEqual(report_only["script-src"], ["'self'"])
        self.assertEqual(response["X-Frame-Options"], "SAMEORIGIN")


class DeployCheckTests(TestCase):
    def test_check_deploy_passes_under_production_settings(self):
        import os
        import subprocess
        import sys

        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "portal.settings.production",
            "SECRET_KEY": "k3y-" + "x9Q!fZ" * 10,
            "ALLOWED_HOSTS": "contohkab.go.id",
        }
        env.pop("DATABASE_URL", None)
        result = subprocess.run(
            [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)


class PagePreviewFramingTests(TestCase):
    """Wagtail renders the preview panel's page through the middleware with a dummy request for the
    page's public path; the admin must still be able to frame it (the public site never)."""

    @classmethod
    def setUpTestData(cls):
        cls.home, cls.opds = build_region_tree(opd_count=1, news_per_opd=1)
        cls.editor = get_user_model().objects.create_superuser("pratinjau", "pratinjau@contohkab.go.id", "x")

    def test_preview_may_be_framed_by_the_admin_and_the_public_page_may_not(self):
        from opd_pages.models import NewsPage

        news = NewsPage.objects.first()
        self.client.force_login(self.editor)
        response = self.client.get(reverse("wagtailadmin_pages:view_draft", args=[news.pk]))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, news.title)
        policy = parse_csp(response["Content-Security-Policy"])
        self.assertEqual(policy["frame-ancestors"], ["'self'"])
        self.assertEqual(policy["script-src"], ["'self'"])  # the public policy otherwise
        self.assertEqual(response["X-Frame-Options"], "SAMEORIGIN")
        self.client.logout()
        public = self.client.get(news.url)
        self.assertEqual(parse_csp(public["Content-Security-Policy"])["frame-ancestors"], ["'none'"])
        self.assertEqual(public["X-Frame-Options"], "DENY")

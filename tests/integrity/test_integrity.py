import json
import tempfile
from io import StringIO
from pathlib import Path

from django.core.management import CommandError, call_command
from django.http import HttpResponse
from django.test import TestCase, override_settings

from integrity.checks import build_manifest, compare_manifest, find_cloaking
from tests.trees import build_region_tree


class CloakingMiddleware:
    """What an attacker's injected code does: spam for Googlebot only."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if "Googlebot" in request.META.get("HTTP_USER_AGENT", "") and isinstance(response, HttpResponse):
            response.content = response.content.replace(
                b"</body>", b"<a href='https://slot.example'>slot gacor</a></body>"
            )
        return response


class IntegrityTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_region_tree(opd_count=1, news_per_opd=1)

    def test_manifest_covers_templates_and_static_files_and_sees_changes(self):
        manifest = build_manifest()
        self.assertIn("templates/base.html", manifest)
        self.assertIn("static/css/portal.css", manifest)
        tampered = dict(manifest)
        tampered["templates/base.html"] = "0" * 64
        del tampered["static/css/portal.css"]
        tampered["templates/hilang.html"] = "1" * 64
        changed, missing, added = compare_manifest(tampered, manifest)
        self.assertEqual(changed, ["templates/base.html"])
        self.assertEqual(missing, ["templates/hilang.html"])
        self.assertEqual(added, ["static/css/portal.css"])

    def test_an_honest_site_shows_crawlers_what_it_shows_people(self):
        self.assertEqual(find_cloaking(), [])

    def test_cloaking_is_reported(self):
        middleware = "tests.integrity.test_integrity.CloakingMiddleware"
        from django.conf import settings

        with override_settings(MIDDLEWARE=[*settings.MIDDLEWARE, middleware]):
            differences = find_cloaking(["/"])
        self.assertEqual(len(differences), 1)
        self.assertIn("slot gacor", differences[0][1])

    def test_command_passes_on_the_release_and_fails_on_a_change(self):
        with tempfile.TemporaryDirectory() as directory:
            path = Path(directory) / "manifest.json"
            call_command("integrity_manifest", output=str(path), stdout=StringIO())
            out = StringIO()
            call_command("check_integrity", manifest=str(path), stdout=out)
            self.assertIn("Tidak ada perbedaan", out.getvalue())
            data = json.loads(path.read_text())
            data["templates/base.html"] = "0" * 64
            path.write_text(json.dumps(data))
            out = StringIO()
            with self.assertRaises(CommandError):
                call_command("check_integrity", manifest=str(path), stdout=out)
            self.assertIn("BERUBAH: templates/base.html", out.getvalue())

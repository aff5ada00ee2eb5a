"""Settings from the environment, Indonesian formats and the region's time zone."""

import datetime
import os
import subprocess
import sys

from django.conf import settings
from django.test import SimpleTestCase, override_settings
from django.utils import timezone, translation
from django.utils.formats import date_format

from core.templatetags.region_time import datetime_wib
from portal.search_backends import search_backends_from_url


class FormatTests(SimpleTestCase):
    def test_dates_read_the_indonesian_way(self):
        with translation.override("id"):
            self.assertEqual(date_format(datetime.date(2019, 3, 19), "DATE_FORMAT"), "Selasa, 19 Maret 2019")

    def test_datetimes_carry_the_region_time_zone_label(self):
        moment = datetime.datetime(2026, 8, 17, 1, 30, tzinfo=datetime.UTC)
        cases = [("Asia/Jakarta", "08.30 WIB"), ("Asia/Makassar", "09.30 WITA"), ("Asia/Jayapura", "10.30 WIT")]
        for zone, expected in cases:
            with self.subTest(zone=zone), override_settings(TIME_ZONE=zone), translation.override("id"):
                timezone.activate(zone)
                try:
                    self.assertTrue(datetime_wib(moment).endswith(expected), datetime_wib(moment))
                finally:
                    timezone.deactivate()

    def test_language_is_indonesian_with_english_available(self):
        self.assertEqual(settings.LANGUAGE_CODE, "id")
        self.assertIn("en", dict(settings.LANGUAGES))


class SearchUrlTests(SimpleTestCase):
    def test_empty_url_keeps_the_database_backend(self):
        self.assertEqual(search_backends_from_url("")["default"]["BACKEND"], "search.backends.database")

    def test_engine_urls(self):
        cases = [
            # search.backends.* are Wagtail's backends with the Indonesian analysis (tests/search/test_engines.py).
            ("opensearch://search.local:9200", "search.backends.opensearch3", "http://search.local:9200"),
            ("elasticsearch+https://u:p@es.local", "search.backends.elasticsearch8", "https://u:p@es.local"),
        ]
        for url, backend, expected in cases:
            with self.subTest(url=url):
                config = search_backends_from_url(url)["default"]
                self.assertEqual(config["BACKEND"], backend)
                self.assertEqual(config["URLS"], [expected])

    def test_unknown_engine_is_refused(self):
        with self.assertRaises(ValueError):
            search_backends_from_url("solr://x")


class SecureByDefaultTests(SimpleTestCase):
    def run_settings(self, module, extra_env):
        env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DJANGO_SETTINGS_MODULE"}}
        env.update(extra_env)
        code = f"import {module} as s; print(s.DEBUG, s.ALLOWED_HOSTS, s.SESSION_COOKIE_SECURE)"
        return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False)

    def test_base_settings_refuse_to_start_without_a_secret_key(self):
        result = self.run_settings("portal.settings.production", {})
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("SECRET_KEY must be set", result.stderr)

    def test_production_is_not_debug_and_takes_hosts_from_the_environment(self):
        result = self.run_settings(
            "portal.settings.production",
            {"SECRET_KEY": "x" * 50, "ALLOWED_HOSTS": "contohkab.go.id,www.contohkab.go.id"},
        )
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout.strip(), "False ['contohkab.go.id', 'www.contohkab.go.id'] True")

    def test_mail_links_use_the_portal_address_not_a_developer_localhost(self):
        env = {"SECRET_KEY": "x" * 50, "ALLOWED_HOSTS": "contohkab.go.id,www.contohkab.go.id"}
        code = "import portal.settings.production as s; print(s.WAGTAILADMIN_BASE_URL)"
        cases = [({}, "https://contohkab.go.id"), ({"WAGTAILADMIN_BASE_URL": "https://portal.contohkab.go.id"}, None)]
        for extra, expected in cases:
            with self.subTest(extra=extra):
                environment = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "WAGTAILADMIN_BASE_URL"}}
                environment.update(env | extra)
                result = subprocess.run(
                    [sys.executable, "-c", code], capture_output=True, text=True, env=environment, check=False
                )
                self.assertEqual(result.stdout.strip(), expected or extra["WAGTAILADMIN_BASE_URL"], result.stderr)

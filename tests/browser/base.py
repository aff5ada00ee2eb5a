"""Playwright against Django's live server, driving Debian's Chromium (never a downloaded browser)."""

import os
import shutil
import tempfile
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles.testing import StaticLiveServerTestCase
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import timezone
from playwright.sync_api import sync_playwright
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page

from tests.wagtail_roots import ensure_wagtail_roots

CHROMIUM = os.environ.get("PORTAL_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
PHONE = {"width": 360, "height": 640}
DESKTOP = {"width": 1280, "height": 900}
SCREENSHOTS = Path(settings.BASE_DIR) / "artifacts" / "screenshots"
#: OPDs of the demo region the journeys need (building all twenty takes too long per test).
DEMO_OPDS = ("Disdukcapil", "Dinkes", "Diskominfo")
PASSWORD = "sandi-uji-peramban-2026"


def build_demo_subset():
    """The demo region's home, identity and a few of its OPD sections; returns the home page."""
    from demo import content
    from demo.region import build_opd, ensure_demo_admin, ensure_home, ensure_region_settings

    # A live-server test case flushes the database after each test, rows made by migrations too.
    locale = Locale.objects.get_or_create(language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))[
        0
    ]
    if not Page.objects.filter(depth=1).exists():
        Page.add_root(title="Root", slug="root", locale=locale)
    ensure_wagtail_roots()  # the root collection too
    with transaction.atomic():
        user, _ = ensure_demo_admin(PASSWORD)
        home = ensure_home()
        ensure_region_settings(home)
        for spec in content.OPDS:
            if spec["acronym"] in DEMO_OPDS:
                build_opd(home, spec, user, timezone.localdate())
    return home


@pytest.mark.browser
class BrowserTestCase(StaticLiveServerTestCase):
    """Starts one Chromium for the class; ``self.new_page()`` opens an isolated browser context."""

    @classmethod
    def _fixture_setup(cls):
        super()._fixture_setup()
        # An earlier transactional test on this worker may have flushed Wagtail's roots.
        ensure_wagtail_roots()

    @classmethod
    def setUpClass(cls):
        # Playwright's sync API runs an event loop in this thread; the ORM calls made by the test
        # itself stay synchronous, so Django's async-safety guard does not apply here.
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
        # Pictures must reach the browser: files on disk, served by the test URLconf.
        cls.media_root = tempfile.mkdtemp(prefix="portal-browser-media-")
        cls.media_settings = override_settings(
            MEDIA_ROOT=cls.media_root,
            STORAGES={**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}},
            ROOT_URLCONF="tests.browser.urls",
        )
        cls.media_settings.enable()
        super().setUpClass()
        cls.playwright = sync_playwright().start()
        cls.browser = cls.playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)

    @classmethod
    def tearDownClass(cls):
        cls.browser.close()
        cls.playwright.stop()
        super().tearDownClass()
        cls.media_settings.disable()
        shutil.rmtree(cls.media_root, ignore_errors=True)
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)

    def setUp(self):
        self.home = build_demo_subset()
        self.contexts = []

    def tearDown(self):
        for context in self.contexts:
            context.close()

    def new_page(self, viewport=PHONE, javascript=True):
        context = self.browser.new_context(viewport=viewport, java_script_enabled=javascript, locale="id-ID")
        context.set_default_timeout(15_000)
        self.contexts.append(context)
        return context.new_page()

    def url(self, path):
        return f"{self.live_server_url}{path}"

    def screenshot(self, page, name):
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


class ReadOnlyBrowserTestCase(BrowserTestCase):
    """For journeys that only read: the demo subset is built once per class, not once per test.

    A live-server test case normally empties the database after every test; these tests change
    nothing, so the database is emptied once, after the last test of the class.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.shared_home = build_demo_subset()

    @classmethod
    def tearDownClass(cls):
        for alias in cls._databases_names(include_mirrors=False):
            call_command("flush", verbosity=0, interactive=False, database=alias, reset_sequences=False)
        super().tearDownClass()

    @classmethod
    def _fixture_setup(cls):
        pass

    def _fixture_teardown(self):
        pass

    def setUp(self):
        self.home = self.shared_home
        self.contexts = []

"""Tests: fast and deterministic, no outside service touched."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-insecure-key")

from .base import *  # noqa: E402,F403

DEBUG = False
INSTALLED_APPS = INSTALLED_APPS + DEV_ONLY_APPS  # noqa: F405
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost", ".localhost"]  # .localhost: OPD host names
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
STORAGES["casework_private"] = {"BACKEND": "django.core.files.storage.InMemoryStorage"}
# Under PORTAL_WORDPRESS_IMPORT_ROOT, which the import tests point at their own folders.
STORAGES["wordpress_import"] = {"BACKEND": "wordpress_import.models.ImportStorage"}
WAGTAILSEARCH_BACKENDS = search_backends_from_url("", os.environ.get("DATABASE_URL", ""))  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
TIME_ZONE = "Asia/Jakarta"
WHITENOISE_USE_FINDERS = True
# The anonymous page cache stays off so no test sees a page another test cached;
# page_cache's own tests turn it on with override_settings and clear the cache.
PORTAL_PAGE_CACHE_SECONDS = 0
# Accounts: other apps' tests log in with the test client (no request, no second factor);
# the accounts tests turn lockout and 2FA on with override_settings.
AXES_ENABLED = False
PORTAL_2FA_ENFORCED = False
PORTAL_PASSWORD_RESET_MIN_SECONDS = 0

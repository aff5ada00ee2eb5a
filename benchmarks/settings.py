"""Settings for ``make bench``: production-like (DEBUG off, no debug cursor), local hosts only.

The portal's anonymous page cache (``page_cache``) is off for the per-URL timings, which measure
rendering; ``PORTAL_BENCH_PAGE_CACHE=1`` turns it on for the "cached" throughput run.
"""

import os
import warnings

os.environ.setdefault("SECRET_KEY", "bench-only-insecure-key")

from portal.settings.base import *  # noqa: E402,F403
from portal.settings.base import env_bool  # noqa: E402

DEBUG = False
INSTALLED_APPS = INSTALLED_APPS + DEV_ONLY_APPS  # noqa: F405
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
WHITENOISE_USE_FINDERS = True
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# whitenoise warns that STATIC_ROOT is missing: the benchmark serves static files from the finders.
warnings.filterwarnings("ignore", message="No directory at")
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "ERROR"}}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

PORTAL_PAGE_CACHE_SECONDS = 300 if env_bool("PORTAL_BENCH_PAGE_CACHE") else 0
# The benchmark is one client sending thousands of searches: lift the per-client rate limit.
PORTAL_SEARCH_RATE_LIMITS = {"search": 1_000_000, "autocomplete": 1_000_000}
# The filler and benchmark run without a worker: Wagtail's background tasks run inline.
TASKS = {"default": {"BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend")}}

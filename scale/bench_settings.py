"""Settings for ``make bench``: production-like (DEBUG off, no debug cursor), local hosts only.

``PORTAL_BENCH_PAGE_CACHE=1`` wraps the site in Django's cache middleware so the benchmark can
compare a cached anonymous page with the uncached one (the portal itself has no page cache yet).
"""

import os
import warnings

os.environ.setdefault("SECRET_KEY", "bench-only-insecure-key")

from portal.settings.base import *  # noqa: E402,F403
from portal.settings.base import MIDDLEWARE, env_bool  # noqa: E402

DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
WHITENOISE_USE_FINDERS = True
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# whitenoise warns that STATIC_ROOT is missing: the benchmark serves static files from the finders.
warnings.filterwarnings("ignore", message="No directory at")
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "ERROR"}}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

if env_bool("PORTAL_BENCH_PAGE_CACHE"):
    MIDDLEWARE = [
        "django.middleware.cache.UpdateCacheMiddleware",
        *MIDDLEWARE,
        "django.middleware.cache.FetchFromCacheMiddleware",
    ]
    CACHE_MIDDLEWARE_SECONDS = 300

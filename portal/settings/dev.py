"""Local development: the embedded defaults (SQLite, database search, console e-mail)."""

import os

os.environ.setdefault("SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production")

from .base import *  # noqa: E402,F403

DEBUG = True
INSTALLED_APPS = INSTALLED_APPS + DEV_ONLY_APPS  # noqa: F405
# ".localhost": the demo serves Dinkes at dinkes.localhost (its own Wagtail Site, see demo/hosts.py).
ALLOWED_HOSTS = ["127.0.0.1", "localhost", ".localhost", "[::1]"] + ALLOWED_HOSTS  # noqa: F405
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.filebased.EmailBackend")
EMAIL_FILE_PATH = BASE_DIR / "var" / "mail"  # noqa: F405
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# `make run` has no worker process: background tasks run inside the request unless
# TASKS_BACKEND says otherwise (set it to django_tasks_db.DatabaseBackend and run db_worker).
TASKS = {"default": {"BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend")}}  # noqa: F405

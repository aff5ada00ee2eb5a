"""Settings shared by every environment: secure by default.

Everything deploy-specific comes from environment variables (listed in the README).
``dev`` and ``test`` relax these settings; ``production`` tightens them further.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from portal.search_backends import search_backends_from_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_required(name):
    try:
        return os.environ[name]
    except KeyError as exc:
        raise ImproperlyConfigured(f"Environment variable {name} must be set.") from exc


DEBUG = False
SECRET_KEY = env_required("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "core",
    "home",
    "opd_pages",
    "search",
    "opd_teams",
    "monitoring",
    "demo",
    "feeds",
    "seo",
    "public_api",
    "page_cache",
    "audit",
    "outbox",
    "operations",
    "wagtail.api.v2",
    "rest_framework",
    "wagtail.contrib.sitemaps",
    "django.contrib.sitemaps",
    "scale",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_tasks",
    "django_tasks_db",
    "django_prometheus",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "operations.client_address.TrustedProxyMiddleware",
    "django_prometheus.middleware.PrometheusBeforeMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "opd_teams.middleware.AdminPageScopeMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "operations.metrics.PageCacheMetricsMiddleware",
    "page_cache.middleware.PageCacheMiddleware",
    "django_prometheus.middleware.PrometheusAfterMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL: a long read (a search) never blocks a write (a publish), and writers wait for each
    # other up to the timeout instead of failing with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Language and time: Bahasa Indonesia everywhere; the admin may switch to English.
LANGUAGE_CODE = "id"
LANGUAGES = [("id", "Bahasa Indonesia"), ("en", "English")]
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["portal.formats"]
TIME_ZONE = os.environ.get("TIME_ZONE", "Asia/Jakarta")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static_collected"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Media on S3-compatible object storage when MEDIA_S3_BUCKET is set (several app servers),
# otherwise on MEDIA_ROOT (one server, or a filesystem every server mounts).
if os.environ.get("MEDIA_S3_BUCKET"):
    MEDIA_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["MEDIA_S3_BUCKET"],
            "endpoint_url": os.environ.get("MEDIA_S3_ENDPOINT_URL") or None,
            "access_key": os.environ.get("MEDIA_S3_ACCESS_KEY_ID") or None,
            "secret_key": os.environ.get("MEDIA_S3_SECRET_ACCESS_KEY") or None,
            "region_name": os.environ.get("MEDIA_S3_REGION", "us-east-1"),
            "custom_domain": os.environ.get("MEDIA_S3_CUSTOM_DOMAIN") or None,
            "url_protocol": os.environ.get("MEDIA_S3_URL_PROTOCOL", "https:"),
            "querystring_auth": env_bool("MEDIA_S3_QUERYSTRING_AUTH", default=False),
            "file_overwrite": False,
            "default_acl": None,
        },
    }
else:
    MEDIA_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
STORAGES = {
    "default": MEDIA_STORAGE,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Documents are always streamed through the portal's own view, which checks privacy first;
# the storage (bucket or MEDIA_ROOT) never serves a document to the public directly.
WAGTAILDOCS_SERVE_METHOD = "serve_view"

# Cache: Redis when REDIS_URL is set, process memory otherwise.
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "portal"),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Background work (Wagtail's search indexing, e-mail): django-tasks.
# Outgoing mail: attempts before a message stays "failed" for Diskominfo to see.
OUTBOX_MAX_ATTEMPTS = int(os.environ.get("OUTBOX_MAX_ATTEMPTS", "8"))

# Production: the database backend with `manage.py db_worker` running (docs/deployment.md).
TASKS = {"default": {"BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}}
# /readyz turns red when the oldest waiting task is older than this.
PORTAL_WORKER_MAX_LAG_SECONDS = int(os.environ.get("WORKER_MAX_LAG_SECONDS", "300"))

# Reverse proxies whose X-Forwarded-For is believed (operations.client_address), and how many.
PORTAL_TRUSTED_PROXIES = env_list("TRUSTED_PROXIES")
PORTAL_TRUSTED_PROXY_HOPS = int(os.environ.get("TRUSTED_PROXY_HOPS", "1"))
# Client networks allowed to read /metrics (Prometheus).
PORTAL_METRICS_NETWORKS = env_list("METRICS_NETWORKS", "127.0.0.0/8,::1/128")

# E-mail: SMTP configured from the environment.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "portal@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Security headers that hold in every environment.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True

# Wagtail
WAGTAIL_SITE_NAME = os.environ.get("PORTAL_NAME", "Portal Pemda")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = search_backends_from_url(os.environ.get("SEARCH_URL", ""), os.environ.get("DATABASE_URL", ""))
WAGTAILDOCS_EXTENSIONS = ["pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "csv", "txt", "zip"]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAIL_DATE_FORMAT = "%d-%m-%Y"
WAGTAIL_DATETIME_FORMAT = "%d-%m-%Y %H:%M"
WAGTAILADMIN_LOGIN_URL = "wagtailadmin_login"
LOGIN_URL = "wagtailadmin_login"
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

PORTAL_DEMO_STEPS = [
    "demo.region.build_region",
    "search.demo.step",
    "opd_teams.demo.step",
    "home.demo.build_front_page",
    "monitoring.demo.step",
]

# Roles (opd_teams): model permissions of the Humas group ("app_label.codename"). Humas curates
# the regional home through the snippets and settings below; its page permissions stop at OPD
# borders (PORTAL_REGIONAL_ONLY_GROUPS, see opd_teams/permissions.py).
PORTAL_HUMAS_PERMISSIONS = [
    "home.change_regionsettings",
    "home.change_regionalert",
    "home.change_pinnedannouncement",
    "home.add_highlight",
    "home.change_highlight",
    "home.delete_highlight",
    "home.add_quicklink",
    "home.change_quicklink",
    "home.delete_quicklink",
    "wagtailadmin.access_admin",
]
# Groups whose page permissions stop at OPD borders (see opd_teams/permissions.py).
PORTAL_REGIONAL_ONLY_GROUPS = ["Humas"]
# OPD accounts unused this many days are flagged in the admin (and deactivated by the scheduled command).
PORTAL_ACCOUNT_UNUSED_DAYS = int(os.environ.get("PORTAL_ACCOUNT_UNUSED_DAYS", "90"))

# Anonymous page cache (page_cache app): seconds a page may be served from cache; 0 turns it off.
PORTAL_PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "300"))

# Public API (Wagtail API v2 under /api/v2/): read-only, no browsable HTML.
REST_FRAMEWORK = {"DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"]}
WAGTAILAPI_LIMIT_MAX = 50

# LOG_FORMAT=json writes one JSON object per line (for log collectors); plain text otherwise.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s %(process)d",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
        "text": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json" if os.environ.get("LOG_FORMAT", "text") == "json" else "text",
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

PORTAL_TIME_ZONE_LABELS = {
    "Asia/Jakarta": _("WIB"),
    "Asia/Pontianak": _("WIB"),
    "Asia/Makassar": _("WITA"),
    "Asia/Jayapura": _("WIT"),
}

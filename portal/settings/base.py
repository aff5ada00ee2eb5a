"""Settings shared by every environment: secure by default.

Everything deploy-specific comes from environment variables (listed in the README).
``dev`` and ``test`` relax these settings; ``production`` tightens them further.
"""

import datetime
import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from portal.search_backends import search_backends_from_url
from security_headers.policies import PUBLIC as PUBLIC_CSP

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def passkey_relying_party(base_url):
    """(RP ID, origin) of passkeys for the admin at ``base_url``; browsers refuse an IP address."""
    parts = urlsplit(base_url)
    host = "localhost" if parts.hostname in ("127.0.0.1", "::1") else parts.hostname
    return host, f"{parts.scheme}://{host}" + (f":{parts.port}" if parts.port else "")


def env_required(name):
    try:
        return os.environ[name]
    except KeyError as exc:
        raise ImproperlyConfigured(f"Environment variable {name} must be set.") from exc


DEBUG = False
SECRET_KEY = env_required("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# Dev-only apps ("demo": the demo region; "benchmarks": the generator and benchmarks) are added by
# portal.settings.dev, portal.settings.test and benchmarks.settings, never in production.
DEV_ONLY_APPS = ["demo", "benchmarks"]
INSTALLED_APPS = [
    "core",
    "home",
    "opd_hosts",
    "opd_pages",
    "search",
    "opd_teams",
    "monitoring",
    "feeds",
    "seo",
    "public_api",
    "page_cache",
    "listing_stats",
    "audit",
    "outbox",
    "media_safety",
    "spam_gate",
    "security_headers",
    "resilience",
    "integrity",
    "csp",
    "services",
    "region_calendar",
    "casework",
    "complaints",
    "ppid",
    "officials",
    "gallery",
    "faq",
    "region_setup",
    "wordpress_import",
    "operations",
    "scheduled_jobs",
    "opd_forms",
    "page_feedback",
    "link_care",
    "review_care",
    "wagtail.api.v2",
    "rest_framework",
    "wagtail.contrib.sitemaps",
    "django.contrib.sitemaps",
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
    "django.contrib.humanize",  # its catalogues translate Wagtail's "5 minutes ago" (naturaltime)
]

MIDDLEWARE = [
    "operations.client_address.TrustedProxyMiddleware",
    "django_prometheus.middleware.PrometheusBeforeMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "security_headers.middleware.PortalCSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Gzip for anonymous public answers without secrets (BREACH); see page_cache/compression.py.
    "page_cache.compression.PublicGzipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "opd_teams.middleware.AdminPageScopeMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "security_headers.middleware.SecurityHeadersMiddleware",
    "wordpress_import.middleware.LegacyQueryRedirectMiddleware",
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
# WAL: a long read (a search) never blocks a write (a publish), and writers wait for each
# other up to the timeout instead of failing with "database is locked" (tests/core/test_sqlite_concurrency.py).
SQLITE_OPTIONS = {
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    "timeout": 20,
    "transaction_mode": "IMMEDIATE",
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(SQLITE_OPTIONS)
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A page's queries take milliseconds: starting parallel workers for them costs more than it
    # saves and takes the CPU other requests need (measured: an API page of 20 at offset 10,000,
    # 30-50 ms with two workers, 17 ms without). Reports and maintenance run in their own sessions.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "options", f"-c max_parallel_workers_per_gather={int(os.environ.get('DATABASE_PARALLEL_WORKERS', '0'))}"
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
# Citizens' attachments (casework): outside MEDIA_ROOT, never served by /media/, only through
# views that check permissions.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "private_media"))
STORAGES["casework_private"] = {
    "BACKEND": "django.core.files.storage.FileSystemStorage",
    "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": None},
}
# Uploaded WordPress exports (unpublished and private posts): never served.
PORTAL_WORDPRESS_IMPORT_ROOT = Path(os.environ.get("WORDPRESS_IMPORT_ROOT", BASE_DIR / "var" / "wordpress-import"))
STORAGES["wordpress_import"] = {"BACKEND": "wordpress_import.models.ImportStorage"}  # under that root
if os.environ.get("MEDIA_S3_BUCKET"):
    # Several app servers: the private files live in the bucket too, under private/ (which the
    # bucket policy keeps private; deploy/s3-public-images-policy.json), so a citizen's attachment
    # uploaded through one server opens on the others and the worker reads any uploaded export.
    for alias, prefix in (("casework_private", "private/casework"), ("wordpress_import", "private/wordpress-import")):
        STORAGES[alias] = {
            "BACKEND": MEDIA_STORAGE["BACKEND"],
            "OPTIONS": {**MEDIA_STORAGE["OPTIONS"], "location": prefix, "custom_domain": None},
        }
    # One bucket holds them all: the default storage's listing already includes private/.
    PORTAL_BACKUP_STORAGES = ["default"]
else:
    PORTAL_BACKUP_STORAGES = ["default", "casework_private", "wordpress_import"]
# Documents are always streamed through the portal's own view, which checks privacy first;
# the storage (bucket or MEDIA_ROOT) never serves a document to the public directly.
WAGTAILDOCS_SERVE_METHOD = "serve_view"

# Cache: Redis when REDIS_URL is set, process memory otherwise.
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            # Django's RedisCache, but an unreachable Redis means "no cache", never a 500 (resilience app).
            "BACKEND": "resilience.cache.ResilientRedisCache",
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
# A load balancer's health check and Prometheus' scrape reach an app server over plain HTTP:
# the probes are answered there instead of being redirected to HTTPS (SECURE_SSL_REDIRECT).
SECURE_REDIRECT_EXEMPT = [r"^(healthz|readyz|metrics)$"]

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
# Never framed, except admin screens by the admin (page preview): security_headers sets SAMEORIGIN there.
X_FRAME_OPTIONS = "DENY"
# Content-Security-Policy (django-csp): the public policy; security_headers picks the admin ones.
CONTENT_SECURITY_POLICY = {"DIRECTIVES": PUBLIC_CSP}
# Nothing in the admin talks to other sites (the CSP would block it anyway): no Gravatar, no update check.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True

# Wagtail
WAGTAIL_SITE_NAME = os.environ.get("PORTAL_NAME", "Portal Pemda")
# Links in e-mails (sent also from cron, without a request): the portal's public address. Without
# the variable, the first allowed host over HTTPS (never a developer's localhost in production).
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL") or (
    f"https://{ALLOWED_HOSTS[0].lstrip('.')}" if ALLOWED_HOSTS else "http://127.0.0.1:8000"
)
WAGTAILSEARCH_BACKENDS = search_backends_from_url(os.environ.get("SEARCH_URL", ""), os.environ.get("DATABASE_URL", ""))
WAGTAILDOCS_EXTENSIONS = ["pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "csv", "txt", "zip"]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Upload checks by content (media_safety): form bases, pixel cap, document size caps.
WAGTAILIMAGES_IMAGE_FORM_BASE = "media_safety.forms.SafeImageForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "media_safety.forms.SafeDocumentForm"
WAGTAILIMAGES_MAX_IMAGE_PIXELS = int(os.environ.get("PORTAL_IMAGE_MAX_PIXELS", str(40_000_000)))
PORTAL_DOCUMENT_MAX_BYTES = int(os.environ.get("PORTAL_DOCUMENT_MAX_MB", "20")) * 1024 * 1024
# Judi-online gate (spam_gate): extra addresses told when it stops something (besides Diskominfo accounts).
PORTAL_SECURITY_EMAILS = env_list("PORTAL_SECURITY_EMAILS")
# Pencarian populer: a query is listed when this many distinct visitors searched it in the window.
PORTAL_POPULAR_MIN_VISITORS = int(os.environ.get("PORTAL_POPULAR_MIN_VISITORS", "5"))
PORTAL_POPULAR_DAYS = int(os.environ.get("PORTAL_POPULAR_DAYS", "30"))
PORTAL_DOCUMENT_MAX_UNPACKED_BYTES = int(os.environ.get("PORTAL_DOCUMENT_MAX_UNPACKED_MB", "200")) * 1024 * 1024
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAIL_DATE_FORMAT = "%d-%m-%Y"
WAGTAIL_DATETIME_FORMAT = "%d-%m-%Y %H:%M"
WAGTAILADMIN_LOGIN_URL = "wagtailadmin_login"
LOGIN_URL = "wagtailadmin_login"
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

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
    "services.add_lifeevent",
    "services.change_lifeevent",
    "services.delete_lifeevent",
    "services.add_servicetopic",
    "services.change_servicetopic",
    "services.delete_servicetopic",
    "wagtailadmin.access_admin",
]
# Layanan (services): the portal's complaint form; a service links to it as <url>?layanan=<page id>.
PORTAL_COMPLAINT_FORM_URL = "/pengaduan/"
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

# Page permission tester of every portal page (core.models.BasePage.permissions_for_user):
# regional-only groups (humas) hold nothing inside an OPD subtree. See docs/roles.md.
PORTAL_PAGE_PERMISSION_TESTER = "opd_teams.permissions.RegionScopedPagePermissionTester"
# Behind nginx: the internal location the media gate hands image files to (docs/operations.md);
# empty = Django streams them itself.
PORTAL_MEDIA_ACCEL_REDIRECT = os.environ.get("PORTAL_MEDIA_ACCEL_REDIRECT", "")
# Accounts (accounts app): lockout, second factor, password policy, sessions.
INSTALLED_APPS += [
    "accounts",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_otp_webauthn",
]
_AUTH_MIDDLEWARE = MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware")
MIDDLEWARE[_AUTH_MIDDLEWARE + 1 : _AUTH_MIDDLEWARE + 1] = [
    "django_otp.middleware.OTPMiddleware",
    "audit.middleware.AdminDenialAuditMiddleware",
]
# Idle timeout and the second-factor step for the admin; after messages (it leaves a message).
_MESSAGES_MIDDLEWARE = MIDDLEWARE.index("django.contrib.messages.middleware.MessageMiddleware")
MIDDLEWARE.insert(_MESSAGES_MIDDLEWARE + 1, "accounts.middleware.AdminSessionMiddleware")
MIDDLEWARE += ["axes.middleware.AxesMiddleware"]
# Passkeys (django-otp-webauthn) as a second factor only, never instead of the password.
# The relying party is the admin's host: WAGTAILADMIN_BASE_URL (itself the first of ALLOWED_HOSTS
# by default). Browsers refuse passkeys for an IP address, so 127.0.0.1 becomes localhost (dev:
# open http://localhost:8000). PORTAL_PASSKEY_RP_ID / PORTAL_PASSKEY_ORIGINS override both.
_PASSKEY_HOST, _PASSKEY_ORIGIN = passkey_relying_party(WAGTAILADMIN_BASE_URL)
OTP_WEBAUTHN_RP_ID = os.environ.get("PORTAL_PASSKEY_RP_ID") or _PASSKEY_HOST
OTP_WEBAUTHN_RP_NAME = WAGTAIL_SITE_NAME
OTP_WEBAUTHN_ALLOWED_ORIGINS = env_list("PORTAL_PASSKEY_ORIGINS") or [_PASSKEY_ORIGIN]
OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN = False
# django-axes checks every login first; Django's model backend then checks the password.
# AxesBackend (not the standalone one) comes first because it also answers get_user(): tools that
# force a login with AUTHENTICATION_BACKENDS[0] (Wagtail's page test utilities) keep working.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_ENABLED = True
# Locked when either the account or the client address reaches the limit of failures.
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_FAILURE_LIMIT = int(os.environ.get("PORTAL_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = datetime.timedelta(minutes=int(os.environ.get("PORTAL_LOGIN_LOCKOUT_MINUTES", "30")))
AXES_RESET_ON_SUCCESS = True
# Attempts refused during a lockout are not counted again (the lockout ends on time; they are still logged).
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_LOCKOUT_CALLABLE = "accounts.lockout.lockout_response"
AXES_CLIENT_IP_CALLABLE = "audit.log.client_address"
AXES_ENABLE_ADMIN = False
AXES_VERBOSE = False
AXES_HTTP_RESPONSE_CODE = 429
# At least 12 characters; never the region's or an OPD's name with digits (accounts app).
AUTH_PASSWORD_VALIDATORS[1]["OPTIONS"]["min_length"] = 12
AUTH_PASSWORD_VALIDATORS += [
    {"NAME": "accounts.password_validation.RegionNamePasswordValidator"},
]
# Second factor: required for Diskominfo, humas and OPD admins, offered to operators.
PORTAL_2FA_ENFORCED = env_bool("PORTAL_2FA_ENFORCED", True)
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME
OTP_TOTP_THROTTLE_FACTOR = 1
OTP_STATIC_THROTTLE_FACTOR = 1
# Admin sessions end after this many idle minutes (0 turns the idle timeout off).
PORTAL_ADMIN_IDLE_MINUTES = int(os.environ.get("PORTAL_ADMIN_IDLE_MINUTES", "30"))
# Password reset: the answer takes at least this long, known address or not; throttled per address and client.
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "accounts.forms.BackgroundPasswordResetForm"
PORTAL_PASSWORD_RESET_MIN_SECONDS = float(os.environ.get("PORTAL_PASSWORD_RESET_MIN_SECONDS", "0.5"))
PORTAL_PASSWORD_RESET_LIMIT_PER_ADDRESS = 3
PORTAL_PASSWORD_RESET_LIMIT_PER_CLIENT = 10
PORTAL_PASSWORD_RESET_WINDOW_SECONDS = 3600
# Working-day calendar (region_calendar): office days (0 = Monday) and hours in TIME_ZONE.
PORTAL_WORKING_WEEKDAYS = [0, 1, 2, 3, 4]
PORTAL_OFFICE_OPENS = os.environ.get("PORTAL_OFFICE_OPENS", "08:00")
PORTAL_OFFICE_CLOSES = os.environ.get("PORTAL_OFFICE_CLOSES", "16:00")

# Complaints (pengaduan): time to the first answer for the region (an OPD may have its own under
# Pengaturan pengaduan), unit "jam" (calendar hours), "jam_kerja" (office hours) or "hari_kerja";
# the coordinator ("Diskominfo" = the platform group, or an OPD acronym such as "Inspektorat");
# the Inspektorat's acronym (told at the second escalation); the per-address quota.
PORTAL_COMPLAINTS_FIRST_ANSWER = int(os.environ.get("PORTAL_COMPLAINTS_FIRST_ANSWER", "24"))
PORTAL_COMPLAINTS_CLOCK_UNIT = os.environ.get("PORTAL_COMPLAINTS_CLOCK_UNIT", "jam")
PORTAL_COMPLAINTS_COORDINATOR = os.environ.get("PORTAL_COMPLAINTS_COORDINATOR", "Diskominfo")
PORTAL_COMPLAINTS_INSPEKTORAT = os.environ.get("PORTAL_COMPLAINTS_INSPEKTORAT", "Inspektorat")
PORTAL_COMPLAINTS_SECOND_ESCALATION_HOURS = int(os.environ.get("PORTAL_COMPLAINTS_SECOND_ESCALATION_HOURS", "24"))
PORTAL_COMPLAINTS_QUOTA = int(os.environ.get("PORTAL_COMPLAINTS_QUOTA", "5"))
PORTAL_COMPLAINTS_QUOTA_SECONDS = int(os.environ.get("PORTAL_COMPLAINTS_QUOTA_SECONDS", "3600"))
PORTAL_LAPOR_URL = os.environ.get("PORTAL_LAPOR_URL", "https://www.lapor.go.id/")
# Fetching attachments missing from the uploads copy (wordpress_import.fetch): hosts allowed besides
# the export's own (these may also resolve to addresses on the internal network), size cap, timeout.
PORTAL_WORDPRESS_FETCH_HOSTS = [h.strip() for h in os.environ.get("WORDPRESS_FETCH_HOSTS", "").split(",") if h.strip()]
PORTAL_WORDPRESS_FETCH_MAX_BYTES = 50 * 1024 * 1024
PORTAL_WORDPRESS_FETCH_TIMEOUT = 15

# The platform administrators' group (opd_teams.roles); apps below opd_teams read it from here.
PORTAL_DISKOMINFO_GROUP = "Diskominfo"

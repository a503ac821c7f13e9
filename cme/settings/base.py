"""Settings shared by every environment; everything that differs comes from the environment.

Just over 300 lines: Django reads one flat list of settings. Celery and beat are in `celery.py`,
the reading of environment variables in `environment.py`.
"""

import datetime
import os
from pathlib import Path

import dj_database_url

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from .environment import BASE_DIR, VAR_DIR, env_bool, env_list  # noqa: F401

SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "cme",
    "core",
    "demo",
    "benchmarks",
    "operations",
    "workforce",
    "courses",
    "certificates",
    "coverage",
    "field",
    "interop",
    "accounts",
    "ninja",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
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
    "django_celery_results",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "core.request_id.RequestIdMiddleware",  # first after security: every log line has the id
    "core.headers.ContentSecurityPolicyMiddleware",
    "core.headers.PrivateFilesNoStoreMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "accounts.language_middleware.RememberedLanguageMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "core.http.RequestSizeLimitMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "accounts.language_middleware.StaffLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "core.deletion.RecordsInUseMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "accounts.middleware.SessionLifetimeMiddleware",
    "accounts.middleware.SecondFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cme.urls"
WSGI_APPLICATION = "cme.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
# Rate limits, throttles and Wagtail's renditions are shared by every web process only through a
# shared cache: production sets CACHE_URL (redis://...); the default is one memory per process.
# The coverage cells' covering indexes (INCLUDE columns) serve PostgreSQL; SQLite keeps them as
# plain indexes, which is all the embedded default needs.
SILENCED_SYSTEM_CHECKS = ["models.W040"]
CACHES = {
    "default": (
        {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["CACHE_URL"],
        }
        if os.environ.get("CACHE_URL")
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    ),
    # What one process may remember alone for a minute, saving the shared cache a round trip.
    "local": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "local"},
}
# The embedded default: WAL lets pages read while one request writes, and IMMEDIATE makes every
# transaction take the write lock when it begins. A deferred one that read first and then writes
# cannot wait for another writer (SQLite answers "database is locked" at once): two phones syncing
# at the same moment got a 500. Now the second waits its turn, up to `timeout` seconds.
SQLITE_OPTIONS = {
    "timeout": 20,
    "transaction_mode": "IMMEDIATE",
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(SQLITE_OPTIONS)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"

# Roles whose accounts must sign in with a second factor (superusers always must); trainers and
# health workers may turn one on themselves. The same in every environment, development too.
OTP_REQUIRED_ROLES = ["auditor", "reviewer", "administrator"]
OTP_TOTP_ISSUER = "CME Tracker"
RECOVERY_CODE_COUNT = 10
# A session ends after this many seconds without a request for staff (anyone with a role, staff
# or superuser flag), and after SESSION_ABSOLUTE_LIFETIME seconds from the login for everyone.
STAFF_IDLE_TIMEOUT = int(os.environ.get("STAFF_IDLE_TIMEOUT", str(30 * 60)))
SESSION_ABSOLUTE_LIFETIME = int(os.environ.get("SESSION_ABSOLUTE_LIFETIME", str(12 * 3600)))
SESSION_COOKIE_AGE = SESSION_ABSOLUTE_LIFETIME

# Reverse proxies in front of the site that append to X-Forwarded-For (nginx: 1); 0 ignores it.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
AXES_CLIENT_IP_CALLABLE = "core.http.client_ip_or_none"
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 0.5  # hours
# A username from one address: a hospital behind one NAT address is not locked out as a whole
# by a few typing mistakes. An address is also counted across every username, with a higher
# limit, so one address cannot try a few passwords on every account (accounts/lockout.py).
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], ["ip_address"]]
AXES_ADDRESS_FAILURE_LIMIT = int(os.environ.get("AXES_ADDRESS_FAILURE_LIMIT", "30"))
AXES_HANDLER = "accounts.lockout.AddressLimitHandler"
AXES_USERNAME_CALLABLE = "accounts.lockout.username_for_lockout"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("ar", _("Arabic")), ("ckb", _("Kurdish (Sorani)"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
TIME_ZONE = "Asia/Baghdad"
USE_I18N = True
USE_TZ = True

# The language whose text a reader gets, in this order, when a page is not translated into theirs;
# English, the language every page is first written in, always comes last (docs/courses.md).
CONTENT_FALLBACK_LANGUAGES = {"ar": ["en"], "ckb": ["en"]}

WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_SITE_NAME = _("CME Tracker")
# The admin speaks English and Arabic (Wagtail has no Kurdish catalogue); see docs/courses.md.
WAGTAILADMIN_PERMITTED_LANGUAGES = [("en", "English"), ("ar", "العربية")]
# Staff avatars are Wagtail's own initials icon or an uploaded picture: Gravatar would load images
# from another host and send it a hash of each staff member's email.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# The admin has no login of its own: its login link and /admin/login/ go to the site's, which
# asks for the second factor.
WAGTAILADMIN_LOGIN_URL = "accounts:login"
# The dashboard would ask releases.wagtail.org for the latest version from each superuser's browser.
WAGTAIL_ENABLE_UPDATE_CHECK = False
# The admin's account page would change the email without the password; the site's profile asks.
WAGTAIL_EMAIL_MANAGEMENT_ENABLED = False
WAGTAILADMIN_BASE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")
# Every handout is served by the view that checks the reader (never from MEDIA_URL).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Trainers never replace a file that a live page of another scope uses (courses/collections.py).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "courses.media_forms.ScopedDocumentForm"
WAGTAILIMAGES_IMAGE_FORM_BASE = "courses.media_forms.ScopedImageForm"
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "pptx", "xlsx", "odt", "odp", "txt", "zip"]
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILEMBEDS_RESPONSIVE_HTML = True
SITE_URL = WAGTAILADMIN_BASE_URL

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", VAR_DIR / "private"))
# "default" routes by name: handouts and admin uploads in progress to "private", the rest (images
# and their renditions: published content) to "public", which a web server may serve at MEDIA_URL.
STORAGES = {
    "default": {"BACKEND": "core.storage.MediaStorage"},
    "public": {
        "BACKEND": os.environ.get(
            "DEFAULT_FILE_STORAGE", "django.core.files.storage.FileSystemStorage"
        )
    },
    "private": {
        "BACKEND": "core.storage.PrivateStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": None},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
# Text messages (core/sms.py): a class with send(to=, body=); the console backend prints them,
# core.sms.RapidProBackend sends through RapidPro/TextIt (RAPIDPRO_URL, RAPIDPRO_TOKEN: notices.py).
SMS_BACKEND = os.environ.get("SMS_BACKEND", "core.sms.ConsoleBackend")
# Claiming a registry record: how long the one-time code lives and how many wrong tries it takes.
RECORD_CLAIM_CODE_MINUTES = int(os.environ.get("RECORD_CLAIM_CODE_MINUTES", "30"))
RECORD_CLAIM_CODE_ATTEMPTS = int(os.environ.get("RECORD_CLAIM_CODE_ATTEMPTS", "5"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "CME Tracker <no-reply@cme.example>")

from .celery import *  # noqa: E402, F403  (Celery and beat, in their own module)
from .notices import *  # noqa: E402, F403  (the SMS gateway and the reminders)

# How far ahead of the server's clock an attendance mark may be dated (device clocks drift);
# marks dated later are refused with a reason.
ATTENDANCE_CLOCK_TOLERANCE = datetime.timedelta(
    seconds=int(os.environ.get("ATTENDANCE_CLOCK_TOLERANCE_SECONDS", "600"))
)

# Ed25519 key that signs certificates (base64url seed or PEM); development generates one in var/.
CERTIFICATE_SIGNING_KEY = os.environ.get("CERTIFICATE_SIGNING_KEY", "")
CERTIFICATE_VERIFY_RATE = int(os.environ.get("CERTIFICATE_VERIFY_RATE", "30"))  # per minute
# Look-ups per minute of one block of a thousand serials, from all addresses together.
CERTIFICATE_VERIFY_BLOCK_RATE = int(os.environ.get("CERTIFICATE_VERIFY_BLOCK_RATE", "60"))
# Seconds a verification answer is remembered (certificates/answers.py; any change to a certificate
# forgets them all). Only with a shared cache: one memory per process would miss a worker's change.
_VERIFY_CACHE_DEFAULT = "120" if os.environ.get("CACHE_URL") else "0"
CERTIFICATE_VERIFY_CACHE_SECONDS = int(
    os.environ.get("CERTIFICATE_VERIFY_CACHE_SECONDS", _VERIFY_CACHE_DEFAULT)
)

# Content-Security-Policy (django-csp 4): no inline script and no eval on the site's pages; the
# inline style attributes of progress bars are the one inline thing allowed (style-src-attr).
_SELF, _NONE = "'self'", "'none'"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [_SELF],
        "script-src": [_SELF],
        "style-src": [_SELF],
        "style-src-attr": ["'unsafe-inline'"],
        "img-src": [_SELF, "data:"],
        "font-src": [_SELF],
        "connect-src": [_SELF],
        "frame-src": ["https://www.youtube-nocookie.com"],
        "object-src": [_NONE],
        "base-uri": [_SELF],
        "form-action": [_SELF],
        "frame-ancestors": [_SELF],
    }
}
# Wagtail's admin writes inline scripts and styles of its own (see core/headers.py).
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": [_SELF, "'unsafe-inline'"],
        "style-src": [_SELF, "'unsafe-inline'"],
        "img-src": [_SELF, "data:", "blob:"],
        "frame-src": [_SELF, "https:"],
    }
}

# Logs go to stderr (the journal under systemd, docs/operations.md): readable text by default, or
# with LOG_FORMAT=json one JSON object a line carrying the request id (and, in a task, the task's
# id and name) of core/request_id.py. Celery workers log the same way (cme/celery.py).
LOG_FORMAT = os.environ.get("LOG_FORMAT", "text")
if LOG_FORMAT not in ("text", "json"):
    raise ImproperlyConfigured("LOG_FORMAT must be text or json.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "core.request_id.RequestIdFilter"}},
    "formatters": {
        "text": {"format": "%(levelname)s %(name)s: %(message)s"},
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": ["levelname", "name", "message"],
            "rename_fields": {"levelname": "level", "name": "logger"},
            "timestamp": "time",  # ISO 8601, UTC
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": LOG_FORMAT,
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# Uploads: every file a person sends is read through core/uploads.py within these bounds, so that no
# upload makes a process grow past 300 MB or work past 10 s (docs/security.md, section 5).
CME_UPLOAD_MAX_BYTES = 20 * 1024 * 1024  # one uploaded sheet or document
CME_REQUEST_MAX_BYTES = CME_UPLOAD_MAX_BYTES + 1024 * 1024  # a whole request body, with its form
CME_SHEET_MAX_ROWS = 100_000
CME_SHEET_MAX_COLUMNS = 64
CME_SHEET_MAX_CELLS = 1_000_000  # also the bounding box rows x columns a reader allocates
CME_ZIP_MAX_ENTRIES = 100
CME_ZIP_MAX_INFLATED_BYTES = 32 * 1024 * 1024
CME_ZIP_MAX_RATIO = 100
CME_IMAGE_MAX_PIXELS = 25_000_000  # a 6,000 x 4,000 photograph; decoded RGB stays under 80 MB
WAGTAILIMAGES_MAX_IMAGE_PIXELS = CME_IMAGE_MAX_PIXELS
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILDOCS_MAX_UPLOAD_SIZE = CME_UPLOAD_MAX_BYTES
DATA_UPLOAD_MAX_NUMBER_FILES = 20

# The API's rate limits (ninja.throttling): per device or session, and per address for enrolment.
NINJA_DEFAULT_THROTTLE_RATES = {
    "auth": os.environ.get("API_RATE_AUTH", "600/min"),
    "user": os.environ.get("API_RATE_USER", "600/min"),
    "anon": os.environ.get("API_RATE_ANON", "30/min"),
}

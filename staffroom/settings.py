"""Django settings, read from the environment only.

With nothing set, Staffroom runs on embedded defaults: SQLite in WAL mode under
``var/``, local-memory cache, console e-mail.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("STAFFROOM_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


ENV = os.environ.get("STAFFROOM_ENV", "development").strip().lower()
if ENV not in {"development", "production"}:
    raise ImproperlyConfigured(f"STAFFROOM_ENV must be 'development' or 'production', not {ENV!r}.")
PRODUCTION = ENV == "production"
DEBUG = env_bool("STAFFROOM_DEBUG", not PRODUCTION)

SECRET_KEY = os.environ.get("STAFFROOM_SECRET_KEY", "")
ALLOWED_HOSTS = env_list("STAFFROOM_ALLOWED_HOSTS")
if PRODUCTION:
    if not SECRET_KEY:
        raise ImproperlyConfigured(
            "STAFFROOM_SECRET_KEY must be set to a long random string in production."
        )
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured(
            "STAFFROOM_ALLOWED_HOSTS must list the host names Staffroom answers to in production."
        )
else:
    # A fixed development key keeps sessions valid across restarts of the demo.
    SECRET_KEY = SECRET_KEY or "staffroom-development-only-key-never-use-in-production"
    ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost", "[::1]", "testserver"]

SITE_URL = os.environ.get("STAFFROOM_SITE_URL", "http://127.0.0.1:8000").rstrip("/")
SITE_NAME = os.environ.get("STAFFROOM_SITE_NAME", "Staffroom")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "template_partials",
    "django_countries",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "staffroom.core",
    "staffroom.accounts",
    "staffroom.orgs",
    "staffroom.communities",
    "staffroom.search",
    "staffroom.discussions",
    "staffroom.resources",
    "staffroom.livechat",
    "staffroom.notifications",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "staffroom.core.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "staffroom.core.middleware.MemberPreferencesMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
]

ROOT_URLCONF = "staffroom.urls"
ASGI_APPLICATION = "staffroom.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "staffroom" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "django.template.context_processors.tz",
                "staffroom.core.context_processors.site",
            ],
        },
    }
]

# Database: SQLite in WAL mode by default, PostgreSQL 15 through DATABASE_URL.
DEFAULT_SQLITE = f"sqlite:///{VAR_DIR / 'staffroom.sqlite3'}"
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", DEFAULT_SQLITE), conn_max_age=0, conn_health_checks=True
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and env_bool(
    "STAFFROOM_DB_POOL", True
):
    # Without a pool every request opened its own connection (a new PostgreSQL backend
    # process, a few milliseconds); each server process now keeps a few open and lends them
    # out. Django closes them itself between requests, so CONN_MAX_AGE stays 0.
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": 1,
        "max_size": int(os.environ.get("STAFFROOM_DB_POOL_SIZE", "8")),
        "timeout": 10,
    }
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets readers proceed while one writer commits; IMMEDIATE avoids
        # "database is locked" upgrades from read to write inside a transaction.
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
        "PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000;",
        "transaction_mode": "IMMEDIATE",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: local memory by default, Redis through REDIS_URL.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "staffroom.core.redis_cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("STAFFROOM_CACHE_PREFIX", "staffroom"),
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            # Django's default of 300 entries held the visitor copies of a dozen threads'
            # posts (discussions/post_fragments.py) and culled the rest at once; 10,000
            # copies of a few kilobytes are some 30 MB per worker at most.
            "OPTIONS": {"MAX_ENTRIES": 10_000},
        }
    }

# With a shared cache, sessions are read from it and written through to the database, which
# saves a query on every signed-in page. Not with per-process local memory: a session ended
# in one worker would live on in the others' caches.
SESSION_ENGINE = "staffroom.accounts.sessions.db"
if REDIS_URL:
    SESSION_ENGINE = "staffroom.accounts.sessions.cached_db"

# Realtime fan-out (live chats, live thread updates): in-memory inside one process by
# default; through Redis when REDIS_URL is set, so several server processes share events.
if REDIS_URL:
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            "CONFIG": {
                "hosts": [REDIS_URL],
                "prefix": os.environ.get("STAFFROOM_CACHE_PREFIX", "staffroom") + ":asgi",
                "capacity": 1000,
                "expiry": 60,
            },
        }
    }
else:
    CHANNEL_LAYERS = {
        "default": {"BACKEND": "channels.layers.InMemoryChannelLayer", "CONFIG": {"capacity": 1000}}
    }
# How often each server process checks chat schedules (release questions, remind, archive).
LIVECHAT_TICK_SECONDS = int(os.environ.get("STAFFROOM_LIVECHAT_TICK_SECONDS", "15"))
# permessage-deflate on WebSockets. Off by default: each socket compresses alone, so a chat
# event costs the server a compression per reader, which in a busy chat doubled its latency
# (bench/RESULTS.md, "Live chat load"); chat traffic is a few kilobytes a second anyway.
WS_COMPRESSION = env_bool("STAFFROOM_WS_COMPRESSION", False)
# Server processes set aside what survived a big full garbage collection, so the next one
# walks only what is new: with thousands of open sockets a full walk otherwise stops a
# process for hundreds of milliseconds (core.gc_pauses).
GC_FREEZE = env_bool("STAFFROOM_GC_FREEZE", True)

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = ["staffroom.accounts.backends.StaffroomBackend"]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"

# Accounts (django-allauth): e-mail only, verified before first sign-in.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_SIGNUP_REDIRECT_URL = "/settings/profile/?welcome=1"
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
ACCOUNT_ADAPTER = "staffroom.accounts.adapter.AccountAdapter"
ACCOUNT_EMAIL_SUBJECT_PREFIX = f"[{SITE_NAME}] "
ACCOUNT_RATE_LIMITS = {
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/m/key",
    "change_password": "5/m/user",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = SITE_NAME

# E-mail: console in development, SMTP from the environment in production.
DEFAULT_FROM_EMAIL = os.environ.get("STAFFROOM_FROM_EMAIL", "Staffroom <noreply@staffroom.test>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
if PRODUCTION:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = os.environ.get("STAFFROOM_EMAIL_HOST", "localhost")
    EMAIL_PORT = int(os.environ.get("STAFFROOM_EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("STAFFROOM_EMAIL_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("STAFFROOM_EMAIL_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("STAFFROOM_EMAIL_USE_TLS", True)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# Internationalisation: strings through gettext, times in UTC, shown in the viewer's zone.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("es", _("Spanish")),
    ("fr", _("French")),
]
LOCALE_PATHS = [BASE_DIR / "staffroom" / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "staffroom" / "static"]
# In development WhiteNoise serves straight from the apps, so nothing is collected.
STATIC_ROOT = VAR_DIR / "static" if PRODUCTION else None
MEDIA_URL = "/media/"
MEDIA_ROOT = VAR_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = not PRODUCTION

# Security headers; the CSP itself is set by core.middleware.SecurityHeadersMiddleware.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
if PRODUCTION:
    SECURE_SSL_REDIRECT = env_bool("STAFFROOM_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("STAFFROOM_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("STAFFROOM_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("STAFFROOM_HSTS_PRELOAD", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    CSRF_TRUSTED_ORIGINS = env_list("STAFFROOM_CSRF_TRUSTED_ORIGINS")
    if env_bool("STAFFROOM_BEHIND_PROXY", False):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("STAFFROOM_LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "INFO"}},
}

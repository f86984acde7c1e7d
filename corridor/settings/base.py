"""Settings shared by every environment. Values that differ between deployments come from the
environment (or a local, untracked .env file written by `make run`), parsed by corridor.core.env."""

from __future__ import annotations

from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from corridor.core.crypto import decode_key, parse_key_ring
from corridor.core.env import env_bool, env_int, env_list, env_str, load_dotenv
from corridor.core.logging import log_format
from corridor.core.ratelimit import Limit

BASE_DIR = Path(__file__).resolve().parent.parent.parent
load_dotenv(BASE_DIR / ".env")

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env_str("SECRET_KEY")
if len(SECRET_KEY) < 32:
    raise ImproperlyConfigured("SECRET_KEY must be at least 32 characters long.")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

CORRIDOR_ENCRYPTION_KEYS = env_str("CORRIDOR_ENCRYPTION_KEYS")
parse_key_ring(CORRIDOR_ENCRYPTION_KEYS)  # fail at start, not at the first encrypted write
CORRIDOR_BLIND_INDEX_KEY = env_str("CORRIDOR_BLIND_INDEX_KEY")
decode_key(CORRIDOR_BLIND_INDEX_KEY, name="CORRIDOR_BLIND_INDEX_KEY")
CORRIDOR_AUDIT_KEY = env_str("CORRIDOR_AUDIT_KEY")
decode_key(CORRIDOR_AUDIT_KEY, name="CORRIDOR_AUDIT_KEY")
# Exchange with other Corridor servers (corridor.referrals.federation). The node key is this server's
# identity: 32 random bytes, base64, like the other keys. Without it this server neither sends nor
# receives referrals across servers.
CORRIDOR_NODE_KEY = env_str("CORRIDOR_NODE_KEY", "")
if CORRIDOR_NODE_KEY:
    decode_key(CORRIDOR_NODE_KEY, name="CORRIDOR_NODE_KEY")
CORRIDOR_NODE_NAME = env_str("CORRIDOR_NODE_NAME", "Corridor")
# The address people open this server at: links in notification emails.
CORRIDOR_BASE_URL = env_str("CORRIDOR_BASE_URL", "http://127.0.0.1:8000")
# Peers are reached over HTTPS only; plain HTTP is allowed to 127.0.0.1 and localhost when this is on
# (two servers on one machine: tests, trials).
CORRIDOR_FEDERATION_LOOPBACK_HTTP = env_bool("CORRIDOR_FEDERATION_LOOPBACK_HTTP", False)
CORRIDOR_FEDERATION_WINDOW_SECONDS = env_int("CORRIDOR_FEDERATION_WINDOW_SECONDS", 300, minimum=30)
CORRIDOR_FEDERATION_RATE = env_str("CORRIDOR_FEDERATION_RATE", "600/m")  # envelopes from one client address
CORRIDOR_ATTACHMENT_MAX_BYTES = env_int("CORRIDOR_ATTACHMENT_MAX_BYTES", 10 * 1024 * 1024, minimum=1024)
CORRIDOR_SESSION_IDLE_SECONDS = env_int("CORRIDOR_SESSION_IDLE_SECONDS", 30 * 60, minimum=60)

# Worker reports (corridor.intake). Rates are "count/period" with period s, m, h, d or seconds.
CORRIDOR_REPORT_RATE = env_str("CORRIDOR_REPORT_RATE", "20/h")  # reports sent from one client
CORRIDOR_STATUS_RATE = env_str("CORRIDOR_STATUS_RATE", "30/h")  # status checks from one client
CORRIDOR_PIN_FAILURES = env_str("CORRIDOR_PIN_FAILURES", "10/h")  # wrong PINs for one tracking code
CORRIDOR_CHANNEL_RATE = env_str("CORRIDOR_CHANNEL_RATE", "60/m")  # messages from one channel user
CORRIDOR_REPORT_SLA_HOURS = env_int("CORRIDOR_REPORT_SLA_HOURS", 48, minimum=1)
# Telegram: the bot token, the secret Telegram echoes in every webhook call, and the Bot API address
# (a local server in tests). Without a token the Telegram channel is off.
TELEGRAM_BOT_TOKEN = env_str("TELEGRAM_BOT_TOKEN", "")
TELEGRAM_WEBHOOK_SECRET = env_str("TELEGRAM_WEBHOOK_SECRET", "")
TELEGRAM_API_BASE = env_str("TELEGRAM_API_BASE", "https://api.telegram.org")
if TELEGRAM_BOT_TOKEN and len(TELEGRAM_WEBHOOK_SECRET) < 16:
    # Without the secret every webhook call would be refused and the bot would fall silent.
    raise ImproperlyConfigured("TELEGRAM_BOT_TOKEN is set: set TELEGRAM_WEBHOOK_SECRET too (16 characters or more).")
for _rate_name in (
    "CORRIDOR_REPORT_RATE",
    "CORRIDOR_STATUS_RATE",
    "CORRIDOR_PIN_FAILURES",
    "CORRIDOR_CHANNEL_RATE",
    "CORRIDOR_FEDERATION_RATE",
):
    try:
        Limit.parse(globals()[_rate_name])
    except (ValueError, KeyError):
        raise ImproperlyConfigured(f"{_rate_name} must look like 20/h, 30/m, 200/d or 5/600.") from None

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django_tasks_db",
    "corridor.core",
    "corridor.accounts",
    "corridor.audit",
    "corridor.people",
    "corridor.parties",
    "corridor.cases",
    "corridor.intake",
    "corridor.screening",
    "corridor.rights",
    "corridor.referrals",
    "corridor.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "corridor.audit.context.AuditContextMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "corridor.accounts.middleware.SessionIdleTimeoutMiddleware",
    "corridor.accounts.middleware.UserLanguageMiddleware",
    "corridor.accounts.middleware.ActorMiddleware",
    "corridor.accounts.middleware.RequireMfaMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "corridor.urls"
WSGI_APPLICATION = "corridor.wsgi.application"
ASGI_APPLICATION = "corridor.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "corridor.accounts.context_processors.actor",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'var' / 'corridor.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0, minimum=0),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets readers work while one writer writes; IMMEDIATE takes the write lock at BEGIN
        # so concurrent writers queue on busy_timeout instead of failing with "database is locked".
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000;"
        ),
        "transaction_mode": "IMMEDIATE",
    }
elif not DATABASES["default"]["ENGINE"].startswith("django.db.backends.postgresql"):
    raise ImproperlyConfigured("DATABASE_URL must point at SQLite or PostgreSQL.")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("km", _("Khmer")), ("th", _("Thai"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
LANGUAGE_COOKIE_NAME = "corridor_language"
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
LANGUAGE_COOKIE_SAMESITE = "Lax"
TIME_ZONE = "Asia/Bangkok"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
    "corridor.core.staticfiles.FontPackageFinder",  # Noto Khmer and Thai from their Python packages
]
MEDIA_ROOT = Path(env_str("CORRIDOR_MEDIA_ROOT", str(BASE_DIR / "var" / "media")))

SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 12 * 3600, minimum=300)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_NAME = "corridor_session"
CSRF_COOKIE_NAME = "corridor_csrf"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

from django.utils.csp import CSP  # noqa: E402

SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "corridor_cache",
    }
}


def mailers(backend: str) -> dict[str, dict[str, object]]:
    """Django 6.1 MAILERS from EMAIL_* environment variables; SMTP needs a host."""
    if backend.endswith("smtp.EmailBackend"):
        options: dict[str, object] = {
            "host": env_str("EMAIL_HOST", "localhost"),
            "port": env_int("EMAIL_PORT", 25, minimum=1),
            "username": env_str("EMAIL_HOST_USER", ""),
            "password": env_str("EMAIL_HOST_PASSWORD", ""),
            "use_tls": env_bool("EMAIL_USE_TLS", False),
        }
        return {"default": {"BACKEND": backend, "OPTIONS": options}}
    return {"default": {"BACKEND": backend}}


MAILERS = mailers(env_str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend"))
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Corridor <no-reply@localhost>")

# django-allauth: email + password, MFA with TOTP and recovery codes, rate limits on login.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_ADAPTER = "corridor.accounts.adapters.AccountAdapter"
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_RATE_LIMITS = {
    "login_failed": "5/5m/ip,5/15m/key",
    "login": "30/m/ip",
    "reset_password": "5/m/ip,3/m/key",
    "reset_password_from_key": "20/m/ip",
}
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"
ACCOUNT_LOGOUT_REDIRECT_URL = "account_login"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Corridor"
MFA_RECOVERY_CODE_COUNT = 10

# Background tasks (django.tasks): rows in the database, run by `manage.py db_worker` (`make worker`).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# LOG_FORMAT=json writes one JSON object per line (corridor.core.logging); plain is the default here,
# production defaults to json.
LOG_FORMAT = log_format(default="plain")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "corridor.core.logging.JsonFormatter"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", **({"formatter": "json"} if LOG_FORMAT == "json" else {})}
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    # WeasyPrint reports each rendering step at INFO; only its warnings (a missing font, say) matter.
    "loggers": {"weasyprint": {"level": "WARNING"}, "fontTools": {"level": "WARNING"}},
}

NINJA_PAGINATION_PER_PAGE = 50

"""Production: gunicorn behind a TLS-terminating reverse proxy, static files from WhiteNoise.

`make serve` and docs/deploy.md use these settings. Everything that differs between deployments comes
from the environment; a missing or contradictory value stops the process at start.

CORRIDOR_HTTPS=false turns off the HTTPS-only protections (redirect, HSTS, secure cookies) so that the
stack can be tried on http://127.0.0.1 without a proxy. It is for trials on one's own machine only:
`manage.py check --deploy` warns about it, and a real deployment must never set it.
"""

from __future__ import annotations

import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from corridor.core.env import env_bool, env_int, env_list, env_str
from corridor.core.logging import log_format

from .base import *  # noqa: F403
from .base import DATABASES, DEBUG, LOGGING, MIDDLEWARE, SECURE_CSP, STATIC_ROOT

if DEBUG:
    raise ImproperlyConfigured(
        "DEBUG=true is refused by corridor.settings.production: it shows settings and stack traces to "
        "anyone. Set DEBUG=false (the generated .env of `make run` sets it to true)."
    )
DEBUG = False

CORRIDOR_HTTPS = env_bool("CORRIDOR_HTTPS", True)

if os.environ.get("ALLOWED_HOSTS"):
    ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
elif not CORRIDOR_HTTPS:
    ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]  # loopback trial only
else:
    raise ImproperlyConfigured(
        "Environment variable ALLOWED_HOSTS is required in production, e.g. ALLOWED_HOSTS=corridor.example.org. "
        "For a trial on this machine without TLS, run `CORRIDOR_HTTPS=false make serve`."
    )

# --- HTTPS. The proxy terminates TLS and says so in X-Forwarded-Proto; it must set (not pass on) that
# header, otherwise a client could claim HTTPS. Without a proxy in front, set CORRIDOR_BEHIND_PROXY=false.
if env_bool("CORRIDOR_BEHIND_PROXY", True):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    # Behind the proxy every request comes from its address: allauth's login rate limits per IP would
    # lump all users together. Take the client address the proxy appended to X-Forwarded-For instead
    # (the last entry for one proxy; more if a load balancer also appends one).
    ALLAUTH_TRUSTED_PROXY_COUNT = env_int("CORRIDOR_TRUSTED_PROXY_COUNT", 1, minimum=1)
SECURE_SSL_REDIRECT = CORRIDOR_HTTPS and env_bool("SECURE_SSL_REDIRECT", True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # health checks of the proxy or a load balancer over plain HTTP
SESSION_COOKIE_SECURE = CORRIDOR_HTTPS
CSRF_COOKIE_SECURE = CORRIDOR_HTTPS
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 365 * 24 * 3600, minimum=0) if CORRIDOR_HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = CORRIDOR_HTTPS
SECURE_HSTS_PRELOAD = CORRIDOR_HTTPS and env_bool("SECURE_HSTS_PRELOAD", False)
if not SECURE_HSTS_PRELOAD:
    # Preloading is a deliberate, hard-to-undo decision for the whole domain (SECURE_HSTS_PRELOAD=true
    # opts in); not preloading is the sane default, so its check (security.W021) is not a warning here.
    SILENCED_SYSTEM_CHECKS = ["security.W021"]
SECURE_CSP = {**SECURE_CSP, "upgrade-insecure-requests": CORRIDOR_HTTPS}

# --- Static files: WhiteNoise serves the hashed, pre-compressed (gzip + brotli) files that
# `collectstatic` writes, with far-future cache headers, right after the security middleware.
STATIC_ROOT = Path(env_str("CORRIDOR_STATIC_ROOT", str(STATIC_ROOT)))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
MIDDLEWARE = list(MIDDLEWARE)
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1, "whitenoise.middleware.WhiteNoiseMiddleware"
)

# --- Database: persistent, health-checked connections on PostgreSQL. Behind pgbouncer in transaction
# mode set DATABASE_CONN_MAX_AGE=0 and DATABASE_DISABLE_SERVER_SIDE_CURSORS=true (docs/deploy.md).
if DATABASES["default"]["ENGINE"].startswith("django.db.backends.postgresql"):
    DATABASES["default"]["CONN_MAX_AGE"] = env_int("DATABASE_CONN_MAX_AGE", 60, minimum=0)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = env_bool("DATABASE_DISABLE_SERVER_SIDE_CURSORS", False)

# The cache stays the database cache of base.py (`manage.py createcachetable`): shared by every app
# server, nothing else to run.

# --- Logs: JSON lines by default (LOG_FORMAT=plain for text).
LOG_FORMAT = log_format(default="json")
LOGGING = {
    **LOGGING,
    "handlers": {
        "console": {"class": "logging.StreamHandler", **({"formatter": "json"} if LOG_FORMAT == "json" else {})}
    },
}

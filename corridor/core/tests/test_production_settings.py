"""corridor.settings.production, loaded in a subprocess with a generated environment, as a deployment would."""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

from corridor.core.crypto import new_key

BASE_DIR = Path(__file__).resolve().parents[3]
TIMEOUT = 60


def production_env(tmp_path: Path, **overrides: str) -> dict[str, str]:
    """A clean environment for corridor.settings.production: fresh secrets, a SQLite file under tmp_path.

    Variables of a developer's .env that are not given here are set to "" (= unset for the settings),
    so a local .env cannot change what the test sees.
    """
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": os.environ.get("HOME", str(tmp_path)),
        "LANG": "C.UTF-8",
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHONUNBUFFERED": "1",
        "DJANGO_SETTINGS_MODULE": "corridor.settings.production",
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "CORRIDOR_ENCRYPTION_KEYS": f"k1:{new_key()}",
        "CORRIDOR_BLIND_INDEX_KEY": new_key(),
        "CORRIDOR_AUDIT_KEY": new_key(),
        "ALLOWED_HOSTS": "corridor.example.org",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'corridor.sqlite3'}",
        "CORRIDOR_MEDIA_ROOT": str(tmp_path / "media"),
        "CORRIDOR_STATIC_ROOT": str(tmp_path / "static"),
    }
    env.update(overrides)
    dotenv = BASE_DIR / ".env"
    if dotenv.is_file():
        for line in dotenv.read_text(encoding="utf-8").splitlines():
            key, sep, _ = line.strip().partition("=")
            if sep and not key.startswith("#"):
                env.setdefault(key.strip(), "")
    return env


def run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=TIMEOUT, check=False)


def manage(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return run([sys.executable, "manage.py", *args], env)


SETTINGS_DUMP = """
import json
from django.conf import settings
print(json.dumps({
    "DEBUG": settings.DEBUG,
    "ALLOWED_HOSTS": settings.ALLOWED_HOSTS,
    "SECURE_PROXY_SSL_HEADER": getattr(settings, "SECURE_PROXY_SSL_HEADER", None),
    "ALLAUTH_TRUSTED_PROXY_COUNT": getattr(settings, "ALLAUTH_TRUSTED_PROXY_COUNT", 0),
    "SECURE_SSL_REDIRECT": settings.SECURE_SSL_REDIRECT,
    "SESSION_COOKIE_SECURE": settings.SESSION_COOKIE_SECURE,
    "CSRF_COOKIE_SECURE": settings.CSRF_COOKIE_SECURE,
    "SECURE_HSTS_SECONDS": settings.SECURE_HSTS_SECONDS,
    "SECURE_HSTS_INCLUDE_SUBDOMAINS": settings.SECURE_HSTS_INCLUDE_SUBDOMAINS,
    "SECURE_HSTS_PRELOAD": settings.SECURE_HSTS_PRELOAD,
    "CSP_UPGRADE": settings.SECURE_CSP.get("upgrade-insecure-requests"),
    "MIDDLEWARE": settings.MIDDLEWARE,
    "STATICFILES_BACKEND": settings.STORAGES["staticfiles"]["BACKEND"],
    "STATIC_ROOT": str(settings.STATIC_ROOT),
    "CACHE_BACKEND": settings.CACHES["default"]["BACKEND"],
    "TASKS_BACKEND": settings.TASKS["default"]["BACKEND"],
    "LOG_FORMATTER": settings.LOGGING["handlers"]["console"].get("formatter"),
    "CONN_MAX_AGE": settings.DATABASES["default"]["CONN_MAX_AGE"],
    "CONN_HEALTH_CHECKS": settings.DATABASES["default"].get("CONN_HEALTH_CHECKS", False),
    "DISABLE_SERVER_SIDE_CURSORS": settings.DATABASES["default"].get("DISABLE_SERVER_SIDE_CURSORS", False),
}))
"""


def dump_settings(env: dict[str, str]) -> dict:
    result = run([sys.executable, "-c", SETTINGS_DUMP], env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_check_deploy_passes_without_warnings(tmp_path):
    result = manage(production_env(tmp_path), "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_debug_true_is_refused(tmp_path):
    result = manage(production_env(tmp_path, DEBUG="true"), "check")
    assert result.returncode != 0
    assert "DEBUG=true is refused" in result.stderr


def test_allowed_hosts_is_required(tmp_path):
    result = manage(production_env(tmp_path, ALLOWED_HOSTS=""), "check")
    assert result.returncode != 0
    assert "ALLOWED_HOSTS is required" in result.stderr


def test_https_defaults(tmp_path):
    values = dump_settings(production_env(tmp_path))
    assert values["DEBUG"] is False
    assert values["ALLOWED_HOSTS"] == ["corridor.example.org"]
    assert values["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert values["ALLAUTH_TRUSTED_PROXY_COUNT"] == 1  # rate limits per client, not per proxy
    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["SESSION_COOKIE_SECURE"] is True
    assert values["CSRF_COOKIE_SECURE"] is True
    assert values["SECURE_HSTS_SECONDS"] == 31536000
    assert values["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert values["SECURE_HSTS_PRELOAD"] is False
    assert values["CSP_UPGRADE"] is True
    middleware = values["MIDDLEWARE"]
    security = middleware.index("django.middleware.security.SecurityMiddleware")
    assert middleware[security + 1] == "whitenoise.middleware.WhiteNoiseMiddleware"
    assert values["STATICFILES_BACKEND"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    assert values["STATIC_ROOT"] == str(tmp_path / "static")
    assert values["CACHE_BACKEND"] == "django.core.cache.backends.db.DatabaseCache"
    assert values["TASKS_BACKEND"] == "django_tasks_db.DatabaseBackend"
    assert values["LOG_FORMATTER"] == "json"


def test_https_off_for_loopback_trials(tmp_path):
    env = production_env(
        tmp_path, CORRIDOR_HTTPS="false", ALLOWED_HOSTS="", CORRIDOR_BEHIND_PROXY="false", LOG_FORMAT="plain"
    )
    values = dump_settings(env)
    assert values["ALLOWED_HOSTS"] == ["127.0.0.1", "localhost", "[::1]"]
    assert values["SECURE_PROXY_SSL_HEADER"] is None
    assert values["ALLAUTH_TRUSTED_PROXY_COUNT"] == 0
    assert values["SECURE_SSL_REDIRECT"] is False
    assert values["SESSION_COOKIE_SECURE"] is False
    assert values["CSRF_COOKIE_SECURE"] is False
    assert values["SECURE_HSTS_SECONDS"] == 0
    assert values["CSP_UPGRADE"] is False
    assert values["LOG_FORMATTER"] is None


def test_bad_log_format_is_refused(tmp_path):
    result = run([sys.executable, "-c", SETTINGS_DUMP], production_env(tmp_path, LOG_FORMAT="xml"))
    assert result.returncode != 0
    assert "LOG_FORMAT must be json or plain" in result.stderr


def test_postgres_connections_persist_and_are_health_checked(tmp_path):
    postgres = "postgres://corridor:secret@127.0.0.1:5432/corridor"  # not connected to: settings only
    values = dump_settings(production_env(tmp_path, DATABASE_URL=postgres))
    assert values["CONN_MAX_AGE"] == 60
    assert values["CONN_HEALTH_CHECKS"] is True
    assert values["DISABLE_SERVER_SIDE_CURSORS"] is False

    behind_pgbouncer = production_env(
        tmp_path, DATABASE_URL=postgres, DATABASE_CONN_MAX_AGE="0", DATABASE_DISABLE_SERVER_SIDE_CURSORS="true"
    )
    values = dump_settings(behind_pgbouncer)
    assert values["CONN_MAX_AGE"] == 0
    assert values["DISABLE_SERVER_SIDE_CURSORS"] is True

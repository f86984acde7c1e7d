"""Settings for the test suite: fixed throwaway keys, fast hashing, database from DATABASE_URL."""

import os

os.environ.setdefault("SECRET_KEY", "test-secret-key-that-is-long-enough-for-django-0123456789")
os.environ.setdefault("CORRIDOR_ENCRYPTION_KEYS", "test2:" + "A" * 43 + ",test1:" + "B" * 43)
os.environ.setdefault("CORRIDOR_BLIND_INDEX_KEY", "C" * 43)
os.environ.setdefault("CORRIDOR_AUDIT_KEY", "D" * 43)
os.environ.setdefault("CORRIDOR_NODE_KEY", "E" * 43)
os.environ.setdefault("CORRIDOR_FEDERATION_LOOPBACK_HTTP", "true")
os.environ.setdefault("DATABASE_URL", "sqlite:///:memory:")

from .base import *  # noqa: F403
from .base import BASE_DIR

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = BASE_DIR / "var" / "test-media"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}

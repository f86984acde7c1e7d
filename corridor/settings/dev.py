"""Local development: `make run`. Secrets come from the generated, untracked .env file."""

from corridor.core.env import env_bool, env_str

from .base import mailers

from .base import *  # noqa: F403

DEBUG = env_bool("DEBUG", True)
MAILERS = mailers(env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"))

"""Local development: `make run`. Secrets come from the generated, untracked .env file."""

from corridor.core.env import env_bool, env_str

from .base import *  # noqa: F403
from .base import mailers

DEBUG = env_bool("DEBUG", True)
MAILERS = mailers(env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"))

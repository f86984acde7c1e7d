"""API authentication: `Authorization: Bearer <secret>` names an organisation's API token."""

from typing import cast

from django.http import HttpRequest
from ninja.security import HttpBearer

from corridor.accounts.scope import Actor
from corridor.accounts.selectors import actor_for_token


class TokenAuth(HttpBearer):
    """Resolves the token to an Actor carrying the token's role, so capabilities and scope apply
    exactly as for a signed-in member. A missing, unknown, revoked or expired token gives None,
    which django-ninja turns into a 401."""

    def authenticate(self, request: HttpRequest, token: str) -> Actor | None:
        if not token:
            return None
        return actor_for_token(token)


def actor_of(request: HttpRequest) -> Actor:
    """The authenticated actor; only called from operations that require TokenAuth."""
    return cast(Actor, request.auth)  # type: ignore[attr-defined]

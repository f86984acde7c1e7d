"""The one gate every page passes: signed in, a member of an organisation, holding the capability.
Refusals are written to the audit log."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse

from corridor.accounts.scope import Actor

View = Callable[..., HttpResponse]


def record_denied(request: HttpRequest, actor: Actor | None) -> None:
    from corridor.cases.services import access_denied

    user = request.user if request.user.is_authenticated else None
    access_denied(
        actor=actor, path=request.get_full_path(), user_id=user.pk if user else None, label=user.email if user else ""
    )


def actor_required(capability: str | None = None) -> Callable[[View], View]:
    def decorate(view: View) -> View:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            actor: Actor | None = request.actor  # type: ignore[attr-defined]
            if actor is None or (capability is not None and not actor.can(capability)):
                record_denied(request, actor)
                raise PermissionDenied(capability or "no membership")
            return view(request, actor, *args, **kwargs)

        return wrapper

    return decorate


def not_found(request: HttpRequest, actor: Actor) -> Http404:
    """Out of scope looks exactly like absent, and is recorded."""
    record_denied(request, actor)
    return Http404()

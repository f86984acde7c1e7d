from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from corridor.accounts.selectors import memberships_of


def actor(request: HttpRequest) -> dict[str, Any]:
    current = getattr(request, "actor", None)
    if current is None or not request.user.is_authenticated:
        return {"actor": None}
    return {
        "actor": current,
        "my_memberships": lambda: list(memberships_of(request.user)),  # type: ignore[arg-type]
    }

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from corridor.accounts.capabilities import ROLE_CAPABILITIES
from corridor.accounts.selectors import notifications_of


def actor(request: HttpRequest) -> dict[str, Any]:
    current = getattr(request, "actor", None)
    if not request.user.is_authenticated or current is None:
        return {"actor": None, "caps": frozenset()}
    return {
        "actor": current,
        "caps": ROLE_CAPABILITIES.get(current.role, frozenset()),
        # Lazy: counted only when a template shows it (one indexed query).
        "unread_notifications": lambda: notifications_of(actor=current).filter(read_at__isnull=True).count(),
    }

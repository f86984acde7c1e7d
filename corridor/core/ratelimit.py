"""Fixed-window rate limits kept in the cache, for public endpoints that have no account to throttle.

Client addresses are reduced to a keyed digest before they become part of a cache key, so the cache
(a database table in production) never holds an address."""

from __future__ import annotations

import time
from dataclasses import dataclass

from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.http import HttpRequest

from corridor.core.crypto import blind_index


@dataclass(frozen=True)
class Limit:
    count: int
    seconds: int

    @classmethod
    def parse(cls, text: str) -> Limit:
        """ "10/h", "30/m", "200/d", or "5/600" (seconds)."""
        count, _, period = text.partition("/")
        units = {"s": 1, "m": 60, "h": 3600, "d": 86400}
        seconds = units[period] if period in units else int(period)
        if int(count) < 1 or seconds < 1:
            raise ValueError(text)
        return cls(count=int(count), seconds=seconds)


def client_address(request: HttpRequest) -> str:
    """The client's address as the sign-in limits see it: behind the proxy, the one it appended to
    X-Forwarded-For (CORRIDOR_TRUSTED_PROXY_COUNT), not the proxy's own."""
    from allauth.account.adapter import get_adapter

    try:
        return str(get_adapter(request).get_client_ip(request))
    except (PermissionDenied, ImproperlyConfigured):
        return request.META.get("REMOTE_ADDR", "") or "unknown"


def client_key(request: HttpRequest) -> str:
    return blind_index(client_address(request), kind="rate-client")[:32]


def hit(scope: str, key: str, limit: Limit) -> bool:
    """Count one attempt; False once the window's allowance is used up."""
    window = int(time.time() // limit.seconds)
    cache_key = f"rl:{scope}:{key}:{window}"
    cache.add(cache_key, 0, timeout=limit.seconds + 5)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.set(cache_key, 1, timeout=limit.seconds + 5)
        count = 1
    return count <= limit.count


def exceeded(scope: str, key: str, limit: Limit) -> bool:
    """Whether the allowance is already used up, without counting an attempt."""
    window = int(time.time() // limit.seconds)
    return (cache.get(f"rl:{scope}:{key}:{window}") or 0) >= limit.count

"""The client address of the request being served, for audit entries written deep in services."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.http import HttpRequest, HttpResponse

client_address: ContextVar[str] = ContextVar("client_address", default="")


class AuditContextMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = client_address.set(request.META.get("REMOTE_ADDR", "") or "")
        try:
            return self.get_response(request)
        finally:
            client_address.reset(token)


@contextmanager
def without_client_address() -> Iterator[None]:
    """For writes made on behalf of someone who must not be traceable (an anonymous worker's
    report): audit entries written inside carry no address."""
    token = client_address.set("")
    try:
        yield
    finally:
        client_address.reset(token)

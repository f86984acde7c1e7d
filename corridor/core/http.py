"""Responses shared by the apps' views."""

from __future__ import annotations

from django.http import HttpResponse
from django.utils.http import content_disposition_header


def private_download(content: bytes, *, content_type: str, filename: str) -> HttpResponse:
    """A decrypted file for the person who asked: saved, never shown inline, never cached."""
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    response["Cache-Control"] = "private, no-store"
    return response

"""Structured (JSON) logs for production, one object per line.

`LOG_FORMAT=json` (the production default) makes Django's console handler and gunicorn's access and
error logs write through `JsonFormatter`; `LOG_FORMAT=plain` (the development default) keeps ordinary
text lines. Either way a log line carries only what an operator needs: time, level, logger, message,
and for requests the method, path (never the query string), status and duration. Request bodies,
query strings, headers, cookies, client addresses and user identities are never written here.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from gunicorn.glogging import Logger as _GunicornBaseLogger

from corridor.core.env import load_dotenv

LOG_FORMATS = ("json", "plain")

# Extra attributes a record may carry (gunicorn's access records, `extra=` in our code) that are
# copied into the JSON object. Anything else on a record is ignored, so nothing leaks by accident.
_EXTRA_FIELDS = ("method", "path", "status", "duration_ms", "bytes", "task_id", "task")


def log_format(default: str) -> str:
    """LOG_FORMAT from the environment, checked: "json" or "plain"."""
    value = (os.environ.get("LOG_FORMAT") or default).strip().lower()
    if value not in LOG_FORMATS:
        raise ImproperlyConfigured(f"Environment variable LOG_FORMAT must be json or plain, got {value!r}.")
    return value


class JsonFormatter(logging.Formatter):
    """One JSON object per record: time (ISO 8601, UTC), level, logger, message, request facts, exception."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, tz=UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        # Django's request loggers (django.request, django.server, django.security.*) attach the
        # HttpRequest and the status; take the path and method only, never GET/POST/body/headers.
        request = getattr(record, "request", None)
        if request is not None and hasattr(request, "path"):
            entry["method"] = getattr(request, "method", None)
            entry["path"] = request.path
        status_code = getattr(record, "status_code", None)
        if status_code is not None:
            entry["status"] = status_code
        for field in _EXTRA_FIELDS:
            value = getattr(record, field, None)
            if value is not None:
                entry[field] = value
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        elif record.exc_text:
            entry["exception"] = record.exc_text
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


class GunicornLogger(_GunicornBaseLogger):  # type: ignore[misc]  # gunicorn has no type hints
    """gunicorn's logger with Corridor's format (`--logger-class corridor.core.logging.GunicornLogger`).

    Access lines carry method, path without the query string, status, bytes and duration; gunicorn's
    default access format (client address, full request line with query, referrer, user agent) is
    replaced because query strings and referrers can hold names and identifier numbers.
    """

    def setup(self, cfg: Any) -> None:
        super().setup(cfg)
        load_dotenv(Path(__file__).resolve().parent.parent.parent / ".env")  # as the settings will
        if log_format(default="json") != "json":
            return
        formatter = JsonFormatter()
        for log in (self.error_log, self.access_log):
            for handler in log.handlers:
                if getattr(handler, "_gunicorn", False):
                    handler.setFormatter(formatter)

    def access(self, resp: Any, req: Any, environ: dict[str, Any], request_time: Any) -> None:
        if not self.access_log_enabled:
            return
        status = resp.status
        if isinstance(status, str):
            status = status.split(None, 1)[0]
        with contextlib.suppress(TypeError, ValueError):
            status = int(status)
        method = environ.get("REQUEST_METHOD", "-")
        path = environ.get("PATH_INFO", "-")
        duration_ms = round(request_time.total_seconds() * 1000, 1)
        self.access_log.info(
            "%s %s %s %sms",
            method,
            path,
            status,
            duration_ms,
            extra={
                "method": method,
                "path": path,
                "status": status,
                "duration_ms": duration_ms,
                "bytes": getattr(resp, "sent", None),
            },
        )

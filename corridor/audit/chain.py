"""The digest that links each audit entry to the one before it."""

from __future__ import annotations

import hashlib
import hmac
import json
from datetime import UTC, datetime
from typing import Any

from django.conf import settings

from corridor.core.crypto import decode_key

GENESIS = "0" * 64
CHAINED_FIELDS = (
    "occurred_at",
    "actor_user_id",
    "actor_label",
    "organisation_id",
    "action",
    "object_type",
    "object_id",
    "case_id",
    "summary",
    "changes",
    "ip_address",
)


def _plain(value: Any) -> Any:
    if value is None or isinstance(value, (str, int, bool, dict, list)):
        return value
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    return str(value)


def entry_digest(fields: dict[str, Any], prev_digest: str) -> str:
    """HMAC keyed outside the database, so rewriting the chain needs more than database access."""
    payload = {name: _plain(fields[name]) for name in CHAINED_FIELDS}
    message = prev_digest + json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    key = decode_key(settings.CORRIDOR_AUDIT_KEY, name="CORRIDOR_AUDIT_KEY")
    return hmac.new(key, message.encode("utf-8"), hashlib.sha256).hexdigest()

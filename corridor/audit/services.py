"""Writing to the audit log. Every service that reads or changes personal data calls audit_record."""

from __future__ import annotations

import datetime as dt
import decimal
import uuid
from collections.abc import Iterable
from typing import Any

from django.db import connection, models, transaction
from django.utils import timezone

from corridor.accounts.scope import Actor
from corridor.audit.chain import GENESIS, entry_digest
from corridor.audit.context import client_address
from corridor.audit.models import AuditAction, AuditEntry

_LOCK_KEY = 7_214_202_611  # any constant: serialises appends to the chain on PostgreSQL


def _lock_chain() -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_LOCK_KEY])
    # SQLite: transactions begin IMMEDIATE (settings), so the writer already holds the lock.


def audit_record(
    *,
    actor: Actor | None,
    action: AuditAction | str,
    obj: models.Model | None = None,
    case_id: uuid.UUID | None = None,
    summary: str = "",
    changes: dict[str, Any] | None = None,
    user_id: int | None = None,
    label: str = "",
    organisation_id: uuid.UUID | None = None,
) -> AuditEntry:
    """Append one entry. Called inside the caller's transaction, so a rolled-back change leaves
    no entry behind and a failed audit write rolls the change back."""
    with transaction.atomic():
        _lock_chain()
        previous = AuditEntry.objects.order_by("-id").values_list("digest", flat=True).first()
        fields: dict[str, Any] = {
            "occurred_at": timezone.now(),
            "actor_user_id": actor.user_id if actor is not None else user_id,
            "actor_label": (actor.label if actor is not None else label or "system")[:254],
            "organisation_id": actor.organisation.pk if actor is not None else organisation_id,
            "action": str(action),
            "object_type": obj._meta.label_lower if obj is not None else "",
            "object_id": str(obj.pk) if obj is not None else "",
            "case_id": case_id,
            "summary": summary[:300],
            "changes": changes or {},
            "ip_address": client_address.get()[:45],
        }
        prev_digest = previous or GENESIS
        entry = AuditEntry(**fields, prev_digest=prev_digest, digest=entry_digest(fields, prev_digest))
        entry.save()
        return entry


def _plain(value: Any) -> Any:
    if value is None or isinstance(value, (str, bool, int)):
        return value
    if isinstance(value, models.Model):
        return str(value.pk)
    if isinstance(value, (dt.date, dt.datetime, decimal.Decimal, uuid.UUID)):
        return str(value)
    if isinstance(value, (list, tuple, set, frozenset)):
        return sorted(str(item) for item in value)
    return str(value)


def snapshot(obj: models.Model, field_names: Iterable[str]) -> dict[str, Any]:
    """The audited values of a model's fields (foreign keys as their ids)."""
    values: dict[str, Any] = {}
    for name in field_names:
        field = obj._meta.get_field(name)
        attname = getattr(field, "attname", name)
        values[name] = _plain(getattr(obj, attname))
    return values


def diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    """{field: [old, new]} for the fields whose value changed."""
    return {
        name: [before.get(name), after.get(name)]
        for name in sorted(set(before) | set(after))
        if before.get(name) != after.get(name)
    }

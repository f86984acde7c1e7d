"""Turning audit entries of a case into readable history rows: translated field names, choice
labels instead of codes, people's names instead of ids."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.utils.translation import gettext_lazy as _

from corridor.audit.models import AuditAction, AuditEntry

EXTRA_LABELS = {"reason": _("reason"), "done": _("done"), "is_active": _("active")}


@dataclass(frozen=True)
class Change:
    label: str
    old: str
    new: str


@dataclass(frozen=True)
class HistoryRow:
    entry: AuditEntry
    action_label: str
    subject: str
    changes: list[Change]


def _display(field: Any, value: Any, related: dict[tuple[type, str], str]) -> str:
    if value is None or value == "":
        return "—"
    if field is not None and getattr(field, "choices", None):
        return str(dict(field.flatchoices).get(value, value))
    if field is not None and getattr(field, "related_model", None) is not None:
        return related.get((field.related_model, str(value)), str(value))
    if isinstance(value, bool):
        return str(_("yes") if value else _("no"))
    return str(value)


def _field(model: Any, name: str) -> Any:
    if model is None:
        return None
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:
        return None


def _model(entry: AuditEntry) -> Any:
    try:
        return apps.get_model(entry.object_type) if entry.object_type else None
    except (LookupError, ValueError):
        return None


def _related_names(entries: list[AuditEntry]) -> dict[tuple[type, str], str]:
    """Names of every record the changes point at (people, employers, users, violation types),
    one query per related model."""
    wanted: dict[Any, set[str]] = {}
    for entry in entries:
        model = _model(entry)
        for name, values in entry.changes.items():
            field = _field(model, name)
            related_model = getattr(field, "related_model", None)
            if related_model is None or not isinstance(values, list):
                continue
            wanted.setdefault(related_model, set()).update(str(v) for v in values if v not in (None, ""))
    names: dict[tuple[type, str], str] = {}
    for related_model, ids in wanted.items():
        try:
            found = related_model._default_manager.in_bulk(list(ids))
        except (ValueError, ValidationError):
            continue
        for pk, instance in found.items():
            label = getattr(instance, "display_name", None) or str(instance)
            names[(related_model, str(pk))] = label
    return names


def history_rows(entries: list[AuditEntry]) -> list[HistoryRow]:
    related = _related_names(entries)
    rows = []
    for entry in entries:
        model = _model(entry)
        changes = []
        for name, values in sorted(entry.changes.items()):
            old, new = [*values, None, None][:2] if isinstance(values, list) else (None, values)
            field = _field(model, name)
            label = str(getattr(field, "verbose_name", "") or EXTRA_LABELS.get(name, name.replace("_", " ")))
            changes.append(Change(label=label, old=_display(field, old, related), new=_display(field, new, related)))
        subject = str(model._meta.verbose_name).capitalize() if model is not None else ""
        rows.append(
            HistoryRow(entry=entry, action_label=str(AuditAction(entry.action).label), subject=subject, changes=changes)
        )
    return rows

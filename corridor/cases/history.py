"""Turning audit entries of a case into readable history rows: translated field names, choice
labels instead of codes, people's names instead of ids."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.utils.translation import gettext_lazy as _

from corridor.accounts.models import User
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


def _display(field: Any, value: Any, users: dict[str, str]) -> str:
    if value is None or value == "":
        return "—"
    if field is not None and getattr(field, "choices", None):
        return str(dict(field.flatchoices).get(value, value))
    if field is not None and getattr(field, "related_model", None) is User:
        return users.get(str(value), str(value))
    if field is not None and field.name == "type" and field.related_model is not None:
        instance = field.related_model.objects.filter(pk=value).first()
        return str(instance) if instance else str(value)
    if isinstance(value, bool):
        return str(_("yes") if value else _("no"))
    return str(value)


def history_rows(entries: list[AuditEntry]) -> list[HistoryRow]:
    user_ids = {
        str(value)
        for entry in entries
        for values in entry.changes.values()
        if isinstance(values, list)
        for value in values
        if isinstance(value, (str, int)) and str(value).isdigit()
    }
    users = {str(u.pk): str(u) for u in User.objects.filter(pk__in=[int(i) for i in user_ids])}
    rows = []
    for entry in entries:
        model = None
        if entry.object_type:
            try:
                model = apps.get_model(entry.object_type)
            except (LookupError, ValueError):
                model = None
        changes = []
        for name, values in sorted(entry.changes.items()):
            old, new = (values + [None, None])[:2] if isinstance(values, list) else (None, values)
            try:
                field = model._meta.get_field(name) if model is not None else None
            except FieldDoesNotExist:
                field = None
            label = str(getattr(field, "verbose_name", "") or EXTRA_LABELS.get(name, name.replace("_", " ")))
            changes.append(Change(label=label, old=_display(field, old, users), new=_display(field, new, users)))
        subject = str(model._meta.verbose_name).capitalize() if model is not None else ""
        rows.append(HistoryRow(entry=entry, action_label=str(AuditAction(entry.action).label),
                               subject=subject, changes=changes))
    return rows

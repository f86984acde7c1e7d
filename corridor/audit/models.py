"""The append-only, hash-chained audit log.

Rows carry plain ids rather than foreign keys: deleting a user or a case must never rewrite the
log, and the database refuses UPDATE on this table (see migration 0002).
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditAction(models.TextChoices):
    VIEW = "view", _("Viewed")
    CREATE = "create", _("Created")
    UPDATE = "update", _("Changed")
    DELETE = "delete", _("Removed")
    EXPORT = "export", _("Exported")
    DOWNLOAD = "download", _("Downloaded")
    DENIED = "denied", _("Access denied")
    LOGIN = "login", _("Signed in")
    LOGIN_FAILED = "login_failed", _("Failed sign-in")
    LOGOUT = "logout", _("Signed out")


class AppendOnlyError(Exception):
    pass


class AuditEntry(models.Model):
    id = models.BigAutoField(primary_key=True)
    occurred_at = models.DateTimeField(db_index=True)
    actor_user_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    actor_label = models.CharField(max_length=254)
    organisation_id = models.UUIDField(null=True, blank=True)
    action = models.CharField(max_length=20, choices=AuditAction.choices)
    object_type = models.CharField(max_length=60, blank=True)
    object_id = models.CharField(max_length=64, blank=True)
    case_id = models.UUIDField(null=True, blank=True)
    summary = models.CharField(max_length=300, blank=True)
    changes = models.JSONField(default=dict, blank=True)
    ip_address = models.CharField(max_length=45, blank=True)
    prev_digest = models.CharField(max_length=64)
    digest = models.CharField(max_length=64, unique=True)

    class Meta:
        ordering = ["-id"]
        indexes = [
            models.Index(fields=["organisation_id", "-id"], name="audit_org_recent"),
            models.Index(fields=["case_id", "-id"], name="audit_case_recent"),
        ]

    def __str__(self) -> str:
        return f"#{self.pk} {self.action} {self.object_type} by {self.actor_label}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AppendOnlyError("audit entries cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("audit entries cannot be deleted")

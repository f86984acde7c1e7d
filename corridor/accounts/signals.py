"""Sign-in events into the audit log. Django's auth signals are the only place these happen;
this is audit bookkeeping, not business logic."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from corridor.audit.models import AuditAction
from corridor.audit.services import audit_record


@receiver(user_logged_in)
def _logged_in(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    audit_record(actor=None, action=AuditAction.LOGIN, user_id=user.pk, label=user.email, summary="signed in")


@receiver(user_logged_out)
def _logged_out(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    if user is not None:
        audit_record(actor=None, action=AuditAction.LOGOUT, user_id=user.pk, label=user.email, summary="signed out")


@receiver(user_login_failed)
def _login_failed(sender: Any, credentials: dict[str, Any], request: Any = None, **kwargs: Any) -> None:
    label = str(credentials.get("email") or credentials.get("username") or "unknown")
    audit_record(actor=None, action=AuditAction.LOGIN_FAILED, label=label, summary="sign-in failed")

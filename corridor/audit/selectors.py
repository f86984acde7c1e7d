"""Reads of the audit log: an organisation administrator sees their organisation's entries."""

from __future__ import annotations

import datetime as dt

from django.db.models import Q, QuerySet

from corridor.accounts.models import Membership
from corridor.accounts.scope import Actor
from corridor.audit.models import AuditEntry


def audit_entries_visible_to(
    *,
    actor: Actor,
    action: str = "",
    actor_text: str = "",
    day_from: dt.date | None = None,
    day_to: dt.date | None = None,
) -> QuerySet[AuditEntry]:
    """Entries written for the organisation, plus sign-in events of its members."""
    if not actor.can("audit.view"):
        return AuditEntry.objects.none()
    member_ids = Membership.objects.filter(organisation=actor.organisation).values("user_id")
    entries = AuditEntry.objects.filter(
        Q(organisation_id=actor.organisation.pk) | Q(organisation_id__isnull=True, actor_user_id__in=member_ids)
    )
    if action:
        entries = entries.filter(action=action)
    if actor_text:
        entries = entries.filter(actor_label__icontains=actor_text)
    if day_from:
        entries = entries.filter(occurred_at__date__gte=day_from)
    if day_to:
        entries = entries.filter(occurred_at__date__lte=day_to)
    return entries.order_by("-id")

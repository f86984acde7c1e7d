"""The case lifecycle: which status may follow which, and how each maps onto HTCDS cas_Status."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class CaseStatus(models.TextChoices):
    NEW = "new", _("New")
    ACTIVE = "active", _("Active")
    FOLLOW_UP = "follow_up", _("Follow-up")
    CLOSED = "closed", _("Closed")
    CLOSED_REFERRED = "closed_referred", _("Closed, referred")


TRANSITIONS: dict[str, frozenset[str]] = {
    CaseStatus.NEW: frozenset({CaseStatus.ACTIVE, CaseStatus.CLOSED}),
    CaseStatus.ACTIVE: frozenset({CaseStatus.FOLLOW_UP, CaseStatus.CLOSED, CaseStatus.CLOSED_REFERRED}),
    CaseStatus.FOLLOW_UP: frozenset({CaseStatus.ACTIVE, CaseStatus.CLOSED, CaseStatus.CLOSED_REFERRED}),
    CaseStatus.CLOSED: frozenset({CaseStatus.ACTIVE}),
    CaseStatus.CLOSED_REFERRED: frozenset({CaseStatus.ACTIVE}),
}

# HTCDS v2.0 cas_Status values. "New" has no HTCDS counterpart; a registered case is Active there.
HTCDS_STATUS: dict[str, str] = {
    CaseStatus.NEW: "Active",
    CaseStatus.ACTIVE: "Active",
    CaseStatus.FOLLOW_UP: "FollowUp",
    CaseStatus.CLOSED: "Closed",
    CaseStatus.CLOSED_REFERRED: "ClosedReferred",
}

CLOSED_STATUSES = frozenset({CaseStatus.CLOSED, CaseStatus.CLOSED_REFERRED})
# Moving into these needs a written reason, kept in the history.
REASON_REQUIRED = CLOSED_STATUSES


def allowed_next(status: str) -> list[str]:
    return sorted(TRANSITIONS.get(status, frozenset()), key=list(CaseStatus.values).index)

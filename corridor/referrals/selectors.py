"""Reads of referrals, scoped: a referral is seen by its receiver (what was shared, once accepted) and
by its sender (through the case it came from, so a sensitive case's referrals stay with those who may
see the case)."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from django.db.models import BooleanField, Case, Q, QuerySet, Value, When
from django.utils import timezone

from corridor.accounts.models import Organisation
from corridor.accounts.scope import NOTHING, Actor, case_q
from corridor.referrals.models import (
    OPEN_STATUSES,
    SHARED_VISIBLE_STATUSES,
    Direction,
    FederationMessage,
    PeerStatus,
    Referral,
    ReferralStatus,
    ReferralUpdate,
    RepatriationStep,
)

WAITING = (ReferralStatus.PENDING, ReferralStatus.INFO_REQUESTED)


def referral_q(actor: Actor) -> Q:
    if not actor.can("referral.view"):
        return NOTHING
    received = Q(receiver=actor.organisation)
    sent = Q(sender=actor.organisation) & case_q(actor, prefix="case__")
    return received | sent


def referrals_visible_to(actor: Actor) -> QuerySet[Referral]:
    return Referral.objects.filter(referral_q(actor))


def overdue_q(today: object = None) -> Q:
    day = today or timezone.localdate()
    return Q(status__in=WAITING, respond_by__lt=day) | Q(status=ReferralStatus.ACCEPTED, complete_by__lt=day)


def _with_overdue(referrals: QuerySet[Referral]) -> QuerySet[Referral]:
    """`overdue` on every row, computed by the database from overdue_q: one rule for lists, pages and API."""
    return referrals.annotate(
        overdue=Case(When(overdue_q(), then=Value(True)), default=Value(False), output_field=BooleanField())
    )


@dataclass(frozen=True)
class ReferralFilters:
    box: str = "received"  # or "sent"
    status: str = ""  # a ReferralStatus, "open" or "overdue"


def referral_list(*, actor: Actor, filters: ReferralFilters) -> QuerySet[Referral]:
    referrals = referrals_visible_to(actor)
    if filters.box == "sent":
        referrals = referrals.filter(sender=actor.organisation)
    else:
        referrals = referrals.filter(receiver=actor.organisation)
    if filters.status == "open":
        referrals = referrals.filter(status__in=OPEN_STATUSES)
    elif filters.status == "overdue":
        referrals = referrals.filter(overdue_q())
    elif filters.status in ReferralStatus.values:
        referrals = referrals.filter(status=filters.status)
    return (
        _with_overdue(referrals)
        .select_related("sender", "receiver", "case")
        .defer("shared")
        .order_by("-created_at", "pk")
    )


def referral_get(*, actor: Actor, referral_id: UUID | str) -> Referral | None:
    return (
        _with_overdue(referrals_visible_to(actor))
        .select_related("sender", "receiver", "case", "person", "consent", "peer")
        .filter(pk=referral_id)
        .first()
    )


def shared_visible(*, actor: Actor, referral: Referral) -> bool:
    """The receiver sees the shared fields once it has accepted; the sender always sees what it sent."""
    if referral.sender_id == actor.organisation.pk:
        return True
    return referral.receiver_id == actor.organisation.pk and referral.status in SHARED_VISIBLE_STATUSES


def referral_updates(*, referral: Referral) -> QuerySet[ReferralUpdate]:
    return referral.updates.select_related("organisation")


def referrals_of_case(*, actor: Actor, case_id: UUID | str) -> QuerySet[Referral]:
    """Referrals sent from a case the caller already loaded through case_get (so already in scope)."""
    if not actor.can("referral.view"):
        return Referral.objects.none()
    return Referral.objects.filter(case_id=case_id).select_related("receiver", "person").defer("shared")


def overdue_referrals(*, actor: Actor) -> dict[str, list[Referral]]:
    """For the home page: overdue referrals the organisation must answer, and those it is waiting on."""
    overdue = referrals_visible_to(actor).filter(overdue_q()).select_related("sender", "receiver").defer("shared")
    mine = actor.organisation.pk
    return {
        "to_answer": list(overdue.filter(receiver_id=mine).order_by("respond_by")[:20]),
        "waiting_on": list(overdue.filter(sender_id=mine).order_by("respond_by")[:20]),
    }


def waiting_received_count(*, actor: Actor) -> int:
    return referrals_visible_to(actor).filter(receiver=actor.organisation, status__in=WAITING).count()


def receivers_for(*, actor: Actor) -> QuerySet[Organisation]:
    """Organisations a referral can go to: any other organisation on this server, and those listed by
    an active peer."""
    local = Q(remote__isnull=True)
    remote = Q(remote__listed=True, remote__peer__status=PeerStatus.ACTIVE)
    return (
        Organisation.objects.filter(local | remote)
        .exclude(pk=actor.organisation.pk)
        .select_related("remote__peer")
        .order_by("country", "name_en")
    )


def repatriation_steps(*, referral: Referral) -> QuerySet[RepatriationStep]:
    """The return plan of a referral the caller already loaded through referral_get."""
    return referral.steps.all()


def delivery_state(*, referral: Referral) -> FederationMessage | None:
    """The newest message this server queued for the referral's peer: whether the other server has it."""
    if referral.peer_id is None:
        return None
    return (
        FederationMessage.objects.filter(direction=Direction.OUT, referral_id=referral.pk)
        .defer("body")
        .order_by("-created_at")
        .first()
    )

"""Every write to a referral, on either side and from either origin: a member of this server, or a
peer's message applied by the federation inbox. Both go through `_apply`, so a status change means
the same thing whoever made it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from corridor.accounts.models import Organisation
from corridor.accounts.scope import Actor
from corridor.accounts.selectors import members_with
from corridor.accounts.services import notify
from corridor.audit.models import AuditAction
from corridor.audit.services import audit_record
from corridor.cases.models import Case
from corridor.cases.services import own, require, require_person_in_case
from corridor.people.models import Person
from corridor.people.selectors import sharing_basis
from corridor.referrals import shared as shared_copy
from corridor.referrals.catalogue import ReferralType, SharedField, ordered, rules_for
from corridor.referrals.federation import outbox
from corridor.referrals.models import (
    Peer,
    PeerStatus,
    Referral,
    ReferralStatus,
    ReferralUpdate,
    RepatriationStep,
    ServiceOutcome,
    StepStatus,
    UpdateKind,
)
from corridor.referrals.repatriation import SOP_STEPS

MIN_OVERRIDE_REASON = 20


@dataclass(frozen=True)
class Step:
    """What an update does: the statuses it may follow, which side writes it, the status it leads to."""

    after: frozenset[str]
    side: str  # "sender" or "receiver"
    leads_to: str | None
    needs_text: bool = False


S = ReferralStatus
STEPS: dict[str, Step] = {
    UpdateKind.ACCEPTED: Step(frozenset({S.PENDING, S.INFO_REQUESTED}), "receiver", S.ACCEPTED),
    UpdateKind.DECLINED: Step(frozenset({S.PENDING, S.INFO_REQUESTED}), "receiver", S.DECLINED, needs_text=True),
    UpdateKind.INFO_REQUESTED: Step(frozenset({S.PENDING}), "receiver", S.INFO_REQUESTED, needs_text=True),
    UpdateKind.INFO_GIVEN: Step(frozenset({S.INFO_REQUESTED}), "sender", S.PENDING, needs_text=True),
    UpdateKind.PROGRESS: Step(frozenset({S.ACCEPTED}), "receiver", None, needs_text=True),
    UpdateKind.COMPLETED: Step(frozenset({S.ACCEPTED}), "receiver", S.COMPLETED),
    UpdateKind.REVOKED: Step(frozenset({S.PENDING, S.INFO_REQUESTED, S.ACCEPTED}), "sender", S.REVOKED),
}
# Once a referral is declined or withdrawn, the receiver keeps nothing of what was shared.
WIPES_SHARED = frozenset({S.DECLINED, S.REVOKED})


class RefusedByStep(ValidationError):
    """The update does not fit the referral's status or was written by the wrong side."""


def _peer_required(referral: Referral) -> Peer:
    assert referral.peer is not None  # callers check peer_id first
    return referral.peer


def is_remote(organisation: Organisation) -> bool:
    return hasattr(organisation, "remote")


def _peer_of(organisation: Organisation) -> Peer | None:
    return organisation.remote.peer if is_remote(organisation) else None


# ---- sending ----


def _check_fields(referral_type: str, fields: Collection[str]) -> list[str]:
    chosen = set(fields)
    unknown = chosen - set(SharedField.values)
    if unknown:
        raise ValidationError(
            {"shared_fields": _("Unknown information to share: %(names)s.") % {"names": ", ".join(sorted(unknown))}}
        )
    not_allowed = chosen - rules_for(referral_type).allowed
    if not_allowed:
        names = ", ".join(str(SharedField(field).label) for field in ordered(not_allowed))
        raise ValidationError(
            {"shared_fields": _("A referral of this type may not share: %(names)s.") % {"names": names}}
        )
    if not chosen:
        raise ValidationError({"shared_fields": _("Choose at least one piece of information to share.")})
    return ordered(chosen)


def _check_receiver(actor: Actor, receiver: Organisation) -> Peer | None:
    if receiver.pk == actor.organisation.pk:
        raise ValidationError({"receiver": _("Choose another organisation: a referral cannot go to your own.")})
    peer = _peer_of(receiver)
    if peer is not None:
        if peer.status != PeerStatus.ACTIVE:
            raise ValidationError(
                {
                    "receiver": _("The server of %(organisation)s is suspended: nothing can be sent to it.")
                    % {"organisation": receiver.name}
                }
            )
        if not receiver.remote.listed:
            raise ValidationError(
                {"receiver": _("%(organisation)s no longer receives referrals.") % {"organisation": receiver.name}}
            )
    return peer


def _consent_or_override(actor: Actor, person: Person, receiver: Organisation, override_reason: str) -> tuple[Any, str]:
    basis = sharing_basis(person=person, receiver=receiver)
    if basis.allowed:
        return basis.sharing, ""
    reason = override_reason.strip()
    if not reason:
        raise ValidationError({"consent": list(basis.problems)})
    if not actor.can("referral.override_consent"):
        raise PermissionDenied("referral.override_consent")
    if len(reason) < MIN_OVERRIDE_REASON:
        raise ValidationError(
            {"override_reason": _("Explain in a full sentence why this referral cannot wait for consent.")}
        )
    return None, reason


@transaction.atomic
def referral_send(
    *,
    actor: Actor,
    case: Case,
    person: Person,
    receiver: Organisation,
    referral_type: str,
    fields: Collection[str],
    message: str,
    override_reason: str = "",
) -> Referral:
    """Refer one person of a case to another organisation. The server checks consent (or a manager's
    written override), the fields the type allows, and the receiver; then copies exactly the chosen
    fields and, for a receiver on a peer, puts the referral in the outbox in the same transaction."""
    require(actor, "referral.send")
    own(actor, case)
    require_person_in_case(case, person)
    if referral_type not in ReferralType.values:
        raise ValidationError({"referral_type": _("Choose a type of referral.")})
    if not message.strip():
        raise ValidationError({"message": _("Say what the person needs from the receiving organisation.")})
    chosen = _check_fields(referral_type, fields)
    peer = _check_receiver(actor, receiver)
    consent, override = _consent_or_override(actor, person, receiver, override_reason)
    today = timezone.localdate()
    referral = Referral.objects.create(
        case=case,
        person=person,
        sender=actor.organisation,
        receiver=receiver,
        peer=peer,
        type=referral_type,
        fields=chosen,
        message=message.strip(),
        case_reference=case.reference,
        sent_by=actor.label,
        respond_by=today + dt.timedelta(days=rules_for(referral_type).days_to_answer),
        consent=consent,
        consent_override_reason=override,
        shared=shared_copy.dump(shared_copy.build_shared(case=case, person=person, fields=chosen)),
        created_by=actor.user,
    )
    ReferralUpdate.objects.create(
        referral=referral,
        kind=UpdateKind.SENT,
        organisation=actor.organisation,
        author=actor.label,
        text=referral.message,
        occurred_on=today,
        created_by=actor.user,
    )
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        obj=referral,
        case_id=case.pk,
        summary="referral sent without consent (override)" if override else "referral sent",
        changes={
            "receiver": [None, str(receiver.pk)],
            "type": [None, referral_type],
            "fields": [None, chosen],
            "person": [None, str(person.pk)],
            "consent": [None, str(consent.pk) if consent else None],
            **({"override_reason": [None, override]} if override else {}),
        },
    )
    if referral_type == ReferralType.REPATRIATION:
        repatriation_plan_create(referral)
    if peer is not None:
        outbox.queue(peer=peer, kind="referral.offer", referral_id=referral.pk, body=offer_body(referral))
    else:
        tell_receiver(referral, lambda: _("New %(type)s referral from %(sender)s") % notice_names(referral))
    return referral


def offer_body(referral: Referral) -> dict[str, Any]:
    """What a peer receives: the referral and the shared copy, nothing of the case beyond it."""
    sender = referral.sender
    return {
        "referral": {
            "id": str(referral.pk),
            "type": referral.type,
            "fields": referral.fields,
            "message": referral.message,
            "case_reference": referral.case_reference,
            "sent_by": referral.sent_by,
            "respond_by": referral.respond_by.isoformat(),
            "sent_on": timezone.localtime(referral.created_at).date().isoformat(),
        },
        "sender": {
            "id": str(sender.pk),
            "name_en": sender.name_en,
            "name_km": sender.name_km,
            "name_th": sender.name_th,
            "country": sender.country,
            "type": sender.type,
        },
        "receiver_id": str(referral.receiver.remote.remote_id),
        "shared": shared_copy.load(referral.shared),
    }


# ---- every later step ----


def notice_names(referral: Referral) -> dict[str, str]:
    return {
        "type": str(referral.get_type_display()),
        "sender": referral.sender.name,
        "receiver": referral.receiver.name,
        "id": referral.short_id,
    }


def _url(referral: Referral) -> str:
    return reverse("referrals:detail", args=[referral.pk])


def tell_receiver(referral: Referral, text: Callable[[], str]) -> None:
    if not is_remote(referral.receiver):
        users = members_with(organisation=referral.receiver, capability="referral.respond")
        notify(users=users, organisation=referral.receiver, text=text, url=_url(referral))


def tell_sender(referral: Referral, text: Callable[[], str]) -> None:
    if is_remote(referral.sender):
        return
    users = [referral.created_by] if referral.created_by and referral.created_by.is_active else []
    if not users:
        users = list(members_with(organisation=referral.sender, capability="referral.send"))
    notify(users=users, organisation=referral.sender, text=text, url=_url(referral))


NOTICES: dict[str, Callable[[dict[str, str]], str]] = {
    UpdateKind.ACCEPTED: lambda n: _("%(receiver)s accepted the %(type)s referral %(id)s") % n,
    UpdateKind.DECLINED: lambda n: _("%(receiver)s declined the %(type)s referral %(id)s") % n,
    UpdateKind.INFO_REQUESTED: lambda n: _("%(receiver)s asks about the %(type)s referral %(id)s") % n,
    UpdateKind.INFO_GIVEN: lambda n: _("%(sender)s answered about the %(type)s referral %(id)s") % n,
    UpdateKind.PROGRESS: lambda n: _("%(receiver)s recorded progress on the %(type)s referral %(id)s") % n,
    UpdateKind.COMPLETED: lambda n: _("%(receiver)s completed the %(type)s referral %(id)s") % n,
    UpdateKind.REVOKED: lambda n: _("%(sender)s withdrew the %(type)s referral %(id)s") % n,
}


@dataclass(frozen=True)
class Change:
    kind: str
    text: str = ""
    outcome: str = ""
    occurred_on: dt.date | None = None


def check_step(referral: Referral, change: Change, side: str) -> Step:
    step = STEPS.get(change.kind)
    if step is None:
        raise RefusedByStep(_("Unknown kind of update."))
    if step.side != side:
        raise PermissionDenied(f"{change.kind} is written by the {step.side}")
    if referral.status not in step.after:
        raise RefusedByStep(
            _("This referral is %(status)s: it cannot be changed that way now.")
            % {"status": referral.get_status_display().lower()}
        )
    if step.needs_text and not change.text.strip():
        raise ValidationError({"text": _("Write a few words for the other organisation.")})
    if change.kind == UpdateKind.COMPLETED and change.outcome not in ServiceOutcome.values:
        raise ValidationError({"outcome": _("Choose whether the service was provided.")})
    if change.occurred_on and change.occurred_on > timezone.localdate() + dt.timedelta(days=1):
        raise ValidationError({"occurred_on": _("The date cannot be in the future.")})
    return step


def apply_change(
    referral: Referral, change: Change, *, organisation: Organisation, author: str, user: Any
) -> ReferralUpdate:
    """Record the update and move the referral to its next status. Callers have checked the step."""
    step = STEPS[change.kind]
    now = timezone.now()
    today = timezone.localdate()
    fields = ["updated_at"]
    if step.leads_to is not None:
        referral.status = step.leads_to
        fields.append("status")
    if change.kind in (UpdateKind.ACCEPTED, UpdateKind.DECLINED):
        referral.answered_at = now
        fields.append("answered_at")
    if change.kind == UpdateKind.ACCEPTED:
        referral.complete_by = today + dt.timedelta(days=rules_for(referral.type).days_to_complete)
        fields.append("complete_by")
    if referral.status in (S.DECLINED, S.REVOKED, S.COMPLETED):
        referral.closed_at = now
        fields.append("closed_at")
    if referral.status in WIPES_SHARED:
        referral.shared = ""
        fields.append("shared")
    referral.save(update_fields=fields)
    return ReferralUpdate.objects.create(
        referral=referral,
        kind=change.kind,
        organisation=organisation,
        author=author[:254],
        text=change.text.strip(),
        outcome=change.outcome,
        occurred_on=change.occurred_on or today,
        created_by=user,
    )


def notify_other_side(referral: Referral, kind: str) -> None:
    def text() -> str:  # rendered once per reader, in the reader's language
        return NOTICES[kind](notice_names(referral))

    if STEPS[kind].side == "receiver":
        tell_sender(referral, text)
    else:
        tell_receiver(referral, text)


def side_of(actor: Actor, referral: Referral) -> tuple[str, str]:
    """Which side of the referral the actor's organisation is on, and the capability that side acts with.
    Pages ask it to offer only what the services will accept."""
    if actor.organisation.pk == referral.receiver_id:
        return "receiver", "referral.respond"
    if actor.organisation.pk == referral.sender_id:
        return "sender", "referral.send"
    raise PermissionDenied("not a party to the referral")


@transaction.atomic
def referral_update(*, actor: Actor, referral: Referral, change: Change) -> ReferralUpdate:
    """A member of this server answers, updates or withdraws a referral of their organisation."""
    locked = Referral.objects.select_for_update().select_related("sender", "receiver").get(pk=referral.pk)
    side, capability = side_of(actor, locked)
    require(actor, capability)
    check_step(locked, change, side)
    before = locked.status
    update = apply_change(locked, change, organisation=actor.organisation, author=actor.label, user=actor.user)
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=locked,
        case_id=locked.case_id,
        summary=f"referral {change.kind}",
        changes={"status": [before, locked.status], **({"outcome": [None, change.outcome]} if change.outcome else {})},
    )
    if locked.peer_id is not None:
        outbox.queue(
            peer=_peer_required(locked), kind="referral.update", referral_id=locked.pk, body=update_body(update)
        )
    notify_other_side(locked, change.kind)
    referral.refresh_from_db()
    return update


def update_body(update: ReferralUpdate) -> dict[str, Any]:
    return {
        "referral_id": str(update.referral_id),
        "update_id": str(update.pk),
        "kind": update.kind,
        "text": update.text,
        "outcome": update.outcome,
        "occurred_on": update.occurred_on.isoformat(),
        "author": update.author,
    }


@transaction.atomic
def referral_shared_viewed(*, actor: Actor, referral: Referral) -> None:
    """The shared fields were shown to someone: audited like any other read of personal data."""
    audit_record(
        actor=actor,
        action=AuditAction.VIEW,
        obj=referral,
        case_id=referral.case_id if referral.sender_id == actor.organisation.pk else None,
        summary="referral viewed with shared information",
        changes={"fields": [None, referral.fields]},
    )


# ---- the repatriation plan of a repatriation referral ----


def repatriation_plan_create(referral: Referral) -> None:
    """The SOP's steps with default agencies and due dates, written with the referral on each server."""
    sent_on = timezone.localdate()
    RepatriationStep.objects.bulk_create(
        RepatriationStep(
            referral=referral,
            code=step.code,
            order=order,
            responsible=str(step.agency)[:200],
            due_on=sent_on + dt.timedelta(days=step.days),
        )
        for order, step in enumerate(SOP_STEPS, start=1)
    )


@dataclass(frozen=True)
class StepChange:
    status: str
    responsible: str
    due_on: dt.date
    done_on: dt.date | None = None
    evidence: str = ""


def plan_frozen(referral: Referral) -> bool:
    return referral.status in WIPES_SHARED


def check_step_change(referral: Referral, change: StepChange) -> None:
    if plan_frozen(referral):
        raise RefusedByStep(_("This referral is closed: its return plan can no longer change."))
    if change.status not in StepStatus.values:
        raise ValidationError({"status": _("Choose a status.")})
    if not change.responsible.strip():
        raise ValidationError({"responsible": _("Name the agency responsible for this step.")})
    if change.status == StepStatus.DONE and change.done_on is None:
        raise ValidationError({"done_on": _("Give the date the step was done.")})
    if change.done_on and change.done_on > timezone.localdate():
        raise ValidationError({"done_on": _("The date cannot be in the future.")})


def apply_step_change(step: RepatriationStep, change: StepChange) -> dict[str, list[Any]]:
    before = {"status": step.status, "responsible": step.responsible, "due_on": str(step.due_on)}
    step.status = change.status
    step.responsible = change.responsible.strip()[:200]
    step.due_on = change.due_on
    step.done_on = change.done_on if change.status == StepStatus.DONE else None
    step.evidence = change.evidence.strip()
    step.save(update_fields=["status", "responsible", "due_on", "done_on", "evidence", "updated_at"])
    after = {"status": step.status, "responsible": step.responsible, "due_on": str(step.due_on)}
    return {name: [before[name], after[name]] for name in before if before[name] != after[name]}


@transaction.atomic
def repatriation_step_update(*, actor: Actor, referral: Referral, code: str, change: StepChange) -> RepatriationStep:
    """Either organisation of a repatriation referral records a step: the plan is theirs together."""
    locked = Referral.objects.select_for_update().select_related("sender", "receiver").get(pk=referral.pk)
    require(actor, side_of(actor, locked)[1])
    step = RepatriationStep.objects.filter(referral=locked, code=code).first()
    if step is None:
        raise ValidationError(_("This referral has no such step."))
    check_step_change(locked, change)
    changes = apply_step_change(step, change)
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=step,
        case_id=locked.case_id,
        summary=f"repatriation step {code} recorded",
        changes=changes,
    )
    if locked.peer_id is not None:
        outbox.queue(peer=_peer_required(locked), kind="repatriation.step", referral_id=locked.pk, body=step_body(step))
    Referral.objects.filter(pk=locked.pk).update(updated_at=timezone.now())
    return step


def step_body(step: RepatriationStep) -> dict[str, Any]:
    return {
        "referral_id": str(step.referral_id),
        "code": step.code,
        "status": step.status,
        "responsible": step.responsible,
        "due_on": step.due_on.isoformat(),
        "done_on": step.done_on.isoformat() if step.done_on else None,
        "evidence": step.evidence,
    }

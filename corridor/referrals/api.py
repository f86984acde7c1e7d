"""API: referrals sent and received, through the same services and selectors as the pages. A receiver
sees exactly the shared fields, and only once it has accepted."""

import datetime as dt
import uuid
from typing import Annotated, Any, Literal

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status

from corridor.accounts.models import Organisation
from corridor.api.auth import actor_of
from corridor.api.errors import fields_renamed, found, unreferenced
from corridor.api.pagination import PageQuery, paginate
from corridor.api.schemas import STORABLE, InputSchema, errors
from corridor.cases.selectors import case_get, case_person
from corridor.referrals import selectors, services
from corridor.referrals import shared as shared_copy
from corridor.referrals.catalogue import ReferralType, SharedField
from corridor.referrals.models import Referral, ReferralStatus, ServiceOutcome, StepStatus, UpdateKind
from corridor.referrals.repatriation import BY_CODE

router = Router(tags=["referrals"])

LongText = Annotated[str, Field(max_length=5000), STORABLE]


class OrganisationRef(Schema):
    id: uuid.UUID
    name: str
    country: str
    on_peer: bool = Field(description="True when the organisation is on another Corridor server.")


class UpdateOut(Schema):
    kind: UpdateKind
    organisation: OrganisationRef
    author: str
    text: str
    outcome: ServiceOutcome | Literal[""]
    occurred_on: dt.date


class StepOut(Schema):
    code: str
    title: str
    status: StepStatus
    responsible: str
    due_on: dt.date
    done_on: dt.date | None
    evidence: str


class ReferralOut(Schema):
    id: uuid.UUID
    type: ReferralType
    status: ReferralStatus
    sender: OrganisationRef
    receiver: OrganisationRef
    case_id: uuid.UUID | None = Field(description="The sender's case; null for the receiver.")
    case_reference: str
    sent_by: str
    message: str
    fields: list[SharedField]
    respond_by: dt.date
    complete_by: dt.date | None
    overdue: bool
    shared: dict[str, Any] | None = Field(
        description="Exactly the shared fields, keyed by field; null until the receiver accepts, and once the "
        "referral is declined or withdrawn."
    )
    updates: list[UpdateOut]
    steps: list[StepOut] = Field(description="The return plan, for repatriation referrals; otherwise empty.")
    created_at: dt.datetime


class ReferralSummaryOut(Schema):
    id: uuid.UUID
    type: ReferralType
    status: ReferralStatus
    sender: OrganisationRef
    receiver: OrganisationRef
    respond_by: dt.date
    complete_by: dt.date | None
    overdue: bool
    created_at: dt.datetime


class ReferralPage(Schema):
    items: list[ReferralSummaryOut]
    next_cursor: str | None


class ReferralQuery(PageQuery):
    box: Literal["received", "sent"] = "received"
    status: Literal[
        "", "open", "overdue", "pending", "info_requested", "accepted", "declined", "completed", "revoked"
    ] = ""


class ReferralIn(InputSchema):
    person_id: uuid.UUID
    receiver_id: uuid.UUID
    type: ReferralType
    fields: list[SharedField] = Field(min_length=1, max_length=len(SharedField.values))
    message: LongText
    override_reason: LongText = ""


class StepIn(InputSchema):
    status: StepStatus
    responsible: Annotated[str, Field(min_length=1, max_length=200), STORABLE]
    due_on: dt.date
    done_on: dt.date | None = None
    evidence: LongText = ""


class UpdateIn(InputSchema):
    kind: Literal["accepted", "declined", "info_requested", "info_given", "progress", "completed", "revoked"]
    text: LongText = ""
    outcome: ServiceOutcome | Literal[""] = ""
    occurred_on: dt.date | None = None


def _org(organisation: Organisation) -> OrganisationRef:
    return OrganisationRef(
        id=organisation.pk,
        name=organisation.name,
        country=organisation.country,
        on_peer=services.is_remote(organisation),
    )


def _summary(referral: Referral) -> ReferralSummaryOut:
    return ReferralSummaryOut(
        id=referral.pk,
        type=ReferralType(referral.type),
        status=ReferralStatus(referral.status),
        sender=_org(referral.sender),
        receiver=_org(referral.receiver),
        respond_by=referral.respond_by,
        complete_by=referral.complete_by,
        overdue=referral.overdue,  # type: ignore[attr-defined]
        created_at=referral.created_at,
    )


def _out(request: HttpRequest, referral: Referral) -> ReferralOut:
    actor = actor_of(request)
    visible = selectors.shared_visible(actor=actor, referral=referral) and bool(referral.shared)
    if visible:
        services.referral_shared_viewed(actor=actor, referral=referral)
    is_sender = referral.sender_id == actor.organisation.pk
    return ReferralOut(
        **_summary(referral).dict(),
        case_id=referral.case_id if is_sender else None,
        case_reference=referral.case_reference,
        sent_by=referral.sent_by,
        message=referral.message,
        fields=referral.fields,
        shared=shared_copy.load(referral.shared) if visible else None,
        updates=[
            UpdateOut(
                kind=UpdateKind(update.kind),
                organisation=_org(update.organisation),
                author=update.author,
                text=update.text,
                outcome=ServiceOutcome(update.outcome) if update.outcome else "",
                occurred_on=update.occurred_on,
            )
            for update in selectors.referral_updates(referral=referral)
        ],
        steps=[
            StepOut(
                code=step.code,
                title=str(BY_CODE[step.code].title) if step.code in BY_CODE else step.code,
                status=StepStatus(step.status),
                responsible=step.responsible,
                due_on=step.due_on,
                done_on=step.done_on,
                evidence=step.evidence,
            )
            for step in selectors.repatriation_steps(referral=referral)
        ],
    )


@router.get("/referrals", response={200: ReferralPage, **errors(422)})
def list_referrals(request: HttpRequest, query: Query[ReferralQuery]) -> Any:
    """Referrals the organisation received (default) or sent, newest first."""
    actor = actor_of(request)
    referrals = selectors.referral_list(
        actor=actor, filters=selectors.ReferralFilters(box=query.box, status=query.status)
    )
    page = paginate(referrals, query, newest_first=True)
    return {"items": [_summary(referral) for referral in page.items], "next_cursor": page.next_cursor}


@router.get("/referrals/{referral_id}", response={200: ReferralOut, **errors(404, 422)})
def get_referral(request: HttpRequest, referral_id: uuid.UUID) -> Any:
    """One referral with its history. Reading the shared fields is audited, like the page."""
    referral = found(selectors.referral_get(actor=actor_of(request), referral_id=referral_id), request)
    return _out(request, referral)


@router.post("/cases/{case_id}/referrals", response={201: ReferralOut, **errors(403, 404, 422)})
def send_referral(request: HttpRequest, case_id: uuid.UUID, payload: ReferralIn) -> Any:
    """Refer one person of the case. Refused without consent to receive services and to share with the
    receiver, unless a manager's token gives an override_reason (audited)."""
    actor = actor_of(request)
    case = found(case_get(actor=actor, case_id=case_id), request)
    person = case_person(case=case, person_id=payload.person_id)
    if person is None:
        raise unreferenced(request, field="person_id", message=_("Choose a person linked to this case."))
    receiver = selectors.receivers_for(actor=actor).filter(pk=payload.receiver_id).first()
    if receiver is None:
        raise unreferenced(request, field="receiver_id", message=_("Choose an organisation that receives referrals."))
    with fields_renamed({"shared_fields": "fields", "referral_type": "type", "receiver": "receiver_id"}):
        referral = services.referral_send(
            actor=actor,
            case=case,
            person=person,
            receiver=receiver,
            referral_type=payload.type,
            fields=[str(field) for field in payload.fields],
            message=payload.message,
            override_reason=payload.override_reason,
        )
    return Status(201, _out(request, found(selectors.referral_get(actor=actor, referral_id=referral.pk), request)))


@router.post("/referrals/{referral_id}/updates", response={201: ReferralOut, **errors(403, 404, 422)})
def update_referral(request: HttpRequest, referral_id: uuid.UUID, payload: UpdateIn) -> Any:
    """Accept, decline, ask, answer, record progress or the outcome, or withdraw: the steps each side may
    take depend on the referral's status."""
    actor = actor_of(request)
    referral = found(selectors.referral_get(actor=actor, referral_id=referral_id), request)
    change = services.Change(
        kind=payload.kind, text=payload.text, outcome=payload.outcome, occurred_on=payload.occurred_on
    )
    services.referral_update(actor=actor, referral=referral, change=change)
    return Status(201, _out(request, found(selectors.referral_get(actor=actor, referral_id=referral.pk), request)))


@router.post("/referrals/{referral_id}/steps/{code}", response={201: ReferralOut, **errors(403, 404, 422)})
def update_repatriation_step(request: HttpRequest, referral_id: uuid.UUID, code: str, payload: StepIn) -> Any:
    """Record a step of a repatriation referral's return plan; either organisation may."""
    actor = actor_of(request)
    referral = found(selectors.referral_get(actor=actor, referral_id=referral_id), request)
    change = services.StepChange(
        status=payload.status,
        responsible=payload.responsible,
        due_on=payload.due_on,
        done_on=payload.done_on,
        evidence=payload.evidence,
    )
    services.repatriation_step_update(actor=actor, referral=referral, code=code, change=change)
    return Status(201, _out(request, found(selectors.referral_get(actor=actor, referral_id=referral.pk), request)))

"""API: cases and what they record. Reads through corridor.cases.selectors, writes through
corridor.cases.services, exactly as the pages do."""

import datetime as dt
import uuid
from decimal import Decimal
from typing import Annotated, Any, cast

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status

from corridor.accounts.models import User
from corridor.accounts.scope import Actor
from corridor.accounts.selectors import assignable_users
from corridor.api.auth import actor_of
from corridor.api.errors import fields_renamed, found, unreferenced
from corridor.api.pagination import PageQuery, paginate
from corridor.api.schemas import (
    BLANK_AS_NONE,
    STORABLE,
    Amount,
    InputSchema,
    Line,
    ProvinceCode,
    RequiredLine,
    Text,
    UserId,
    Version,
    errors,
    omissible,
    patch_body,
    province_ref,
)
from corridor.cases import selectors, services
from corridor.cases.lifecycle import CaseStatus, allowed_next
from corridor.cases.models import (
    Case,
    CaseParty,
    CasePersonRole,
    Currency,
    EventKind,
    Note,
    Outcome,
    OutcomeKind,
    PartyRole,
    Sensitivity,
    Violation,
    ViolationGroup,
)
from corridor.parties.models import Sector
from corridor.parties.selectors import party_get
from corridor.people.api import PersonSummaryOut
from corridor.people.selectors import person_get

router = Router(tags=["cases"])

OptionalSector = Annotated[Sector | None, BLANK_AS_NONE]


# --- Output ---------------------------------------------------------------------------------------


class CaseOut(Schema):
    id: uuid.UUID
    reference: str
    title: str
    summary: str
    status: CaseStatus
    htcds_status: str = Field(description="The status in HTCDS v2.0 terms (cas_Status).")
    sensitivity: Sensitivity
    sector: OptionalSector
    work_province: str | None = Field(validation_alias="work_province_id", description="ISO 3166-2 code.")
    opened_on: dt.date
    closed_on: dt.date | None
    assigned_to: int | None = Field(validation_alias="assigned_to_id", description="User id.")
    version: int
    created_at: dt.datetime
    updated_at: dt.datetime


class CasePage(Schema):
    items: list[CaseOut]
    next_cursor: str | None


class CasePersonOut(Schema):
    id: uuid.UUID
    role: CasePersonRole
    person: PersonSummaryOut


class CasePartyOut(Schema):
    id: uuid.UUID
    role: PartyRole
    party_id: uuid.UUID
    name: str

    @staticmethod
    def resolve_party_id(obj: CaseParty) -> uuid.UUID:
        return cast(uuid.UUID, obj.party.pk)

    @staticmethod
    def resolve_name(obj: CaseParty) -> str:
        return str(obj.party)


class ViolationOut(Schema):
    id: uuid.UUID
    type_code: str = Field(validation_alias="type_id")
    group: ViolationGroup
    name: str
    notes: str

    @staticmethod
    def resolve_group(obj: Violation) -> str:
        return obj.type.group

    @staticmethod
    def resolve_name(obj: Violation) -> str:
        return obj.type.name


class EventOut(Schema):
    id: uuid.UUID
    kind: EventKind
    occurred_on: dt.date
    place: str
    description: str


class NoteOut(Schema):
    id: uuid.UUID
    body: str
    author: str = Field(description="The member who wrote it; empty when written through the API.")
    created_at: dt.datetime

    @staticmethod
    def resolve_author(obj: Note) -> str:
        return str(obj.created_by) if obj.created_by else ""


class TaskOut(Schema):
    id: uuid.UUID
    title: str
    due_on: dt.date | None
    assignee: int | None = Field(validation_alias="assignee_id", description="User id.")
    done_at: dt.datetime | None


class AttachmentOut(Schema):
    id: uuid.UUID
    filename: str
    content_type: str
    size: int
    description: str
    created_at: dt.datetime


class OutcomeOut(Schema):
    id: uuid.UUID
    kind: OutcomeKind
    amount: Amount | None
    currency: Annotated[Currency | None, BLANK_AS_NONE]
    achieved_on: dt.date
    notes: str

    @staticmethod
    def resolve_amount(obj: Outcome) -> str | None:
        return None if obj.amount is None else f"{obj.amount:.2f}"


class CaseDetailOut(Schema):
    case: CaseOut
    allowed_statuses: list[CaseStatus] = Field(description="The statuses this case may move to next.")
    people: list[CasePersonOut]
    parties: list[CasePartyOut]
    violations: list[ViolationOut]
    events: list[EventOut]
    notes: list[NoteOut]
    tasks: list[TaskOut]
    attachments: list[AttachmentOut]
    outcomes: list[OutcomeOut]


class ViolationTypeOut(Schema):
    code: str
    group: ViolationGroup
    name_en: str
    name_km: str
    name_th: str
    htcds_field: str
    htcds_value: str
    ilo_id: str


# --- Input ----------------------------------------------------------------------------------------


class CaseQuery(PageQuery):
    q: Annotated[str, Field(max_length=100), STORABLE] = Field(
        "", description="A case reference, words of the title, a worker's name or a whole identifier number."
    )
    status: CaseStatus = omissible()
    violation: Annotated[str, Field(max_length=40), STORABLE] = Field("", description="A violation code.")
    sector: Sector = omissible()
    province: Annotated[str, Field(max_length=6), STORABLE] = Field("", description="ISO 3166-2 code.")
    assignee: Annotated[str, Field(pattern=r"^(|none|[1-9][0-9]{0,17})$")] = Field(
        "", description='A user id, or "none" for unassigned cases.'
    )
    opened_from: dt.date = omissible()
    opened_to: dt.date = omissible()

    def filters(self) -> selectors.CaseFilters:
        return selectors.CaseFilters(
            q=self.q,
            status=self.status or "",
            violation=self.violation,
            sector=self.sector or "",
            province=self.province,
            assignee=self.assignee,
            opened_from=self.opened_from,
            opened_to=self.opened_to,
        )


class CaseFields(InputSchema):
    title: RequiredLine
    summary: Text = ""
    sensitivity: Sensitivity = Sensitivity.STANDARD
    sector: Sector | None = None
    work_province: ProvinceCode | None = Field(None, description="ISO 3166-2 code of a province of Thailand.")
    opened_on: dt.date = omissible("Defaults to today.")

    def values(self) -> dict[str, Any]:
        """The fields sent, in the services' terms."""
        values = self.model_dump(exclude_unset=True, exclude={"version", "assigned_to"})
        if "sector" in values:
            values["sector"] = values["sector"] or ""
        if "work_province" in values:
            values["work_province"] = province_ref(values["work_province"])
        return values


class CaseIn(CaseFields):
    assigned_to: UserId | None = Field(None, description="User id of an active member who works on cases.")


@patch_body
class CasePatch(CaseFields):
    """Only the fields sent are changed."""

    version: Version


class StatusIn(InputSchema):
    status: CaseStatus
    reason: Annotated[str, Field(max_length=500), STORABLE] = Field("", description="Needed when closing.")
    version: Version


class AssignIn(InputSchema):
    assignee: UserId | None = Field(description="User id of an active member who works on cases, or null.")
    version: Version


class CasePersonIn(InputSchema):
    person_id: uuid.UUID
    role: CasePersonRole


class CasePartyIn(InputSchema):
    kind: PartyRole
    id: uuid.UUID


class ViolationIn(InputSchema):
    type_code: Annotated[str, Field(min_length=1, max_length=40), STORABLE]
    notes: Text = ""


class EventIn(InputSchema):
    kind: EventKind
    occurred_on: dt.date
    description: Annotated[str, Field(min_length=1, max_length=10_000), STORABLE]
    place: Line = ""


class NoteIn(InputSchema):
    body: Annotated[str, Field(min_length=1, max_length=10_000), STORABLE]


class TaskIn(InputSchema):
    title: RequiredLine
    due_on: dt.date | None = None
    assignee: UserId | None = None


class OutcomeIn(InputSchema):
    kind: OutcomeKind
    achieved_on: dt.date
    amount: Amount | None = None
    currency: Currency | None = None
    notes: Text = ""


# --- Helpers --------------------------------------------------------------------------------------


def _case(request: HttpRequest, case_id: uuid.UUID) -> Case:
    return found(selectors.case_get(actor=actor_of(request), case_id=case_id), request)


def _member(actor: Actor, user_id: int | None, *, field: str) -> User | None:
    """The member a request names by user id, among those the pages offer (assignable_users)."""
    if user_id is None:
        return None
    member = assignable_users(actor=actor).filter(pk=user_id).first()
    if member is None:
        raise ValidationError({field: _("Choose an active member of your organisation who works on cases.")})
    return member


# --- Operations -----------------------------------------------------------------------------------


@router.get("/violation-types", response={200: list[ViolationTypeOut], **errors()})
def list_violation_types(request: HttpRequest) -> Any:
    """The taxonomy of violations with its HTCDS and ILO mapping: reference data, for every token."""
    return selectors.violation_types()


@router.get("/cases", response={200: CasePage, **errors(422)})
def list_cases(request: HttpRequest, query: Query[CaseQuery]) -> Any:
    """Cases the token may see, newest first. The page's sort choices do not apply: a cursor needs
    one fixed order."""
    cases = selectors.case_list(actor=actor_of(request), filters=query.filters())
    return paginate(cases, query, newest_first=True)


@router.post("/cases", response={201: CaseOut, **errors(403, 422)})
def open_case(request: HttpRequest, payload: CaseIn) -> Any:
    actor = actor_of(request)
    assignee = _member(actor, payload.assigned_to, field="assigned_to")
    return Status(201, services.case_open(actor=actor, assigned_to=assignee, **payload.values()))


@router.get("/cases/{case_id}", response={200: CaseDetailOut, **errors(404, 422)})
def get_case(request: HttpRequest, case_id: uuid.UUID) -> Any:
    """A case with everything it records. Every read is audited, like the case page."""
    case = _case(request, case_id)
    services.case_viewed(actor=actor_of(request), case=case)
    parts = selectors.case_detail_parts(case=case)
    return {"case": case, "allowed_statuses": allowed_next(case.status), **parts}


@router.patch("/cases/{case_id}", response={200: CaseOut, **errors(403, 404, 409, 422)})
def update_case(request: HttpRequest, case_id: uuid.UUID, payload: CasePatch) -> Any:
    case = _case(request, case_id)
    values = payload.values()
    return services.case_update(actor=actor_of(request), case=case, version=payload.version, **values)


@router.post("/cases/{case_id}/status", response={200: CaseOut, **errors(403, 404, 409, 422)})
def change_case_status(request: HttpRequest, case_id: uuid.UUID, payload: StatusIn) -> Any:
    case = _case(request, case_id)
    return services.case_change_status(actor=actor_of(request), case=case, **payload.model_dump())


@router.post("/cases/{case_id}/assign", response={200: CaseOut, **errors(403, 404, 409, 422)})
def assign_case(request: HttpRequest, case_id: uuid.UUID, payload: AssignIn) -> Any:
    actor = actor_of(request)
    case = _case(request, case_id)
    assignee = _member(actor, payload.assignee, field="assignee")
    with fields_renamed({"assigned_to": "assignee"}):
        return services.case_assign(actor=actor, case=case, version=payload.version, assignee=assignee)


@router.post("/cases/{case_id}/people", response={201: CasePersonOut, **errors(403, 404, 422)})
def add_case_person(request: HttpRequest, case_id: uuid.UUID, payload: CasePersonIn) -> Any:
    actor = actor_of(request)
    case = _case(request, case_id)
    person = person_get(actor=actor, person_id=payload.person_id)
    if person is None:
        raise unreferenced(request, field="person_id", message=_("Choose a person of your organisation."))
    return Status(201, services.case_person_add(actor=actor, case=case, person=person, role=payload.role))


@router.post("/cases/{case_id}/parties", response={201: CasePartyOut, **errors(403, 404, 422)})
def add_case_party(request: HttpRequest, case_id: uuid.UUID, payload: CasePartyIn) -> Any:
    actor = actor_of(request)
    case = _case(request, case_id)
    party = party_get(actor=actor, kind=payload.kind, party_id=payload.id)
    if party is None:
        message = _("Choose an employer, workplace or recruiter of your organisation.")
        raise unreferenced(request, field="id", message=message)
    return Status(201, services.case_party_add(actor=actor, case=case, party=party))


@router.post("/cases/{case_id}/violations", response={201: ViolationOut, **errors(403, 404, 422)})
def add_violation(request: HttpRequest, case_id: uuid.UUID, payload: ViolationIn) -> Any:
    case = _case(request, case_id)
    with fields_renamed({"type": "type_code"}):
        violation = services.violation_add(actor=actor_of(request), case=case, **payload.model_dump())
    return Status(201, violation)


@router.post("/cases/{case_id}/events", response={201: EventOut, **errors(403, 404, 422)})
def add_event(request: HttpRequest, case_id: uuid.UUID, payload: EventIn) -> Any:
    case = _case(request, case_id)
    return Status(201, services.event_add(actor=actor_of(request), case=case, **payload.model_dump()))


@router.post("/cases/{case_id}/notes", response={201: NoteOut, **errors(403, 404, 422)})
def add_note(request: HttpRequest, case_id: uuid.UUID, payload: NoteIn) -> Any:
    case = _case(request, case_id)
    return Status(201, services.note_add(actor=actor_of(request), case=case, body=payload.body))


@router.post("/cases/{case_id}/tasks", response={201: TaskOut, **errors(403, 404, 422)})
def add_task(request: HttpRequest, case_id: uuid.UUID, payload: TaskIn) -> Any:
    actor = actor_of(request)
    case = _case(request, case_id)
    assignee = _member(actor, payload.assignee, field="assignee")
    values = payload.model_dump(exclude={"assignee"})
    return Status(201, services.task_add(actor=actor, case=case, assignee=assignee, **values))


@router.post("/cases/{case_id}/outcomes", response={201: OutcomeOut, **errors(403, 404, 422)})
def add_outcome(request: HttpRequest, case_id: uuid.UUID, payload: OutcomeIn) -> Any:
    case = _case(request, case_id)
    values = {
        **payload.model_dump(),
        "amount": Decimal(payload.amount) if payload.amount is not None else None,
        "currency": payload.currency or "",
    }
    return Status(201, services.outcome_add(actor=actor_of(request), case=case, **values))

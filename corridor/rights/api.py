"""API: wage claims. The calculator runs on the server, as on the pages; problems with the facts come back
keyed by the path of the fact (e.g. "periods.0.end")."""

import datetime as dt
import uuid
from typing import Annotated, Any

from django.http import HttpRequest
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status

from corridor.api.auth import actor_of
from corridor.api.errors import found, unreferenced
from corridor.api.schemas import Amount, InputSchema, errors
from corridor.cases.selectors import case_get, case_person
from corridor.rights import explain, selectors, services
from corridor.rights.facts import (
    DeductionPurpose,
    DocumentHolder,
    EmploymentFacts,
    FeeKind,
    PayBasis,
)
from corridor.rights.models import WageClaim
from corridor.rights.storage import claim_from_json, facts_from_json

router = Router(tags=["wage claims"])

Hours = Annotated[str, Field(pattern=r"^[0-9]{1,4}(\.[0-9]{1,2})?$", examples=["52"])]
Day = Annotated[dt.date, Field(ge=dt.date(1990, 1, 1), le=dt.date(2100, 12, 31))]


class DeductionIn(InputSchema):
    purpose: DeductionPurpose
    amount: Amount
    consented: bool = False


class PeriodIn(InputSchema):
    start: Day
    end: Day
    days_worked: int = Field(ge=0, le=366)
    normal_hours_per_day: Hours = "8"
    overtime_hours: Hours = "0"
    holiday_hours: Hours = "0"
    holiday_overtime_hours: Hours = "0"
    wages_paid: Amount
    overtime_paid: Amount = "0"
    deductions: list[DeductionIn] = Field(default_factory=list, max_length=20)
    consented_to_exceed_caps: bool = False


class FeeIn(InputSchema):
    kind: FeeKind
    amount: Amount
    paid_on: Day


class TerminationIn(InputSchema):
    on: Day
    by_employer: bool
    serious_misconduct: bool = False
    severance_paid: Amount = "0"


class WageClaimIn(InputSchema):
    person_id: uuid.UUID | None = None
    province_code: Annotated[str, Field(pattern=r"^TH-[0-9]{2}$", examples=["TH-21"])]
    wage_scope: Annotated[str, Field(max_length=200)] = "general"
    hazardous: bool = False
    pay_basis: PayBasis
    agreed_rate: Amount
    employment_start: Day
    days_worked_per_week: int = Field(ge=1, le=7)
    periods: list[PeriodIn] = Field(default_factory=list, max_length=60)
    documents_held_by: DocumentHolder = DocumentHolder.UNKNOWN
    recruitment_fees: list[FeeIn] = Field(default_factory=list, max_length=20)
    termination: TerminationIn | None = None
    wilful_nonpayment: bool = False
    as_of: Day

    def facts(self) -> EmploymentFacts:
        """The same conversion as a saved claim's (the fields are named alike on purpose)."""
        return facts_from_json(self.model_dump(mode="json", exclude={"person_id"}))


class LineOut(Schema):
    code: str
    amount: str
    description: str = Field(description="In the token's language (Accept-Language), with the figures used.")
    legal_basis: str
    basis_unconfirmed: bool
    period: int | None = Field(description="The pay period's position in the facts, from 1.")
    due_on: dt.date


class FindingOut(Schema):
    code: str
    description: str
    legal_basis: str
    violation: str = Field(description="A violation type code (GET /violation-types).")
    period: int | None


class WageClaimOut(Schema):
    id: uuid.UUID
    case_id: uuid.UUID
    person_id: uuid.UUID | None
    revision: int
    total: str = Field(description="Amount owed in THB.")
    as_of: dt.date
    law_version: str
    lines: list[LineOut]
    findings: list[FindingOut]
    facts: dict[str, Any]
    created_at: dt.datetime


def _out(claim: WageClaim) -> WageClaimOut:
    stored = claim_from_json(claim.result)
    language = (get_language() or "en")[:2]
    return WageClaimOut(
        id=claim.pk,
        case_id=claim.case_id,
        person_id=claim.person_id,
        revision=claim.revision,
        total=str(claim.total),
        as_of=claim.as_of,
        law_version=claim.law_version,
        lines=[
            LineOut(
                code=line.code,
                amount=str(line.amount),
                description=explain.describe_line(line),
                legal_basis=explain.basis_text(line.basis, language),
                basis_unconfirmed=line.basis.unconfirmed,
                period=None if line.period_index is None else line.period_index + 1,
                due_on=line.due_on,
            )
            for line in stored.lines
        ],
        findings=[
            FindingOut(
                code=finding.code,
                description=explain.describe_finding(finding),
                legal_basis=explain.basis_text(finding.basis, language),
                violation=finding.violation_code,
                period=None if finding.period_index is None else finding.period_index + 1,
            )
            for finding in stored.findings
        ],
        facts=claim.facts,
        created_at=claim.created_at,
    )


@router.get("/cases/{case_id}/wage-claims", response={200: list[WageClaimOut], **errors(404, 422)})
def list_wage_claims(request: HttpRequest, case_id: uuid.UUID) -> Any:
    """Every saved revision for the case, newest first."""
    case = found(case_get(actor=actor_of(request), case_id=case_id), request)
    return [_out(claim) for claim in selectors.wage_claims_for_case(case=case)[:100]]


@router.post("/cases/{case_id}/wage-claims", response={201: WageClaimOut, **errors(403, 404, 422)})
def compute_wage_claim(request: HttpRequest, case_id: uuid.UUID, payload: WageClaimIn) -> Any:
    actor = actor_of(request)
    case = found(case_get(actor=actor, case_id=case_id), request)
    person = case_person(case=case, person_id=payload.person_id)
    if payload.person_id is not None and person is None:
        raise unreferenced(request, field="person_id", message=_("Choose a person linked to this case."))
    claim = services.wage_claim_save(actor=actor, case=case, facts=payload.facts(), person=person)
    return Status(201, _out(claim))


@router.get("/cases/{case_id}/wage-claims/{claim_id}", response={200: WageClaimOut, **errors(404, 422)})
def get_wage_claim(request: HttpRequest, case_id: uuid.UUID, claim_id: uuid.UUID) -> Any:
    """One revision. Every read is audited, like the page."""
    actor = actor_of(request)
    claim = found(selectors.wage_claim_get(actor=actor, case_id=case_id, claim_id=claim_id), request)
    services.wage_claim_viewed(actor=actor, claim=claim)
    return _out(claim)

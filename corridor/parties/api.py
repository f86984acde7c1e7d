"""API: employers, workplaces and recruiters of the organisation."""

import datetime as dt
import uuid
from typing import Annotated, Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status

from corridor.api.auth import actor_of
from corridor.api.errors import fields_renamed, unreferenced
from corridor.api.pagination import PageQuery, paginate
from corridor.api.schemas import (
    BLANK_AS_NONE,
    STORABLE,
    InputSchema,
    Line,
    ProvinceCode,
    RequiredLine,
    errors,
    province_ref,
)
from corridor.parties import selectors, services
from corridor.parties.models import LicenceStatus, RecruiterKind, Sector

router = Router(tags=["parties"])

OptionalSector = Annotated[Sector | None, BLANK_AS_NONE]
Short = Annotated[str, Field(max_length=100), STORABLE]


class EmployerOut(Schema):
    id: uuid.UUID
    name: str
    name_th: str
    registration_number: str
    sector: OptionalSector
    province: str | None = Field(validation_alias="province_id", description="ISO 3166-2 code.")
    address: str
    created_at: dt.datetime


class WorkplaceOut(Schema):
    id: uuid.UUID
    name: str
    employer_id: uuid.UUID | None
    sector: OptionalSector
    province: str = Field(validation_alias="province_id", description="ISO 3166-2 code.")
    district: str
    created_at: dt.datetime


class RecruiterOut(Schema):
    id: uuid.UUID
    name: str
    kind: RecruiterKind
    country: str
    licence_status: LicenceStatus
    licence_number: str
    created_at: dt.datetime


class EmployerPage(Schema):
    items: list[EmployerOut]
    next_cursor: str | None


class WorkplacePage(Schema):
    items: list[WorkplaceOut]
    next_cursor: str | None


class RecruiterPage(Schema):
    items: list[RecruiterOut]
    next_cursor: str | None


class EmployerIn(InputSchema):
    name: RequiredLine
    name_th: Line = ""
    registration_number: Annotated[str, Field(max_length=40), STORABLE] = ""
    sector: Sector | None = None
    province: ProvinceCode | None = None
    address: Annotated[str, Field(max_length=300), STORABLE] = ""


class WorkplaceIn(InputSchema):
    name: RequiredLine
    employer_id: uuid.UUID | None = Field(None, description="An employer of your organisation.")
    sector: Sector | None = None
    province: ProvinceCode = Field(description="ISO 3166-2 code of a province of Thailand.")
    district: Short = ""


class RecruiterIn(InputSchema):
    name: RequiredLine
    kind: RecruiterKind
    country: Annotated[str, Field(pattern=r"^[A-Z]{2}$")] = "KH"
    licence_status: LicenceStatus = LicenceStatus.UNKNOWN
    licence_number: Annotated[str, Field(max_length=60), STORABLE] = ""


@router.get("/employers", response={200: EmployerPage, **errors(422)})
def list_employers(request: HttpRequest, query: Query[PageQuery]) -> Any:
    return paginate(selectors.employers_visible_to(actor_of(request)), query, newest_first=False)


@router.post("/employers", response={201: EmployerOut, **errors(403, 422)})
def add_employer(request: HttpRequest, payload: EmployerIn) -> Any:
    values = {**payload.model_dump(), "sector": payload.sector or "", "province": province_ref(payload.province)}
    return Status(201, services.employer_create(actor=actor_of(request), **values))


@router.get("/workplaces", response={200: WorkplacePage, **errors(422)})
def list_workplaces(request: HttpRequest, query: Query[PageQuery]) -> Any:
    return paginate(selectors.workplaces_visible_to(actor_of(request)), query, newest_first=False)


@router.post("/workplaces", response={201: WorkplaceOut, **errors(403, 422)})
def add_workplace(request: HttpRequest, payload: WorkplaceIn) -> Any:
    actor = actor_of(request)
    employer = None
    if payload.employer_id is not None:
        employer = selectors.party_get(actor=actor, kind="employer", party_id=payload.employer_id)
        if employer is None:
            message = _("Choose an employer of your organisation.")
            raise unreferenced(request, field="employer_id", message=message)
    values = {
        **payload.model_dump(exclude={"employer_id"}),
        "employer": employer,
        "sector": payload.sector or "",
        "province": province_ref(payload.province),
    }
    with fields_renamed({"employer": "employer_id"}):
        return Status(201, services.workplace_create(actor=actor, **values))


@router.get("/recruiters", response={200: RecruiterPage, **errors(422)})
def list_recruiters(request: HttpRequest, query: Query[PageQuery]) -> Any:
    return paginate(selectors.recruiters_visible_to(actor_of(request)), query, newest_first=False)


@router.post("/recruiters", response={201: RecruiterOut, **errors(403, 422)})
def add_recruiter(request: HttpRequest, payload: RecruiterIn) -> Any:
    return Status(201, services.recruiter_create(actor=actor_of(request), **payload.model_dump()))

"""API: screening instruments and assessments. Reads through corridor.screening.selectors, writes through
corridor.screening.services, exactly as the pages do (the result is always computed by the server)."""

import datetime as dt
import uuid
from typing import Annotated, Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status

from corridor.api.auth import actor_of
from corridor.api.errors import fields_renamed, found, unreferenced
from corridor.api.schemas import STORABLE, InputSchema, errors
from corridor.cases.selectors import case_get, case_person
from corridor.screening import selectors, services
from corridor.screening.instruments import Instrument, Text, current_instruments, latest
from corridor.screening.models import Assessment, ResultStatus
from corridor.screening.rules import Answer
from corridor.screening.services import NOTE_MAX_LENGTH, Response

router = Router(tags=["screening"])

QuestionId = Annotated[str, Field(pattern=r"^[A-Za-z0-9-]{1,40}$")]
Note = Annotated[str, Field(max_length=NOTE_MAX_LENGTH), STORABLE]


class TextOut(Schema):
    en: str
    km: str
    th: str


def _text(text: Text) -> TextOut:
    return TextOut(en=text.en, km=text.km, th=text.th)


class IndicatorOut(Schema):
    id: str
    dimension: str
    strength: str | None
    label: TextOut
    question: TextOut
    violations: list[str]


class DimensionOut(Schema):
    id: str
    role: str
    label: TextOut


class InstrumentOut(Schema):
    code: str
    version: int
    kind: str
    title: TextOut
    source: str
    rule_source: str
    own_list: bool
    contexts: list[str] = Field(description="Situation questions the rule reads, answered like indicators.")
    dimensions: list[DimensionOut]
    indicators: list[IndicatorOut]


def _instrument_out(item: Instrument) -> InstrumentOut:
    return InstrumentOut(
        code=item.code,
        version=item.version,
        kind=item.kind,
        title=_text(item.title),
        source=item.source,
        rule_source=item.rule_source,
        own_list=item.own_list,
        contexts=[context.id for context in item.contexts],
        dimensions=[DimensionOut(id=d.id, role=d.role, label=_text(d.label)) for d in item.dimensions],
        indicators=[
            IndicatorOut(
                id=i.id,
                dimension=i.dimension,
                strength=i.strength,
                label=_text(i.label),
                question=_text(i.question),
                violations=list(i.violations),
            )
            for i in item.indicators
        ],
    )


class AssessmentOut(Schema):
    id: uuid.UUID
    case_id: uuid.UUID
    person_id: uuid.UUID | None
    instrument: str = Field(validation_alias="instrument_code")
    instrument_version: int
    revision: int
    job: str
    status: ResultStatus = Field(
        description="positive: indicators present; undetermined: unknown answers could change it."
    )
    answers: dict[str, Any] = Field(description='{question id: {"answer": "yes|no|unknown", "note": "…"}}')
    result: dict[str, Any] = Field(description="Dimensions, the rule that fired, gaps and suggested violation codes.")
    created_at: dt.datetime


class AnswerIn(InputSchema):
    answer: Answer
    note: Note = ""


class AssessmentIn(InputSchema):
    instrument: Annotated[str, Field(pattern=r"^[a-z0-9-]{1,40}$", examples=["ilo-ec-adult-labour"])]
    answers: dict[QuestionId, AnswerIn] = Field(
        default_factory=dict, max_length=200, description="Questions left out count as unknown, never as no."
    )
    job: Annotated[str, Field(max_length=300), STORABLE] = ""
    person_id: uuid.UUID | None = None


@router.get("/screening/instruments", response={200: list[InstrumentOut], **errors()})
def list_instruments(request: HttpRequest) -> Any:
    """The current version of each instrument, with its questions in English, Khmer and Thai."""
    return [_instrument_out(item) for item in current_instruments()]


@router.get("/cases/{case_id}/assessments", response={200: list[AssessmentOut], **errors(404, 422)})
def list_assessments(request: HttpRequest, case_id: uuid.UUID) -> Any:
    """Every saved revision for the case, newest first."""
    case = found(case_get(actor=actor_of(request), case_id=case_id), request)
    return list(selectors.assessments_for_case(case=case)[:200])


@router.post("/cases/{case_id}/assessments", response={201: AssessmentOut, **errors(403, 404, 422)})
def save_assessment(request: HttpRequest, case_id: uuid.UUID, payload: AssessmentIn) -> Any:
    actor = actor_of(request)
    case = found(case_get(actor=actor, case_id=case_id), request)
    item = latest(payload.instrument)
    if item is None:
        raise unreferenced(request, field="instrument", message=_("Choose an instrument from the list."))
    person = case_person(case=case, person_id=payload.person_id)
    if payload.person_id is not None and person is None:
        raise unreferenced(request, field="person_id", message=_("Choose a person linked to this case."))
    responses = {key: Response(value.answer, value.note) for key, value in payload.answers.items()}
    with fields_renamed({"__all__": "answers"}):
        assessment = services.assessment_save(
            actor=actor, case=case, instrument=item, responses=responses, job=payload.job, person=person
        )
    return Status(201, assessment)


@router.get("/cases/{case_id}/assessments/{assessment_id}", response={200: AssessmentOut, **errors(404, 422)})
def get_assessment(request: HttpRequest, case_id: uuid.UUID, assessment_id: uuid.UUID) -> Assessment:
    """One revision. Every read is audited, like the page."""
    actor = actor_of(request)
    assessment = found(selectors.assessment_get(actor=actor, case_id=case_id, assessment_id=assessment_id), request)
    services.assessment_viewed(actor=actor, assessment=assessment)
    return assessment

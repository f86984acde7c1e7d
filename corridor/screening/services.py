"""Every write of the screening app: saving an assessment, confirming what it suggests, exporting it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from corridor.accounts.scope import Actor
from corridor.audit.models import AuditAction
from corridor.audit.services import audit_record
from corridor.cases import services as case_services
from corridor.cases.models import Case, CasePerson, TraffickingStatus
from corridor.people.models import Person
from corridor.screening.instruments import Instrument
from corridor.screening.models import Assessment
from corridor.screening.rules import Answer, Result, Tri, evaluate

NOTE_MAX_LENGTH = 2000


@dataclass(frozen=True, slots=True)
class Response:
    answer: Answer
    note: str = ""


def _clean_responses(instrument: Instrument, responses: Mapping[str, Response]) -> dict[str, Response]:
    known = set(instrument.by_id) | {context.id for context in instrument.contexts}
    if unknown := sorted(set(responses) - known):
        raise ValidationError(
            _("These questions are not part of %(instrument)s: %(ids)s.")
            % {"instrument": instrument.title, "ids": ", ".join(unknown)}
        )
    for question_id, response in responses.items():
        if len(response.note) > NOTE_MAX_LENGTH:
            raise ValidationError(
                {f"note_{question_id}": _("Keep the note under %(count)d characters.") % {"count": NOTE_MAX_LENGTH}}
            )
    return {
        question_id: Response(Answer(response.answer), response.note.strip())
        for question_id, response in responses.items()
    }


def assessment_result(instrument: Instrument, responses: Mapping[str, Response]) -> Result:
    """The live result: computed the same way as on save, and never stored."""
    return _evaluate(instrument, _clean_responses(instrument, responses))


def _evaluate(instrument: Instrument, cleaned: Mapping[str, Response]) -> Result:
    context_ids = {context.id for context in instrument.contexts}
    answers = {key: value.answer for key, value in cleaned.items() if key not in context_ids}
    contexts = {key: value.answer for key, value in cleaned.items() if key in context_ids}
    return evaluate(instrument, answers, contexts)


@transaction.atomic
def assessment_save(
    *,
    actor: Actor,
    case: Case,
    instrument: Instrument,
    responses: Mapping[str, Response],
    job: str = "",
    person: Person | None = None,
) -> Assessment:
    """A new revision of this instrument for the case; the result is computed here, never taken from the page."""
    case_services.require(actor, "screening.assess")
    case_services.own(actor, case)
    case_services.require_person_in_case(case, person)
    if len(job) > 300:
        raise ValidationError({"job": _("Describe the job in under 300 characters.")})
    cleaned = _clean_responses(instrument, responses)
    result = _evaluate(instrument, cleaned)
    revision = case_services.next_revision(case, case.assessments.filter(instrument_code=instrument.code))
    assessment = Assessment.objects.create(
        case=case,
        person=person,
        instrument_code=instrument.code,
        instrument_version=instrument.version,
        revision=revision,
        job=job.strip(),
        answers={key: {"answer": value.answer.value, "note": value.note} for key, value in cleaned.items()},
        result=result.to_dict(),
        status=result.status.value,
        language=(get_language() or "en")[:2],
        created_by=actor.user,
    )
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        obj=assessment,
        case_id=case.pk,
        changes={
            "instrument": [None, instrument.key],
            "revision": [None, assessment.revision],
            "result": [None, result.status.value],
        },
        summary="screening assessment saved",
    )
    case_services.touch(case)
    return assessment


def suggested_status(instrument: Instrument, result: Result) -> str:
    """The HTCDS trafficking status a result suggests, or "" when it suggests none."""
    if instrument.suggests_trafficking_status and result.status is Tri.POSITIVE:
        return TraffickingStatus.POSSIBLE.value
    return ""


@transaction.atomic
def assessment_confirm(
    *,
    actor: Actor,
    assessment: Assessment,
    instrument: Instrument,
    violation_codes: Sequence[str],
    set_trafficking_status: bool,
) -> list[str]:
    """A caseworker accepts some of what the assessment suggests; returns the violation codes added.

    Only suggestions of this assessment can be confirmed, and the status is set only for the person it assessed."""
    case_services.require(actor, "screening.assess", "case.edit")
    case = assessment.case
    case_services.own(actor, case)
    result = Result.from_dict(assessment.result)
    added = case_services.violations_confirm(
        actor=actor,
        case=case,
        codes=violation_codes,
        suggested=result.suggested_violations,
        notes=_("Suggested by screening %(instrument)s, revision %(revision)d")
        % {"instrument": instrument.title.en, "revision": assessment.revision},
    )
    if set_trafficking_status:
        status = suggested_status(instrument, result)
        if not status or assessment.person_id is None:
            raise ValidationError({"trafficking_status": _("This assessment does not suggest a trafficking status.")})
        link = CasePerson.objects.get(case=case, person_id=assessment.person_id)
        case_services.case_person_set_trafficking_status(actor=actor, link=link, status=status)
    return added


@transaction.atomic
def assessment_viewed(*, actor: Actor, assessment: Assessment) -> None:
    audit_record(
        actor=actor, action=AuditAction.VIEW, obj=assessment, case_id=assessment.case_id, summary="screening viewed"
    )


@transaction.atomic
def assessment_exported(*, actor: Actor, assessment: Assessment, language: str) -> None:
    """Printing a summary takes case data out of the system: the access log says who and when."""
    case_services.require(actor, "case.view")
    audit_record(
        actor=actor,
        action=AuditAction.EXPORT,
        obj=assessment,
        case_id=assessment.case_id,
        summary=f"screening summary printed ({language})",
    )

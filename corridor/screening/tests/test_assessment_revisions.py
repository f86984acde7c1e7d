"""Saving an assessment computes its result on the server and keeps every revision as it was answered."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from conftest import actor_of, make_member
from corridor.audit.models import AuditEntry
from corridor.screening.rules import Answer
from corridor.screening.services import Response, assessment_save
from corridor.screening.tests.conftest import instrument_named

pytestmark = pytest.mark.django_db


def _yes(*ids: str) -> dict[str, Response]:
    return {indicator_id: Response(Answer.YES) for indicator_id in ids}


def test_it_saves_revisions_and_keeps_the_earlier_ones(a_case, caseworker):
    ilo = instrument_named("ilo-11")
    first = assessment_save(actor=actor_of(caseworker), case=a_case, instrument=ilo, responses={})
    second = assessment_save(
        actor=actor_of(caseworker),
        case=a_case,
        instrument=ilo,
        responses=_yes("ILO11-07") | {"ILO11-08": Response(Answer.NO, "paid late but paid")},
        job="fish processing, Rayong",
    )
    first.refresh_from_db()
    assert (first.revision, first.status) == (1, "undetermined")
    assert (second.revision, second.status) == (2, "positive")
    assert second.answers["ILO11-08"] == {"answer": "no", "note": "paid late but paid"}
    assert second.instrument_version == ilo.version
    assert second.result["suggested_violations"][0] == "ILO11-07"
    entries = AuditEntry.objects.filter(case_id=a_case.pk, summary="screening assessment saved")
    assert entries.count() == 2


def test_it_refuses_questions_the_instrument_does_not_have(a_case, caseworker):
    with pytest.raises(ValidationError):
        assessment_save(
            actor=actor_of(caseworker),
            case=a_case,
            instrument=instrument_named("ilo-11"),
            responses=_yes("ICLS18-INV-a"),
        )
    assert not a_case.assessments.exists()


def test_it_refuses_a_person_who_is_not_in_the_case(a_case, caseworker):
    from corridor.people.services import person_create

    stranger = person_create(actor=actor_of(caseworker), name_latin="Sok Lina")
    with pytest.raises(ValidationError):
        assessment_save(
            actor=actor_of(caseworker),
            case=a_case,
            instrument=instrument_named("ilo-11"),
            responses={},
            person=stranger,
        )


def test_it_lets_only_roles_that_screen_save(a_case, org):
    viewer = make_member(org, "viewer")
    with pytest.raises(PermissionDenied):
        assessment_save(actor=actor_of(viewer), case=a_case, instrument=instrument_named("ilo-11"), responses={})


def test_it_refuses_another_organisations_case(a_case, outsider):
    with pytest.raises(PermissionDenied):
        assessment_save(actor=actor_of(outsider), case=a_case, instrument=instrument_named("ilo-11"), responses={})

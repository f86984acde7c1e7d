"""A result only suggests: violations and the HTCDS trafficking status reach the case when a caseworker
confirms them, and only what the assessment suggested can be confirmed."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from conftest import actor_of
from corridor.cases.services import case_person_add
from corridor.people.services import person_create
from corridor.screening.rules import Answer
from corridor.screening.services import Response, assessment_confirm, assessment_save
from corridor.screening.tests.conftest import instrument_named

pytestmark = pytest.mark.django_db

TRAFFICKING = [
    "DELPHI-AL-DR-01",
    "DELPHI-AL-DR-08",
    "DELPHI-AL-EX-01",
    "DELPHI-AL-EX-04",
    "DELPHI-AL-CD-01",
    "DELPHI-AL-CD-14",
]


@pytest.fixture
def worker_in_case(a_case, caseworker):
    person = person_create(actor=actor_of(caseworker), name_latin="Chan Dara")
    case_person_add(actor=actor_of(caseworker), case=a_case, person=person, role="worker")
    return person


@pytest.fixture
def positive_assessment(a_case, caseworker, worker_in_case):
    responses = {indicator_id: Response(Answer.YES) for indicator_id in TRAFFICKING} | {"child": Response(Answer.NO)}
    return assessment_save(
        actor=actor_of(caseworker),
        case=a_case,
        instrument=instrument_named("ilo-ec-adult-labour"),
        responses=responses,
        person=worker_in_case,
    )


def test_it_adds_nothing_to_the_case_until_confirmed(a_case, positive_assessment):
    assert positive_assessment.status == "positive"
    assert not a_case.violations.exists()
    assert a_case.person_links.get().trafficking_status == ""


def test_it_adds_the_confirmed_violations_and_status(a_case, caseworker, positive_assessment):
    suggested = positive_assessment.result["suggested_violations"]
    assert suggested
    added = assessment_confirm(
        actor=actor_of(caseworker),
        assessment=positive_assessment,
        instrument=instrument_named("ilo-ec-adult-labour"),
        violation_codes=suggested[:2],
        set_trafficking_status=True,
    )
    assert set(added) == set(suggested[:2])
    assert set(a_case.violations.values_list("type_id", flat=True)) == set(suggested[:2])
    assert a_case.person_links.get().trafficking_status == "PossibleVictimOfTrafficking"


def test_it_refuses_violations_the_assessment_did_not_suggest(a_case, caseworker, positive_assessment):
    with pytest.raises(ValidationError):
        assessment_confirm(
            actor=actor_of(caseworker),
            assessment=positive_assessment,
            instrument=instrument_named("ilo-ec-adult-labour"),
            violation_codes=["LR-NO-SOCIAL-SECURITY"],
            set_trafficking_status=False,
        )
    assert not a_case.violations.exists()


def test_it_suggests_no_trafficking_status_from_a_forced_labour_instrument(a_case, caseworker, worker_in_case):
    assessment = assessment_save(
        actor=actor_of(caseworker),
        case=a_case,
        instrument=instrument_named("ilo-11"),
        responses={"ILO11-07": Response(Answer.YES)},
        person=worker_in_case,
    )
    with pytest.raises(ValidationError):
        assessment_confirm(
            actor=actor_of(caseworker),
            assessment=assessment,
            instrument=instrument_named("ilo-11"),
            violation_codes=[],
            set_trafficking_status=True,
        )
    assert a_case.person_links.get().trafficking_status == ""

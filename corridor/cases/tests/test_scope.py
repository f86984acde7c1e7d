"""Which cases each persona sees: own organisation only; sensitive cases only when assigned or
with the capability; analysts never see case rows."""

import pytest

from conftest import actor_of
from corridor.cases.selectors import case_get, cases_visible_to, status_counts
from corridor.cases.services import case_open

pytestmark = pytest.mark.django_db


@pytest.fixture
def sensitive_case(manager, caseworker):
    return case_open(actor=actor_of(manager), title="Scam compound", sensitivity="sensitive", assigned_to=manager)


def test_it_hides_every_case_from_another_organisation(a_case, outsider):
    assert not cases_visible_to(actor_of(outsider)).exists()
    assert case_get(actor=actor_of(outsider), case_id=a_case.pk) is None


def test_it_shows_sensitive_cases_only_to_the_assignee_and_managers(sensitive_case, caseworker, manager, org_admin):
    assert case_get(actor=actor_of(caseworker), case_id=sensitive_case.pk) is None
    assert case_get(actor=actor_of(manager), case_id=sensitive_case.pk) is not None
    assert case_get(actor=actor_of(org_admin), case_id=sensitive_case.pk) is not None


def test_it_shows_a_sensitive_case_to_the_caseworker_once_assigned(sensitive_case, caseworker, manager):
    from corridor.cases.services import case_assign

    case_assign(actor=actor_of(manager), case=sensitive_case, version=1, assignee=caseworker)
    assert case_get(actor=actor_of(caseworker), case_id=sensitive_case.pk) is not None


def test_it_gives_analysts_counts_but_no_case_rows(a_case, sensitive_case, analyst):
    actor = actor_of(analyst)
    assert not cases_visible_to(actor).exists()
    assert status_counts(actor=actor) == {"new": 2}


def test_it_refuses_to_assign_a_case_to_someone_who_does_not_work_on_cases(a_case, manager, analyst, outsider):
    from django.core.exceptions import ValidationError

    from corridor.cases.services import case_assign

    for person in (analyst, outsider):
        with pytest.raises(ValidationError, match="works on cases"):
            case_assign(actor=actor_of(manager), case=a_case, version=a_case.version, assignee=person)

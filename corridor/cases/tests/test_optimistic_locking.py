"""Two caseworkers cannot silently overwrite each other: a stale version is refused."""

import pytest

from conftest import actor_of
from corridor.cases.models import Case
from corridor.cases.services import case_assign, case_update
from corridor.people.services import StaleEdit

pytestmark = pytest.mark.django_db


def test_it_refuses_an_edit_based_on_an_old_version(a_case, caseworker, manager):
    first_reader = Case.objects.get(pk=a_case.pk)
    second_reader = Case.objects.get(pk=a_case.pk)
    case_update(actor=actor_of(caseworker), case=first_reader, version=first_reader.version, title="Wages unpaid")
    with pytest.raises(StaleEdit):
        case_update(actor=actor_of(manager), case=second_reader, version=second_reader.version, title="Other title")
    assert Case.objects.get(pk=a_case.pk).title == "Wages unpaid"


def test_it_refuses_a_stale_assignment(a_case, caseworker, manager):
    case_update(actor=actor_of(caseworker), case=a_case, version=1, summary="New facts")
    with pytest.raises(StaleEdit):
        case_assign(actor=actor_of(manager), case=a_case, version=1, assignee=manager)
    assert Case.objects.get(pk=a_case.pk).assigned_to == caseworker

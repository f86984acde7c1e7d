"""Identifier numbers are unreadable in the database and found by exact search."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from conftest import actor_of
from corridor.cases.selectors import CaseFilters, case_list
from corridor.cases.services import case_person_add
from corridor.people.models import PersonIdentifier
from corridor.people.selectors import people_search
from corridor.people.services import identifier_add, person_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def worker(caseworker):
    return person_create(
        actor=actor_of(caseworker),
        name_latin="Sok Sreymom",
        name_km="សុខ ស្រីមុំ",
        name_th="ซก สรีมม",
        gender="Feminine",
    )


def test_it_stores_no_identifier_in_clear(worker, caseworker):
    identifier_add(actor=actor_of(caseworker), person=worker, kind="passport", value="N 0123-456")
    identifier_add(actor=actor_of(caseworker), person=worker, kind="phone", value="+66 81 234 5678")
    with connection.cursor() as cursor:
        cursor.execute("SELECT value, blind_index FROM people_personidentifier")
        rows = cursor.fetchall()
    raw = b"".join(bytes(value) for value, _ in rows)
    for secret in (b"N0123456", b"N 0123-456", b"66812345678", b"812345678"):
        assert secret not in raw
    assert all("N0123456" not in index for _, index in rows)
    assert {i.value for i in PersonIdentifier.objects.all()} == {"N0123456", "+66812345678"}


def test_it_finds_people_and_cases_by_exact_identifier(worker, caseworker, a_case):
    actor = actor_of(caseworker)
    identifier_add(actor=actor, person=worker, kind="passport", value="N0123456")
    case_person_add(actor=actor, case=a_case, person=worker, role="worker")
    assert list(people_search(actor=actor, text="n 0123456")) == [worker]
    assert list(people_search(actor=actor, text="N0123457")) == []
    assert list(case_list(actor=actor, filters=CaseFilters(q="N-0123456"))) == [a_case]


def test_it_finds_people_by_name_in_every_script(worker, caseworker):
    actor = actor_of(caseworker)
    for fragment in ("sreymom", "SOK", "ស្រីមុំ", "สรีมม"):
        assert list(people_search(actor=actor, text=fragment)) == [worker], fragment


def test_it_refuses_malformed_numbers_with_a_clear_message(worker, caseworker):
    with pytest.raises(ValidationError, match="phone number"):
        identifier_add(actor=actor_of(caseworker), person=worker, kind="phone", value="call me")
    assert not PersonIdentifier.objects.exists()

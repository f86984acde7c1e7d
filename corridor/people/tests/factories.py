"""Small builders for people tests, all through the services (so audit and validation apply)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from conftest import actor_of
from corridor.accounts.models import User
from corridor.cases.models import Case, CasePerson
from corridor.cases.services import case_open, case_person_add
from corridor.people.models import Person
from corridor.people.services import identifier_add, person_create


def a_person(user: User, **values: Any) -> Person:
    names = {"name_latin": "Sok Chan", "name_km": "សុខ ចាន់", "name_th": "ซก จัน"}
    return person_create(actor=actor_of(user), **{**names, **values})


def with_identifier(user: User, person: Person, kind: str, value: str) -> Person:
    identifier_add(actor=actor_of(user), person=person, kind=kind, value=value)
    return person


def a_case_with(
    user: User,
    person: Person,
    *,
    sensitivity: str = "standard",
    assigned_to: User | None = None,
    title: str = "Wages unpaid",
) -> Case:
    case = case_open(
        actor=actor_of(user),
        title=title,
        sensitivity=sensitivity,
        assigned_to=assigned_to,
        opened_on=dt.date(2026, 10, 1),
    )
    link(user, case, person)
    return case


def link(user: User, case: Case, person: Person, role: str = "worker") -> CasePerson:
    return case_person_add(actor=actor_of(user), case=case, person=person, role=role)

"""Builders for parties tests, through the services."""

from __future__ import annotations

from typing import Any

from conftest import actor_of
from corridor.accounts.models import User
from corridor.parties.models import Employer, Recruiter, Workplace
from corridor.parties.services import employer_create, recruiter_create, workplace_create


def an_employer(user: User, name: str = "Rayong Seafood Co.", **values: Any) -> Employer:
    return employer_create(actor=actor_of(user), name=name, **values)


def a_workplace(user: User, name: str = "Plant 2", **values: Any) -> Workplace:
    return workplace_create(actor=actor_of(user), name=name, **{"province_id": "TH-21", **values})


def a_recruiter(user: User, name: str = "Poipet Jobs", **values: Any) -> Recruiter:
    return recruiter_create(actor=actor_of(user), name=name, **{"kind": "broker", **values})

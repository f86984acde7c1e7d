"""API personas: tokens of the owner organisation by role, and a token of another organisation.
The people and cases themselves come from the shared personas in the root conftest.py."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from conftest import actor_of, make_member
from corridor.accounts.models import Organisation, User
from corridor.accounts.scope import Actor
from corridor.accounts.services import api_token_create

API = "/api/v1"


class ApiClient:
    """A Django test client that speaks JSON and sends a bearer token."""

    def __init__(self, secret: str | None) -> None:
        self.client = Client()
        self.headers = {"Authorization": f"Bearer {secret}"} if secret else {}

    def request(self, method: str, path: str, body: Any = None, **query: Any) -> Any:
        send = getattr(self.client, method.lower())
        url = path if path.startswith("/") else f"{API}/{path}"
        if body is None:
            return send(url, query or None, headers=self.headers)
        content = body if isinstance(body, (str, bytes)) else json.dumps(body, default=str)
        return send(url, content, content_type="application/json", headers=self.headers)

    def get(self, path: str, **query: Any) -> Any:
        return self.request("GET", path, **query)

    def post(self, path: str, body: Any = None) -> Any:
        return self.request("POST", path, {} if body is None else body)

    def patch(self, path: str, body: Any = None) -> Any:
        return self.request("PATCH", path, {} if body is None else body)


def token_secret(organisation: Organisation, role: str, *, expires_at: dt.datetime | None = None) -> str:
    admin = organisation.memberships.filter(role="org_admin").select_related("user").first()
    user = admin.user if admin is not None else make_member(organisation, "org_admin")
    _, secret = api_token_create(actor=actor_of(user), name=f"{role} integration", role=role, expires_at=expires_at)
    return secret


@pytest.fixture
def api_as(org) -> Callable[[str], ApiClient]:
    """A client with a token of `org` acting with the given role."""
    return lambda role: ApiClient(token_secret(org, role))


@pytest.fixture
def api(api_as) -> ApiClient:
    return api_as("caseworker")


@pytest.fixture
def outsider_api(other_org) -> ApiClient:
    """A caseworker token of another organisation: must see nothing of `org`."""
    return ApiClient(token_secret(other_org, "caseworker"))


@pytest.fixture
def owner(caseworker: User) -> Actor:
    return actor_of(caseworker)


def assert_error(response: Any, status: int, code: str) -> dict[str, Any]:
    """The response is an error in the API's one shape; returns its "error" object."""
    assert response.status_code == status, (response.status_code, response.content[:500])
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    error = body["error"]
    assert set(error) == {"code", "message", "fields"}
    assert error["code"] == code
    assert isinstance(error["message"], str) and error["message"]
    assert all(isinstance(messages, list) for messages in error["fields"].values())
    return error


@pytest.fixture
def a_person(owner: Actor):
    from corridor.people.services import identifier_add, person_create

    person = person_create(
        actor=owner,
        name_latin="Sok Chan",
        name_km="សុខ ចាន់",
        name_th="ซก จัน",
        current_province=None,
        migration_channel="mou",
    )
    identifier_add(actor=owner, person=person, kind="passport", value="N1234567")
    return person


@pytest.fixture
def parties(owner: Actor) -> dict[str, Any]:
    """One employer, workplace and recruiter of `org`, by kind."""
    from corridor.core.models import Province
    from corridor.parties.services import employer_create, recruiter_create, workplace_create

    employer = employer_create(actor=owner, name="Rayong Seafood Co.", sector="C")
    return {
        "employer": employer,
        "workplace": workplace_create(
            actor=owner, name="Plant 2", employer=employer, province=Province.objects.get(pk="TH-21")
        ),
        "recruiter": recruiter_create(actor=owner, name="Poipet Jobs", kind="agency"),
    }

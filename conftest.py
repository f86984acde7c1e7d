"""Shared personas for every test: owner organisation members by role, and an outsider from
another organisation who must be denied everything of the owner's."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable

import pytest
from django.test import Client

from corridor.accounts.models import Membership, Organisation, User
from corridor.accounts.scope import Actor

_counter = itertools.count(1)


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """Rate-limit counters live in the cache; each test starts with a full allowance."""
    from django.core.cache import cache

    cache.clear()


def make_organisation(slug: str, *, country: str = "TH", require_mfa: bool = False) -> Organisation:
    return Organisation.objects.create(
        slug=slug,
        name_en=f"{slug.title()} Organisation",
        name_km="អង្គការ",
        name_th="องค์กร",
        country=country,
        type="NGO",
        case_prefix=slug[:6].upper().replace("-", ""),
        require_mfa=require_mfa,
    )


def make_member(organisation: Organisation, role: str, *, email: str | None = None) -> User:
    email = email or f"{role}{next(_counter)}@{organisation.slug}.example.org"
    user = User.objects.create_user(email=email, password="correct horse battery", full_name=email.split("@")[0])
    Membership.objects.create(user=user, organisation=organisation, role=role)
    return user


def actor_of(user: User) -> Actor:
    membership = user.memberships.select_related("organisation").get()
    return Actor(organisation=membership.organisation, role=membership.role, user=user)


@pytest.fixture
def org(db) -> Organisation:
    return make_organisation("rayong-help")


@pytest.fixture
def other_org(db) -> Organisation:
    return make_organisation("phnom-legal", country="KH")


@pytest.fixture
def member_factory(org) -> Callable[[str], User]:
    return lambda role: make_member(org, role)


@pytest.fixture
def org_admin(org) -> User:
    return make_member(org, "org_admin")


@pytest.fixture
def manager(org) -> User:
    return make_member(org, "manager")


@pytest.fixture
def caseworker(org) -> User:
    return make_member(org, "caseworker")


@pytest.fixture
def analyst(org) -> User:
    return make_member(org, "analyst")


@pytest.fixture
def outsider(other_org) -> User:
    """A caseworker of another organisation: sees nothing of `org`."""
    return make_member(other_org, "caseworker")


@pytest.fixture
def outsider_admin(other_org) -> User:
    return make_member(other_org, "org_admin")


@pytest.fixture
def client_of() -> Callable[[User], Client]:
    def build(user: User) -> Client:
        client = Client()
        client.force_login(user)
        return client

    return build


@pytest.fixture
def a_case(caseworker):
    from corridor.cases.services import case_open

    return case_open(
        actor=actor_of(caseworker),
        title="Wages and passport withheld at a Rayong seafood plant",
        summary="Worker reports three months unpaid and passport kept by the employer.",
        sector="C",
        work_province_id="TH-21",
        opened_on=dt.date(2026, 10, 1),
        assigned_to=caseworker,
    )


def assert_denied(response) -> None:
    """Denied means: not shown. Anonymous users go to sign-in; members of other organisations get
    404 (we do not confirm the record exists) or 403."""
    assert response.status_code in {302, 403, 404}, response.status_code
    if response.status_code == 302:
        assert "/accounts/login/" in response["Location"]

"""Whether a person's consent allows sharing with a receiving organisation, and if not, why not."""

import datetime as dt

import pytest

from conftest import actor_of, make_organisation
from corridor.people.models import INFORMED_CONSENT_CHECKS
from corridor.people.selectors import sharing_basis
from corridor.people.services import consent_record, consent_withdraw
from corridor.people.tests.factories import a_person

pytestmark = pytest.mark.django_db

ALL_CHECKS = [name for name, _label in INFORMED_CONSENT_CHECKS]


@pytest.fixture
def person(caseworker):
    return a_person(caseworker)


@pytest.fixture
def record(caseworker, person):
    def build(purpose, *, checks=ALL_CHECKS, **sharing):
        return consent_record(
            actor=actor_of(caseworker),
            person=person,
            purpose=purpose,
            method="spoken",
            given_on=dt.date(2026, 10, 1),
            checks=checks,
            **sharing,
        )

    return build


def test_it_allows_sharing_with_a_named_organisation(record, person, other_org):
    services = record("services")
    sharing = record("sharing", organisations=[other_org])

    basis = sharing_basis(person=person, receiver=other_org)

    assert basis.allowed
    assert (basis.services, basis.sharing, basis.problems) == (services, sharing, ())


def test_it_allows_sharing_with_an_organisation_of_a_named_country(record, person, other_org):
    record("services")
    sharing = record("sharing", countries=[other_org.country])

    basis = sharing_basis(person=person, receiver=other_org)

    assert basis.allowed
    assert basis.sharing == sharing


def test_it_refuses_without_consent_to_share_and_names_the_receiver(record, person, other_org):
    record("services")
    record("sharing", organisations=[make_organisation("bangkok-aid", country="TH")])

    basis = sharing_basis(person=person, receiver=other_org)

    assert not basis.allowed
    assert basis.sharing is None
    assert basis.problems == (f"The person has not agreed to share information with {other_org.name}.",)


def test_it_refuses_once_the_consent_to_share_is_withdrawn(record, person, other_org, caseworker):
    record("services")
    sharing = record("sharing", organisations=[other_org])
    consent_withdraw(actor=actor_of(caseworker), consent=sharing)

    basis = sharing_basis(person=person, receiver=other_org)

    assert not basis.allowed
    assert basis.sharing is None
    assert other_org.name in basis.problems[0]


def test_it_refuses_a_consent_that_was_not_fully_informed_and_says_what_is_missing(record, person, other_org):
    record("services")
    record("sharing", organisations=[other_org], checks=[name for name in ALL_CHECKS if name != "told_withdrawal"])

    basis = sharing_basis(person=person, receiver=other_org)

    assert not basis.allowed
    assert basis.sharing is None
    assert len(basis.problems) == 1
    assert "not fully informed" in basis.problems[0]
    assert "Told they can withdraw consent at any time, and how" in basis.problems[0]
    assert "Told who it may be shared with" not in basis.problems[0]


def test_it_reports_a_missing_consent_to_receive_services(record, person, other_org):
    record("sharing", organisations=[other_org])

    basis = sharing_basis(person=person, receiver=other_org)

    assert not basis.allowed
    assert basis.services is None
    assert basis.problems == ("The person has not agreed to receive services.",)


def test_it_reports_both_when_nothing_was_agreed(person, other_org):
    basis = sharing_basis(person=person, receiver=other_org)
    assert len(basis.problems) == 2
    assert (basis.services, basis.sharing) == (None, None)

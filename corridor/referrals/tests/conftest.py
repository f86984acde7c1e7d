"""Personas of a referral: the Thai NGO that refers (`org`, its caseworker and manager), the Cambodian
legal-aid NGO that receives (`other_org`, its caseworker `outsider` in the root conftest, here
`receiver_worker`), and a third organisation that is party to nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import actor_of, make_member, make_organisation
from corridor.cases.services import case_person_add
from corridor.people.models import INFORMED_CONSENT_CHECKS
from corridor.people.services import consent_record, document_record, identifier_add, person_create
from corridor.referrals.catalogue import SharedField
from corridor.referrals.services import referral_send

ALL_CHECKS = [name for name, _label in INFORMED_CONSENT_CHECKS]


@pytest.fixture
def worker(a_case, caseworker):
    actor = actor_of(caseworker)
    person = person_create(
        actor=actor,
        name_latin="Sok Dara",
        name_km="សុខ ដារា",
        gender="Feminine",
        estimated_age=24,
        home_province_id="KH-14",
        home_village="Prey Kdei",
        current_province_id="TH-21",
    )
    case_person_add(actor=actor, case=a_case, person=person, role="worker")
    identifier_add(actor=actor, person=person, kind="passport", value="N1234567")
    identifier_add(actor=actor, person=person, kind="phone", value="+66 81 234 5678")
    document_record(actor=actor, person=person, kind="passport", held_by="employer")
    return person


@pytest.fixture
def consented(worker, caseworker, other_org):
    """The worker agreed, fully informed, to receive services and to share with the receiver."""
    actor = actor_of(caseworker)
    for purpose, organisations in (("services", []), ("sharing", [other_org])):
        consent_record(
            actor=actor,
            person=worker,
            purpose=purpose,
            method="spoken",
            given_on=dt.date(2026, 10, 2),
            checks=ALL_CHECKS,
            organisations=organisations,
        )
    return worker


@pytest.fixture
def receiver_worker(other_org):
    return make_member(other_org, "caseworker")


@pytest.fixture
def third_org(db):
    return make_organisation("bangkok-shelter")


@pytest.fixture
def third_worker(third_org):
    return make_member(third_org, "caseworker")


@pytest.fixture
def referral(consented, a_case, caseworker, other_org, receiver_worker):
    return referral_send(
        actor=actor_of(caseworker),
        case=a_case,
        person=consented,
        receiver=other_org,
        referral_type="legal_aid",
        fields=[SharedField.NAMES, SharedField.CONTACT, SharedField.SUMMARY],
        message="Needs a lawyer for unpaid wages; call after 6 pm.",
    )

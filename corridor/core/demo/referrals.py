"""Demo consent and referrals: the Thai NGO's workers consent to services and to sharing with
organisations in Cambodia, and some of their cases are referred across the border, at every stage of
a referral's life, so the feature shows on first login. Deterministic: decided by the case's position."""

from __future__ import annotations

import datetime as dt

from corridor.accounts.models import Organisation
from corridor.accounts.scope import Actor
from corridor.cases.models import Case
from corridor.people.models import INFORMED_CONSENT_CHECKS, Person
from corridor.people.services import consent_record
from corridor.referrals.catalogue import ReferralType, rules_for
from corridor.referrals.services import Change, referral_send, referral_update

ALL_CHECKS = [name for name, _label in INFORMED_CONSENT_CHECKS]
# (type, the receiver's steps): one referral in four cases, cycling through these lives.
LIVES: tuple[tuple[str, tuple[Change, ...]], ...] = (
    (ReferralType.LEGAL_AID, ()),
    (
        ReferralType.LEGAL_AID,
        (Change("accepted"), Change("progress", text="Complaint drafted with the worker by phone.")),
    ),
    (ReferralType.FAMILY_TRACING, (Change("info_requested", text="Which commune does the family live in now?"),)),
    (
        ReferralType.REPATRIATION,
        (Change("accepted"), Change("progress", text="Family found and visited; they welcome her home.")),
    ),
    (
        ReferralType.WAGE_CLAIM,
        (Change("accepted"), Change("completed", outcome="provided", text="Employer paid the wages owed.")),
    ),
    (ReferralType.LEGAL_AID, (Change("declined", text="Outside our province; we suggest the Battambang office."),)),
)


def demo_consent(*, actor: Actor, person: Person, given_on: dt.date) -> None:
    for purpose, countries in (("services", []), ("sharing", ["KH"])):
        consent_record(
            actor=actor,
            person=person,
            purpose=purpose,
            method="spoken",
            given_on=given_on,
            checks=ALL_CHECKS,
            countries=countries,
        )


def demo_referral(
    *, sender: Actor, receiver: Actor, receiver_org: Organisation, case: Case, worker: Person, index: int
) -> None:
    referral_type, steps = LIVES[index % len(LIVES)]
    referral = referral_send(
        actor=sender,
        case=case,
        person=worker,
        receiver=receiver_org,
        referral_type=referral_type,
        fields=sorted(rules_for(referral_type).default),
        message="The worker has returned to Cambodia and asks for help there. Call after 6 pm.",
    )
    for change in steps:
        referral_update(actor=receiver, referral=referral, change=change)

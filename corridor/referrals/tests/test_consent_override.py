"""Sending without the matching consent: a manager only, with a written reason, audited."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from conftest import actor_of
from corridor.audit.models import AuditEntry
from corridor.referrals.catalogue import SharedField
from corridor.referrals.models import Referral
from corridor.referrals.services import referral_send

pytestmark = pytest.mark.django_db

REASON = "She is confined at the plant tonight and cannot be reached to consent; the shelter must act now."


def send(actor, case, person, receiver, reason):
    return referral_send(
        actor=actor,
        case=case,
        person=person,
        receiver=receiver,
        referral_type="shelter",
        fields=[SharedField.NAMES, SharedField.WHEREABOUTS],
        message="Urgent shelter.",
        override_reason=reason,
    )


def test_it_lets_a_manager_override_with_a_reason_and_audits_it(worker, a_case, manager, other_org):
    referral = send(actor_of(manager), a_case, worker, other_org, REASON)
    assert referral.consent is None
    assert referral.consent_override_reason == REASON
    entry = AuditEntry.objects.get(object_id=str(referral.pk), action="create")
    assert entry.summary == "referral sent without consent (override)"
    assert entry.changes["override_reason"] == [None, REASON]


def test_it_refuses_an_override_from_a_caseworker(worker, a_case, caseworker, other_org):
    with pytest.raises(PermissionDenied):
        send(actor_of(caseworker), a_case, worker, other_org, REASON)
    assert not Referral.objects.exists()


def test_it_refuses_an_override_without_a_real_reason(worker, a_case, manager, other_org):
    with pytest.raises(ValidationError) as refused:
        send(actor_of(manager), a_case, worker, other_org, "urgent")
    assert "override_reason" in refused.value.message_dict
    assert not Referral.objects.exists()


def test_it_needs_no_override_when_consent_covers_the_country(worker, a_case, caseworker, other_org):
    import datetime as dt

    from corridor.people.services import consent_record
    from corridor.referrals.tests.conftest import ALL_CHECKS

    actor = actor_of(caseworker)
    consent_record(
        actor=actor,
        person=worker,
        purpose="services",
        method="signed",
        given_on=dt.date(2026, 10, 2),
        checks=ALL_CHECKS,
    )
    consent_record(
        actor=actor,
        person=worker,
        purpose="sharing",
        method="signed",
        given_on=dt.date(2026, 10, 2),
        checks=ALL_CHECKS,
        countries=["KH"],
    )
    assert send(actor, a_case, worker, other_org, "").consent.share_with_countries == ["KH"]


def test_it_stops_sharing_once_consent_is_withdrawn(consented, a_case, caseworker, other_org):
    from corridor.people.services import consent_withdraw

    actor = actor_of(caseworker)
    consent_withdraw(actor=actor, consent=consented.consents.get(purpose="sharing"), reason="changed her mind")
    with pytest.raises(ValidationError):
        send(actor, a_case, consented, other_org, "")

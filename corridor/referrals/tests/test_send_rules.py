"""What the server refuses when a referral is sent, and what it records when it accepts one."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from conftest import actor_of, make_member
from corridor.audit.models import AuditEntry
from corridor.referrals.catalogue import SharedField
from corridor.referrals.models import Referral, ReferralUpdate
from corridor.referrals.services import referral_send

pytestmark = pytest.mark.django_db


def send(actor, case, person, receiver, **overrides):
    values = {
        "referral_type": "legal_aid",
        "fields": [SharedField.NAMES, SharedField.SUMMARY],
        "message": "Needs a lawyer.",
    }
    values.update(overrides)
    return referral_send(actor=actor, case=case, person=person, receiver=receiver, **values)


def test_it_sends_with_consent_and_sets_the_answer_deadline(consented, a_case, caseworker, other_org):
    referral = send(actor_of(caseworker), a_case, consented, other_org)
    assert referral.status == "pending"
    assert referral.consent is not None and referral.consent.purpose == "sharing"
    assert (referral.respond_by - referral.created_at.date()).days == 5
    assert referral.fields == ["person.names", "case.summary"]
    assert ReferralUpdate.objects.filter(referral=referral, kind="sent").count() == 1
    entry = AuditEntry.objects.filter(object_id=str(referral.pk), action="create").get()
    assert entry.summary == "referral sent"


def test_it_refuses_without_consent_and_says_what_is_missing(worker, a_case, caseworker, other_org):
    with pytest.raises(ValidationError) as refused:
        send(actor_of(caseworker), a_case, worker, other_org)
    problems = refused.value.message_dict["consent"]
    assert any("receive services" in problem for problem in problems)
    assert any(other_org.name_en in problem for problem in problems)
    assert not Referral.objects.exists()


def test_it_refuses_fields_the_type_does_not_allow(consented, a_case, caseworker, other_org):
    with pytest.raises(ValidationError) as refused:
        send(
            actor_of(caseworker), a_case, consented, other_org, referral_type="shelter", fields=[SharedField.WAGE_CLAIM]
        )
    assert "may not share" in refused.value.message_dict["shared_fields"][0]
    assert not Referral.objects.exists()


def test_it_refuses_a_referral_to_the_own_organisation(consented, a_case, caseworker, org):
    with pytest.raises(ValidationError) as refused:
        send(actor_of(caseworker), a_case, consented, org)
    assert "receiver" in refused.value.message_dict


def test_it_refuses_a_person_outside_the_case(consented, a_case, caseworker, other_org):
    from corridor.people.services import person_create

    stranger = person_create(actor=actor_of(caseworker), name_latin="Not In Case")
    with pytest.raises(ValidationError):
        send(actor_of(caseworker), a_case, stranger, other_org)


def test_it_refuses_an_empty_message_and_no_fields(consented, a_case, caseworker, other_org):
    with pytest.raises(ValidationError):
        send(actor_of(caseworker), a_case, consented, other_org, message="  ")
    with pytest.raises(ValidationError):
        send(actor_of(caseworker), a_case, consented, other_org, fields=[])


def test_it_refuses_roles_without_the_capability(consented, a_case, org, other_org):
    viewer = make_member(org, "viewer")
    with pytest.raises(PermissionDenied):
        send(actor_of(viewer), a_case, consented, other_org)


def test_it_refuses_another_organisations_case(consented, a_case, outsider, org):
    with pytest.raises(PermissionDenied):
        send(actor_of(outsider), a_case, consented, org)

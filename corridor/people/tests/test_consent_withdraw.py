"""Withdrawing consent keeps the record and marks it stopped, once, by the person's own organisation."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from conftest import actor_of, make_member
from corridor.audit.models import AuditEntry
from corridor.people.models import INFORMED_CONSENT_CHECKS, Consent
from corridor.people.services import consent_record, consent_withdraw
from corridor.people.tests.factories import a_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def consent(caseworker, other_org) -> Consent:
    return consent_record(
        actor=actor_of(caseworker),
        person=a_person(caseworker),
        purpose="sharing",
        method="spoken",
        given_on=dt.date(2026, 10, 1),
        checks=[name for name, _label in INFORMED_CONSENT_CHECKS],
        organisations=[other_org],
    )


def test_it_marks_the_consent_withdrawn_and_keeps_it(consent, manager):
    withdrawn = consent_withdraw(actor=actor_of(manager), consent=consent, reason="  Asked us to stop.  ")

    consent.refresh_from_db()
    assert consent.withdrawn_at is not None
    assert consent.withdrawn_at == withdrawn.withdrawn_at
    assert consent.withdrawn_by == manager
    assert consent.withdrawal_reason == "Asked us to stop."
    assert not consent.is_active
    assert list(consent.share_with_organisations.all())  # what was agreed stays visible


def test_it_refuses_a_second_withdrawal(consent, caseworker):
    first = consent_withdraw(actor=actor_of(caseworker), consent=consent)

    with pytest.raises(ValidationError):
        consent_withdraw(actor=actor_of(caseworker), consent=consent, reason="again")

    consent.refresh_from_db()
    assert (consent.withdrawn_at, consent.withdrawal_reason) == (first.withdrawn_at, "")


def test_it_writes_an_audit_entry(consent, caseworker):
    consent_withdraw(actor=actor_of(caseworker), consent=consent)

    entry = AuditEntry.objects.filter(object_type="people.consent", object_id=str(consent.pk)).latest("id")
    assert entry.action == "update"
    assert entry.actor_user_id == caseworker.pk
    assert list(entry.changes) == ["withdrawn_at"]


def test_it_refuses_another_organisations_actor(consent, outsider):
    entries = AuditEntry.objects.count()

    with pytest.raises(PermissionDenied):
        consent_withdraw(actor=actor_of(outsider), consent=consent)

    consent.refresh_from_db()
    assert consent.is_active
    assert AuditEntry.objects.count() == entries


def test_it_refuses_a_role_without_the_capability(consent, org):
    with pytest.raises(PermissionDenied):
        consent_withdraw(actor=actor_of(make_member(org, "viewer")), consent=consent)
    consent.refresh_from_db()
    assert consent.is_active

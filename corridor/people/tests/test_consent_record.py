"""Recording a person's consent: what the service accepts, refuses and writes to the audit log."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from conftest import actor_of, make_member
from corridor.audit.models import AuditEntry
from corridor.people.models import INFORMED_CONSENT_CHECKS, Consent, ConsentPurpose
from corridor.people.services import consent_record
from corridor.people.tests.factories import a_person

pytestmark = pytest.mark.django_db

ALL_CHECKS = [name for name, _label in INFORMED_CONSENT_CHECKS]
GIVEN_ON = dt.date(2026, 10, 1)


def record(user, person, **values):
    defaults = {"purpose": "services", "method": "spoken", "given_on": GIVEN_ON, "checks": ALL_CHECKS}
    return consent_record(actor=actor_of(user), person=person, **{**defaults, **values})


def field_errors(error: pytest.ExceptionInfo[ValidationError]) -> set[str]:
    return set(error.value.message_dict)


@pytest.mark.parametrize("purpose", ConsentPurpose.values)
def test_it_records_each_purpose(purpose, caseworker, other_org):
    person = a_person(caseworker)
    sharing = {"organisations": [other_org]} if purpose == "sharing" else {}

    consent = record(caseworker, person, purpose=purpose, **sharing)

    consent.refresh_from_db()
    assert (consent.person, consent.purpose, consent.given_on) == (person, purpose, GIVEN_ON)
    assert consent.is_active and consent.is_informed
    assert consent.created_by == caseworker
    assert list(consent.share_with_organisations.all()) == ([other_org] if purpose == "sharing" else [])


def test_it_keeps_each_check_one_by_one(caseworker):
    consent = record(caseworker, a_person(caseworker), checks=["told_purpose", "understood"])

    assert (consent.told_purpose, consent.understood, consent.told_recipients) == (True, True, False)
    assert not consent.is_informed
    assert len(consent.missing_checks) == 5


def test_it_records_the_sorted_countries_for_sharing(caseworker):
    consent = record(caseworker, a_person(caseworker), purpose="sharing", countries=["TH", "KH", "TH"])
    consent.refresh_from_db()
    assert consent.share_with_countries == ["KH", "TH"]


def test_it_requires_the_guardians_name_for_consent_through_a_guardian(caseworker):
    person = a_person(caseworker)
    with pytest.raises(ValidationError) as error:
        record(caseworker, person, method="guardian", guardian_name="  ")
    assert field_errors(error) == {"guardian_name"}

    consent = record(caseworker, person, method="guardian", guardian_name=" Sok Mony ")
    assert consent.guardian_name == "Sok Mony"


def test_it_drops_a_guardians_name_when_the_person_consented_themselves(caseworker):
    consent = record(caseworker, a_person(caseworker), method="signed", guardian_name="Sok Mony")
    assert consent.guardian_name == ""


def test_it_refuses_a_date_in_the_future(caseworker):
    with pytest.raises(ValidationError) as error:
        record(caseworker, a_person(caseworker), given_on=dt.date.today() + dt.timedelta(days=1))
    assert field_errors(error) == {"given_on"}


def test_it_refuses_sharing_without_organisations_or_countries(caseworker):
    with pytest.raises(ValidationError) as error:
        record(caseworker, a_person(caseworker), purpose="sharing")
    assert field_errors(error) == {"share_with_organisations"}


@pytest.mark.parametrize("purpose", ["services", "research"])
def test_it_refuses_organisations_or_countries_for_other_purposes(purpose, caseworker, other_org):
    person = a_person(caseworker)
    with pytest.raises(ValidationError) as error:
        record(caseworker, person, purpose=purpose, organisations=[other_org])
    assert field_errors(error) == {"share_with_organisations"}
    with pytest.raises(ValidationError):
        record(caseworker, person, purpose=purpose, countries=["KH"])


def test_it_refuses_an_unknown_country(caseworker):
    with pytest.raises(ValidationError) as error:
        record(caseworker, a_person(caseworker), purpose="sharing", countries=["VN"])
    assert field_errors(error) == {"share_with_countries"}


def test_it_refuses_an_unknown_check(caseworker):
    with pytest.raises(ValidationError) as error:
        record(caseworker, a_person(caseworker), checks=[*ALL_CHECKS, "told_everything"])
    assert field_errors(error) == {"checks"}
    assert not Consent.objects.exists()


def test_it_refuses_another_organisations_actor_and_writes_nothing(caseworker, outsider):
    person = a_person(caseworker)
    entries = AuditEntry.objects.count()

    with pytest.raises(PermissionDenied):
        record(outsider, person)

    assert not Consent.objects.exists()
    assert AuditEntry.objects.count() == entries


@pytest.mark.parametrize("role", ["viewer", "analyst"])
def test_it_refuses_a_role_without_the_capability(role, caseworker, org):
    person = a_person(caseworker)
    with pytest.raises(PermissionDenied):
        record(make_member(org, role), person)
    assert not Consent.objects.exists()


def test_it_lets_an_intake_officer_record_consent(caseworker, org):
    assert record(make_member(org, "intake_officer"), a_person(caseworker)).pk


def test_it_writes_an_audit_entry(caseworker, other_org):
    consent = record(caseworker, a_person(caseworker), purpose="sharing", organisations=[other_org], checks=[])

    entry = AuditEntry.objects.get(object_type="people.consent", object_id=str(consent.pk))
    assert entry.action == "create"
    assert entry.actor_user_id == caseworker.pk
    assert entry.changes["purpose"] == [None, "sharing"]
    assert entry.changes["organisations"] == [None, [str(other_org.pk)]]
    assert entry.changes["checks"] == [None, []]

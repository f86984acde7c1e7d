"""Consent through the API: the same services as the person page, the API's one error shape."""

import datetime as dt

import pytest

from conftest import actor_of
from corridor.api.tests.conftest import ApiClient, assert_error, token_secret
from corridor.audit.models import AuditEntry
from corridor.people.models import INFORMED_CONSENT_CHECKS, Consent
from corridor.people.services import consent_record, consent_withdraw
from corridor.people.tests.factories import a_person

pytestmark = pytest.mark.django_db

ALL_CHECKS = [name for name, _label in INFORMED_CONSENT_CHECKS]


@pytest.fixture
def api(org) -> ApiClient:
    return ApiClient(token_secret(org, "caseworker"))


@pytest.fixture
def outsider_api(other_org) -> ApiClient:
    return ApiClient(token_secret(other_org, "caseworker"))


@pytest.fixture
def person(caseworker):
    return a_person(caseworker)


@pytest.fixture
def consent(caseworker, person) -> Consent:
    return consent_record(
        actor=actor_of(caseworker),
        person=person,
        purpose="services",
        method="spoken",
        given_on=dt.date(2026, 10, 1),
        checks=ALL_CHECKS,
    )


def sharing_body(organisation, **values):
    return {
        "purpose": "sharing",
        "method": "signed",
        "given_on": "2026-10-01",
        "checks": ALL_CHECKS[:-1],
        "organisations": [str(organisation.pk)],
        "countries": ["TH"],
        **values,
    }


def test_it_lists_a_persons_consents_withdrawn_ones_included(api, person, consent, caseworker):
    research = consent_record(
        actor=actor_of(caseworker),
        person=person,
        purpose="research",
        method="signed",
        given_on=dt.date(2026, 9, 1),
        checks=[],
    )
    withdrawn = consent_withdraw(actor=actor_of(caseworker), consent=research)

    response = api.get(f"people/{person.pk}/consents")

    assert response.status_code == 200
    items = response.json()
    assert [item["id"] for item in items] == [str(consent.pk), str(withdrawn.pk)]
    assert items[0]["is_active"] and items[0]["checks"] == ALL_CHECKS and items[0]["missing_checks"] == []
    assert items[1]["is_active"] is False
    assert items[1]["missing_checks"] == ALL_CHECKS
    assert items[0]["recorded_by"] == str(caseworker)


def test_it_records_a_consent_to_share(api, person, other_org):
    response = api.post(f"people/{person.pk}/consents", sharing_body(other_org, notes="Read aloud in Khmer"))

    assert response.status_code == 201, response.content
    body = response.json()
    consent = Consent.objects.get(pk=body["id"])
    assert (consent.person, consent.purpose, consent.understood) == (person, "sharing", False)
    assert list(consent.share_with_organisations.all()) == [other_org]
    assert body["organisations"][0]["id"] == str(other_org.pk)
    assert body["countries"] == ["TH"]
    assert body["missing_checks"] == ["understood"]
    assert body["recorded_by"] == ""
    assert body["notes"] == "Read aloud in Khmer"
    assert AuditEntry.objects.filter(object_type="people.consent", object_id=str(consent.pk)).exists()


def test_it_withdraws_a_consent(api, person, consent):
    response = api.post(f"people/{person.pk}/consents/{consent.pk}/withdraw", {"reason": "Moved home"})

    assert response.status_code == 200
    assert response.json()["is_active"] is False
    assert response.json()["withdrawal_reason"] == "Moved home"
    consent.refresh_from_db()
    assert consent.withdrawn_at is not None


def test_it_refuses_a_second_withdrawal(api, person, consent):
    api.post(f"people/{person.pk}/consents/{consent.pk}/withdraw")

    error = assert_error(api.post(f"people/{person.pk}/consents/{consent.pk}/withdraw"), 422, "validation_error")

    assert error["message"] == "This consent was already withdrawn."


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"organisations": [], "countries": []}, "organisations"),
        ({"purpose": "services"}, "organisations"),
        ({"organisations": ["3fa85f64-5717-4562-b3fc-2c963f66afa6"]}, "organisations"),
        ({"method": "guardian"}, "guardian_name"),
        ({"given_on": "2999-01-01"}, "given_on"),
        ({"checks": ["told_everything"]}, "checks"),
        ({"countries": ["VN"]}, "countries"),
        ({"purpose": "gossip"}, "purpose"),
    ],
)
def test_it_reports_invalid_input_on_its_field_and_writes_nothing(values, field, api, person, other_org):
    entries = AuditEntry.objects.count()

    error = assert_error(
        api.post(f"people/{person.pk}/consents", sharing_body(other_org, **values)), 422, "validation_error"
    )

    # Items of a list are named by position ("checks.0"): the field is what comes before.
    assert [name.split(".")[0] for name in error["fields"]] == [field]
    assert not Consent.objects.exists()
    assert AuditEntry.objects.count() == entries


def test_it_forbids_a_viewer_token_to_record_or_withdraw(org, person, consent, other_org):
    viewer = ApiClient(token_secret(org, "viewer"))

    assert viewer.get(f"people/{person.pk}/consents").status_code == 200
    assert_error(viewer.post(f"people/{person.pk}/consents", sharing_body(other_org)), 403, "forbidden")
    assert_error(viewer.post(f"people/{person.pk}/consents/{consent.pk}/withdraw"), 403, "forbidden")

    assert Consent.objects.count() == 1
    consent.refresh_from_db()
    assert consent.is_active


def test_it_answers_not_found_to_another_organisation(outsider_api, person, consent, other_org):
    denied = AuditEntry.objects.filter(action="denied").count()

    assert_error(outsider_api.get(f"people/{person.pk}/consents"), 404, "not_found")
    assert_error(outsider_api.post(f"people/{person.pk}/consents", sharing_body(other_org)), 404, "not_found")
    assert_error(outsider_api.post(f"people/{person.pk}/consents/{consent.pk}/withdraw"), 404, "not_found")

    assert Consent.objects.count() == 1
    consent.refresh_from_db()
    assert consent.is_active
    assert AuditEntry.objects.filter(action="denied").count() == denied + 3


def test_it_answers_not_found_for_a_consent_of_another_person(api, caseworker, consent):
    other = a_person(caseworker, name_latin="Keo Dara")

    assert_error(api.post(f"people/{other.pk}/consents/{consent.pk}/withdraw"), 404, "not_found")

    consent.refresh_from_db()
    assert consent.is_active

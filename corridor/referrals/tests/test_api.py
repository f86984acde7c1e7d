"""The referral API: the same rules as the pages; the receiver's token sees exactly the shared fields."""

import pytest

from conftest import make_organisation
from corridor.api.tests.conftest import ApiClient, assert_error, token_secret

pytestmark = pytest.mark.django_db


@pytest.fixture
def sender_api(org):
    return ApiClient(token_secret(org, "caseworker"))


@pytest.fixture
def receiver_api(other_org):
    return ApiClient(token_secret(other_org, "caseworker"))


def body(person, receiver, **overrides):
    values = {
        "person_id": str(person.pk),
        "receiver_id": str(receiver.pk),
        "type": "legal_aid",
        "fields": ["person.names", "case.summary"],
        "message": "Needs a lawyer.",
    }
    values.update(overrides)
    return values


def test_it_sends_and_the_receiver_sees_exactly_the_shared_fields_after_accepting(
    consented, a_case, other_org, sender_api, receiver_api
):
    sent = sender_api.post(f"cases/{a_case.pk}/referrals", body(consented, other_org))
    assert sent.status_code == 201, sent.content
    referral_id = sent.json()["id"]
    assert sent.json()["shared"]["person.names"]["latin"] == "Sok Dara"

    before = receiver_api.get(f"referrals/{referral_id}").json()
    assert before["shared"] is None and before["case_id"] is None

    accepted = receiver_api.post(f"referrals/{referral_id}/updates", {"kind": "accepted"})
    assert accepted.status_code == 201
    assert set(accepted.json()["shared"]) == {"person.names", "case.summary"}

    listed = receiver_api.get("referrals", box="received").json()["items"]
    assert [item["id"] for item in listed] == [referral_id]


def test_it_refuses_without_consent_with_the_reason(worker, a_case, other_org, sender_api):
    error = assert_error(
        sender_api.post(f"cases/{a_case.pk}/referrals", body(worker, other_org)), 422, "validation_error"
    )
    assert "consent" in error["fields"]


def test_it_refuses_fields_the_type_does_not_allow(consented, a_case, other_org, sender_api):
    response = sender_api.post(
        f"cases/{a_case.pk}/referrals", body(consented, other_org, type="shelter", fields=["case.wage_claim"])
    )
    assert "fields" in assert_error(response, 422, "validation_error")["fields"]


def test_it_shows_a_third_organisation_nothing(referral, db):
    third = ApiClient(token_secret(make_organisation("bangkok-shelter"), "caseworker"))
    assert third.get(f"referrals/{referral.pk}").status_code == 404
    assert third.post(f"referrals/{referral.pk}/updates", {"kind": "accepted"}).status_code == 404
    assert third.get("referrals", box="sent").json()["items"] == []


def test_it_keeps_a_case_of_another_organisation_out_of_reach(consented, a_case, org, receiver_api):
    response = receiver_api.post(f"cases/{a_case.pk}/referrals", body(consented, org))
    assert response.status_code == 404

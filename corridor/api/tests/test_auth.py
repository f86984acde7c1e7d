"""Only a valid, unrevoked, unexpired token of an organisation opens the API."""

import datetime as dt

from django.utils import timezone

from conftest import actor_of
from corridor.accounts.models import ApiToken
from corridor.accounts.services import api_token_create, api_token_revoke
from corridor.api.tests.conftest import ApiClient, assert_error


def test_it_rejects_a_request_without_a_token(db, a_case):
    response = ApiClient(None).get("cases")
    error = assert_error(response, 401, "unauthorized")
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert error["fields"] == {}


def test_it_rejects_an_unknown_token(db, a_case):
    assert_error(ApiClient("cor_00000000_not-a-real-secret").get("cases"), 401, "unauthorized")


def test_it_rejects_a_header_that_is_not_a_bearer_token(db, a_case):
    client = ApiClient(None)
    client.headers = {"Authorization": "Basic dXNlcjpwYXNz"}
    assert_error(client.get("cases"), 401, "unauthorized")


def test_it_rejects_a_revoked_token(org_admin, a_case):
    admin = actor_of(org_admin)
    token, secret = api_token_create(actor=admin, name="sync", role="caseworker")
    api_token_revoke(actor=admin, token=token)
    assert_error(ApiClient(secret).get("cases"), 401, "unauthorized")


def test_it_rejects_an_expired_token(org_admin, a_case):
    tomorrow = timezone.now() + dt.timedelta(days=1)
    token, secret = api_token_create(actor=actor_of(org_admin), name="sync", role="caseworker", expires_at=tomorrow)
    ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - dt.timedelta(seconds=1))
    assert_error(ApiClient(secret).get("cases"), 401, "unauthorized")


def test_it_rejects_bad_tokens_before_looking_at_the_input(db):
    # Without a valid token even malformed input gets a 401, so nothing is learnt about the API.
    response = ApiClient(None).request("POST", "cases", "{not json")
    assert_error(response, 401, "unauthorized")


def test_it_accepts_a_valid_token_and_describes_it(org_admin, org):
    _, secret = api_token_create(actor=actor_of(org_admin), name="dashboard", role="viewer")
    response = ApiClient(secret).get("organisations/me")
    assert response.status_code == 200
    body = response.json()
    assert body["organisation"]["id"] == str(org.pk)
    assert body["organisation"]["slug"] == org.slug
    assert body["organisation"]["name_km"] == org.name_km
    assert body["role"] == "viewer"
    assert "case.view" in body["capabilities"]
    assert "case.create" not in body["capabilities"]


def test_it_records_when_a_token_was_last_used(org_admin):
    token, secret = api_token_create(actor=actor_of(org_admin), name="sync", role="caseworker")
    assert token.last_used_at is None
    ApiClient(secret).get("organisations/me")
    token.refresh_from_db()
    assert token.last_used_at is not None

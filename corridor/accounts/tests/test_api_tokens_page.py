"""Administrators create API tokens (shown once, stored as a digest) and revoke them."""

import hashlib

import pytest
from django.urls import reverse

from corridor.accounts.models import ApiToken

pytestmark = pytest.mark.django_db


def test_it_shows_a_new_token_once_and_stores_only_its_digest(org_admin, client_of):
    response = client_of(org_admin).post(reverse("accounts:api_tokens"), {"name": "Monthly report", "role": "analyst"})
    body = response.content.decode()
    secret = body.split('id="new-token">')[1].split("<")[0]
    token = ApiToken.objects.get()
    assert token.digest == hashlib.sha256(secret.encode()).hexdigest()
    assert secret not in str(ApiToken.objects.values_list().get())
    assert secret not in client_of(org_admin).get(reverse("accounts:api_tokens")).content.decode()


def test_it_refuses_a_past_expiry_date(org_admin, client_of):
    response = client_of(org_admin).post(
        reverse("accounts:api_tokens"), {"name": "x", "role": "viewer", "expires_on": "2020-01-01"}
    )
    assert response.status_code == 422 and not ApiToken.objects.exists()


def test_it_revokes_a_token(org_admin, client_of):
    client = client_of(org_admin)
    client.post(reverse("accounts:api_tokens"), {"name": "x", "role": "viewer"})
    token = ApiToken.objects.get()
    client.post(reverse("accounts:api_token_revoke", args=[token.pk]))
    token.refresh_from_db()
    assert token.revoked_at is not None and not token.is_usable

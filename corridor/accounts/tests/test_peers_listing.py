"""An organisation administrator opts the organisation in to referrals from other Corridor servers."""

import pytest
from django.urls import reverse

from conftest import assert_denied
from corridor.audit.models import AuditEntry
from corridor.referrals.federation.directory import local_directory

pytestmark = pytest.mark.django_db


def test_it_lists_the_organisation_in_the_signed_directory_once_opted_in(org, org_admin, client_of):
    assert local_directory()["organisations"] == []
    response = client_of(org_admin).post(reverse("accounts:peers_listing"), {"listed_for_peers": "on"})
    assert response.status_code == 302
    assert [entry["id"] for entry in local_directory()["organisations"]] == [str(org.pk)]
    assert AuditEntry.objects.filter(summary="listing for peer servers changed").exists()
    client_of(org_admin).post(reverse("accounts:peers_listing"), {})
    assert local_directory()["organisations"] == []


def test_it_is_for_administrators_only(caseworker, outsider, client_of):
    assert_denied(client_of(caseworker).post(reverse("accounts:peers_listing"), {"listed_for_peers": "on"}))
    assert_denied(client_of(outsider).post(reverse("accounts:peers_listing"), {"listed_for_peers": "on"}))

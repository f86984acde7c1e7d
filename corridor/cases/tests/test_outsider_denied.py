"""Another organisation's members cannot see or touch a case, and the refusal is audited."""

import pytest
from django.urls import reverse

from conftest import assert_denied
from corridor.audit.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_it_denies_the_case_page_to_another_organisation_and_records_it(a_case, outsider, client_of):
    response = client_of(outsider).get(reverse("cases:detail", args=[a_case.pk]))
    assert response.status_code == 404
    assert a_case.title not in response.content.decode()
    assert AuditEntry.objects.filter(action="denied", actor_user_id=outsider.pk).exists()


def test_it_denies_writes_to_another_organisation(a_case, outsider, client_of):
    client = client_of(outsider)
    assert_denied(client.post(reverse("cases:status", args=[a_case.pk]), {"status": "active", "version": 1}))
    assert_denied(client.post(reverse("cases:note_add", args=[a_case.pk]), {"body": "hello"}))
    a_case.refresh_from_db()
    assert a_case.status == "new" and not a_case.notes.exists()


def test_it_sends_anonymous_visitors_to_sign_in(a_case, client):
    response = client.get(reverse("cases:detail", args=[a_case.pk]))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_it_forbids_analysts_any_case_page(a_case, analyst, client_of):
    assert client_of(analyst).get(reverse("cases:list")).status_code == 403

"""Signing in: audited, rate-limited after repeated failures, and signed out after idling."""

import time

import pytest
from django.core.cache import cache
from django.urls import reverse

from corridor.accounts.middleware import LAST_SEEN_KEY
from corridor.audit.models import AuditEntry

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()


def test_it_signs_in_with_email_and_password_and_audits_it(caseworker, client):
    response = client.post(reverse("account_login"), {"login": caseworker.email, "password": "correct horse battery"})
    assert response.status_code == 302
    assert AuditEntry.objects.filter(action="login", actor_user_id=caseworker.pk).exists()


def test_it_records_failed_sign_ins_and_then_refuses_to_try_more(caseworker, client):
    for _ in range(5):
        response = client.post(reverse("account_login"), {"login": caseworker.email, "password": "wrong"})
        assert response.status_code == 200
    assert AuditEntry.objects.filter(action="login_failed").count() == 5
    blocked = client.post(reverse("account_login"), {"login": caseworker.email, "password": "correct horse battery"})
    assert blocked.status_code in {200, 429}
    assert "_auth_user_id" not in client.session


def test_it_signs_out_a_session_left_idle(caseworker, client_of, settings):
    client = client_of(caseworker)
    assert client.get(reverse("cases:list")).status_code == 200
    session = client.session
    session[LAST_SEEN_KEY] = int(time.time()) - settings.CORRIDOR_SESSION_IDLE_SECONDS - 5
    session.save()
    response = client.get(reverse("cases:list"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert "_auth_user_id" not in client.session


def test_it_emails_a_password_reset_link(caseworker, client, mailoutbox):
    response = client.post(reverse("account_reset_password"), {"email": caseworker.email})
    assert response.status_code == 302
    assert len(mailoutbox) == 1 and caseworker.email in mailoutbox[0].to

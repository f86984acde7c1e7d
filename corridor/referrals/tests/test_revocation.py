"""Withdrawing a referral removes the receiver's access to what was shared, on pages and in the API."""

import pytest
from django.urls import reverse

from conftest import actor_of
from corridor.referrals.services import Change, referral_update

pytestmark = pytest.mark.django_db


def test_it_removes_access_when_the_sender_withdraws(referral, caseworker, receiver_worker, client_of):
    referral_update(actor=actor_of(receiver_worker), referral=referral, change=Change(kind="accepted"))
    referral_update(actor=actor_of(caseworker), referral=referral, change=Change(kind="revoked", text="Worker moved."))
    referral.refresh_from_db()
    assert referral.status == "revoked"
    assert referral.shared == ""
    html = client_of(receiver_worker).get(reverse("referrals:detail", args=[referral.pk])).content.decode()
    assert "Sok Dara" not in html
    assert "removed from your view" in html


def test_it_tells_the_receiver_that_the_referral_was_withdrawn(referral, caseworker, receiver_worker):
    from corridor.accounts.models import Notification

    referral_update(actor=actor_of(caseworker), referral=referral, change=Change(kind="revoked"))
    texts = list(Notification.objects.filter(user=receiver_worker).values_list("text", flat=True))
    assert any("withdrew" in text for text in texts)

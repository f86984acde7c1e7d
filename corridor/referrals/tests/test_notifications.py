"""Both sides are told: in the app, and by an email that carries no case details."""

import pytest
from django.core import mail

from conftest import actor_of
from corridor.accounts.models import Notification
from corridor.accounts.tasks import email_notification
from corridor.referrals.services import Change, referral_update

pytestmark = pytest.mark.django_db


def test_it_notifies_the_receivers_members_in_their_language(referral, receiver_worker):
    note = Notification.objects.get(user=receiver_worker)
    assert "legal aid" in note.text.lower()
    assert note.url.endswith(f"/referrals/{referral.pk}/")


def test_it_emails_the_notification_once_without_case_details(referral, receiver_worker):
    note = Notification.objects.get(user=receiver_worker)
    email_notification.call(str(note.pk))
    email_notification.call(str(note.pk))
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [receiver_worker.email]
    assert "Sok Dara" not in mail.outbox[0].body
    assert f"/referrals/{referral.pk}/" in mail.outbox[0].body


def test_it_tells_the_sender_when_the_receiver_answers(referral, caseworker, receiver_worker):
    referral_update(actor=actor_of(receiver_worker), referral=referral, change=Change(kind="accepted"))
    assert Notification.objects.filter(user=caseworker, text__contains="accepted").exists()

"""In-app notifications: listed for their member, counted in the header, marked read when opened."""

import pytest
from django.urls import reverse

from conftest import actor_of, assert_denied
from corridor.accounts.models import Notification
from corridor.accounts.services import notify

pytestmark = pytest.mark.django_db


@pytest.fixture
def note(org, caseworker):
    return notify(users=[caseworker], organisation=org, text=lambda: "New legal aid referral", url="/referrals/")[0]


def test_it_lists_and_counts_unread_notifications(note, caseworker, client_of):
    client = client_of(caseworker)
    home = client.get(reverse("home")).content.decode()
    assert "1 unread" in home
    listing = client.get(reverse("accounts:notifications")).content.decode()
    assert "New legal aid referral" in listing


def test_it_marks_a_notification_read_when_opened(note, caseworker, client_of):
    response = client_of(caseworker).post(reverse("accounts:notification_open", args=[note.pk]))
    assert response.status_code == 302 and response["Location"] == "/referrals/"
    note.refresh_from_db()
    assert note.read_at is not None


def test_it_marks_all_read(note, caseworker, client_of):
    client_of(caseworker).post(reverse("accounts:notifications_read_all"))
    assert not Notification.objects.filter(read_at__isnull=True).exists()


def test_it_keeps_a_members_notifications_from_everyone_else(note, manager, outsider, client_of):
    for other in (manager, outsider):
        assert_denied(client_of(other).post(reverse("accounts:notification_open", args=[note.pk])))
        assert "New legal aid referral" not in client_of(other).get(reverse("accounts:notifications")).content.decode()
    note.refresh_from_db()
    assert note.read_at is None


def test_it_writes_each_notification_in_the_members_language(org, caseworker):
    from django.utils.translation import gettext

    caseworker.preferred_language = "th"
    caseworker.save()
    [note] = notify(users=[caseworker], organisation=org, text=lambda: gettext("Referrals"), url="/")
    assert note.text != "Referrals" and note.text
    assert actor_of(caseworker).user == caseworker

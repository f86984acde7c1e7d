"""The receiver sees exactly the shared fields, and only after accepting; nobody else sees anything."""

import pytest
from django.urls import reverse

from conftest import actor_of, assert_denied
from corridor.referrals.services import Change, referral_update

pytestmark = pytest.mark.django_db


def accept(referral, receiver_worker):
    referral_update(actor=actor_of(receiver_worker), referral=referral, change=Change(kind="accepted"))


def test_it_hides_the_shared_fields_until_the_receiver_accepts(referral, receiver_worker, client_of):
    page = client_of(receiver_worker).get(reverse("referrals:detail", args=[referral.pk]))
    assert page.status_code == 200
    assert "Sok Dara" not in page.content.decode()
    assert "once you accept" in page.content.decode()


def test_it_shows_the_receiver_exactly_the_shared_fields_once_accepted(referral, receiver_worker, client_of):
    accept(referral, receiver_worker)
    html = client_of(receiver_worker).get(reverse("referrals:detail", args=[referral.pk])).content.decode()
    assert "Sok Dara" in html  # names were shared
    assert "+66812345678" in html.replace(" ", "")  # phone numbers were shared
    assert "N1234567" not in html  # the passport number was not
    assert "Prey Kdei" not in html  # nor the home address
    assert "The employer" not in html  # nor the documents


def test_it_gives_the_receiver_no_access_to_the_senders_case(referral, receiver_worker, client_of, a_case):
    accept(referral, receiver_worker)
    assert_denied(client_of(receiver_worker).get(reverse("cases:detail", args=[a_case.pk])))
    assert_denied(client_of(receiver_worker).get(reverse("people:detail", args=[referral.person_id])))


def test_it_shows_a_third_organisation_nothing(referral, third_worker, client_of, receiver_worker):
    accept(referral, receiver_worker)
    assert_denied(client_of(third_worker).get(reverse("referrals:detail", args=[referral.pk])))
    listing = client_of(third_worker).get(reverse("referrals:list")).content.decode()
    assert referral.short_id not in listing


def test_it_hides_a_sensitive_cases_referral_from_an_unassigned_caseworker(referral, a_case, org, client_of):
    from conftest import make_member
    from corridor.cases.models import Case

    Case.objects.filter(pk=a_case.pk).update(sensitivity="sensitive")
    colleague = make_member(org, "caseworker")
    assert_denied(client_of(colleague).get(reverse("referrals:detail", args=[referral.pk])))


def test_it_records_reading_the_shared_fields_in_the_audit_log(referral, receiver_worker, client_of):
    from corridor.audit.models import AuditEntry

    accept(referral, receiver_worker)
    client_of(receiver_worker).get(reverse("referrals:detail", args=[referral.pk]))
    assert AuditEntry.objects.filter(
        object_id=str(referral.pk), action="view", organisation_id=referral.receiver_id
    ).exists()

"""A referral's life: questions and answers, acceptance, progress, outcome; each step by the right side
and only from the right status."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from conftest import actor_of
from corridor.referrals.models import ReferralUpdate
from corridor.referrals.services import Change, referral_update

pytestmark = pytest.mark.django_db


def step(user, referral, kind, **values):
    referral_update(actor=actor_of(user), referral=referral, change=Change(kind=kind, **values))
    referral.refresh_from_db()
    return referral


def test_it_goes_from_question_to_outcome(referral, caseworker, receiver_worker):
    assert (
        step(receiver_worker, referral, "info_requested", text="Is she still at the plant?").status == "info_requested"
    )
    assert step(caseworker, referral, "info_given", text="Yes, until Friday.").status == "pending"
    accepted = step(receiver_worker, referral, "accepted")
    assert accepted.status == "accepted"
    assert accepted.complete_by == dt.date.today() + dt.timedelta(days=90)
    assert step(receiver_worker, referral, "progress", text="Complaint filed.").status == "accepted"
    done = step(receiver_worker, referral, "completed", outcome="provided", text="Wages paid.")
    assert done.status == "completed" and done.closed_at is not None
    kinds = list(ReferralUpdate.objects.filter(referral=referral).values_list("kind", flat=True))
    assert kinds == ["sent", "info_requested", "info_given", "accepted", "progress", "completed"]


def test_it_keeps_each_step_to_its_side(referral, caseworker, receiver_worker):
    with pytest.raises(PermissionDenied):
        step(caseworker, referral, "accepted")
    with pytest.raises(PermissionDenied):
        step(receiver_worker, referral, "revoked")


def test_it_refuses_a_step_out_of_order(referral, receiver_worker):
    with pytest.raises(ValidationError):
        step(receiver_worker, referral, "completed", outcome="provided")
    with pytest.raises(ValidationError):
        step(receiver_worker, referral, "progress", text="too early")


def test_it_needs_a_reason_to_decline_and_an_outcome_to_complete(referral, receiver_worker):
    with pytest.raises(ValidationError):
        step(receiver_worker, referral, "declined", text=" ")
    step(receiver_worker, referral, "accepted")
    with pytest.raises(ValidationError):
        step(receiver_worker, referral, "completed", outcome="")


def test_it_refuses_a_third_organisation(referral, third_worker):
    with pytest.raises(PermissionDenied):
        step(third_worker, referral, "accepted")


def test_it_removes_the_shared_copy_when_declined(referral, receiver_worker):
    declined = step(receiver_worker, referral, "declined", text="We do not cover Rayong.")
    assert declined.shared == ""

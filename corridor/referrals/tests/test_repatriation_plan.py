"""A repatriation referral carries the SOP's return plan, which both organisations keep up to date."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from conftest import actor_of, assert_denied
from corridor.referrals.catalogue import SharedField
from corridor.referrals.repatriation import SOP_STEPS
from corridor.referrals.services import Change, StepChange, referral_send, referral_update, repatriation_step_update

pytestmark = pytest.mark.django_db


@pytest.fixture
def repatriation(consented, a_case, caseworker, other_org, receiver_worker):
    return referral_send(
        actor=actor_of(caseworker),
        case=a_case,
        person=consented,
        receiver=other_org,
        referral_type="repatriation",
        fields=[SharedField.NAMES, SharedField.HOME],
        message="Wants to go home to Prey Veng before the new year.",
    )


def done(step_code, on=dt.date(2026, 11, 20)):
    return StepChange(status="done", responsible="Poipet transit centre", due_on=on, done_on=on, evidence="Form 3")


def test_it_lays_out_the_sop_steps_in_order(repatriation):
    codes = list(repatriation.steps.values_list("code", flat=True))
    assert codes == [step.code for step in SOP_STEPS]
    assert codes[4] == "handover" and codes[-1] == "closure"
    assert len([code for code in codes if code.startswith("reintegration_")]) == 4


def test_it_lets_both_organisations_record_steps(repatriation, caseworker, receiver_worker, client_of):
    repatriation_step_update(actor=actor_of(caseworker), referral=repatriation, code="identification", change=done("x"))
    repatriation_step_update(actor=actor_of(receiver_worker), referral=repatriation, code="family", change=done("x"))
    html = client_of(caseworker).get(reverse("referrals:detail", args=[repatriation.pk])).content.decode()
    assert html.count("Done on 20 Nov 2026") == 2
    assert "Form 3" in html


def test_it_refuses_a_done_step_without_a_date_and_a_third_organisation(repatriation, caseworker, third_worker):
    with pytest.raises(ValidationError):
        repatriation_step_update(
            actor=actor_of(caseworker),
            referral=repatriation,
            code="handover",
            change=StepChange(status="done", responsible="Border", due_on=dt.date(2026, 12, 1)),
        )
    with pytest.raises(PermissionDenied):
        repatriation_step_update(actor=actor_of(third_worker), referral=repatriation, code="handover", change=done("x"))


def test_it_freezes_the_plan_once_withdrawn(repatriation, caseworker):
    referral_update(actor=actor_of(caseworker), referral=repatriation, change=Change(kind="revoked"))
    with pytest.raises(ValidationError):
        repatriation_step_update(actor=actor_of(caseworker), referral=repatriation, code="handover", change=done("x"))


def test_it_saves_a_step_through_the_page_and_denies_outsiders(repatriation, receiver_worker, third_worker, client_of):
    url = reverse("referrals:step", args=[repatriation.pk, "reception"])
    data = {"status": "done", "responsible": "Poipet transit centre", "due_on": "2026-12-10", "done_on": "2026-11-24"}
    assert client_of(receiver_worker).post(url, data).status_code == 302
    assert repatriation.steps.get(code="reception").status == "done"
    assert_denied(client_of(third_worker).post(url, data))
    bad = client_of(receiver_worker).post(url, {**data, "done_on": ""})
    assert bad.status_code == 422

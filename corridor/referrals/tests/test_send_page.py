"""The referral form on a case: choose who, to whom, the type and what to share; consent checked on send."""

import pytest
from django.urls import reverse

from conftest import assert_denied
from corridor.referrals.models import Referral

pytestmark = pytest.mark.django_db


def form_data(person, receiver, **overrides):
    data = {
        "person": str(person.pk),
        "receiver": str(receiver.pk),
        "referral_type": "legal_aid",
        "shared_fields": ["person.names", "case.summary"],
        "message": "Needs a lawyer.",
        "action": "send",
    }
    data.update(overrides)
    return data


def test_it_offers_the_types_defaults(a_case, worker, caseworker, client_of):
    page = client_of(caseworker).get(reverse("referral_new", args=[a_case.pk]) + "?referral_type=shelter")
    html = page.content.decode()
    assert page.status_code == 200
    assert 'value="person.whereabouts"' in html and "checked" in html
    assert 'value="case.wage_claim"' not in html  # a shelter referral may not share the wage claim


def test_it_shows_the_chosen_types_fields_without_javascript(a_case, worker, caseworker, client_of, other_org):
    page = client_of(caseworker).post(
        reverse("referral_new", args=[a_case.pk]),
        form_data(worker, other_org, referral_type="wage_claim", action="choose_type", shared_fields=[]),
    )
    assert page.status_code == 200
    assert 'value="case.wage_claim"' in page.content.decode()
    assert not Referral.objects.exists()


def test_it_sends_and_goes_to_the_referral(a_case, consented, caseworker, client_of, other_org):
    response = client_of(caseworker).post(reverse("referral_new", args=[a_case.pk]), form_data(consented, other_org))
    referral = Referral.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("referrals:detail", args=[referral.pk])


def test_it_explains_missing_consent_and_sends_nothing(a_case, worker, caseworker, client_of, other_org):
    response = client_of(caseworker).post(reverse("referral_new", args=[a_case.pk]), form_data(worker, other_org))
    assert response.status_code == 422
    assert "Consent is missing" in response.content.decode()
    assert not Referral.objects.exists()


def test_it_keeps_the_form_from_outsiders_and_viewers(a_case, outsider, org, client_of):
    from conftest import make_member

    assert_denied(client_of(outsider).get(reverse("referral_new", args=[a_case.pk])))
    assert_denied(client_of(make_member(org, "viewer")).get(reverse("referral_new", args=[a_case.pk])))


def test_it_lists_referrals_received_and_sent(referral, caseworker, receiver_worker, client_of):
    received = client_of(receiver_worker).get(reverse("referrals:list")).content.decode()
    assert referral.short_id in received
    sent = client_of(caseworker).get(reverse("referrals:list") + "?box=sent").content.decode()
    assert referral.short_id in sent
    empty = client_of(caseworker).get(reverse("referrals:list")).content.decode()
    assert "No referrals received." in empty


def test_it_answers_through_the_page(referral, receiver_worker, client_of):
    client = client_of(receiver_worker)
    bad = client.post(reverse("referrals:update", args=[referral.pk]), {"kind": "declined", "text": ""})
    assert bad.status_code == 422
    good = client.post(reverse("referrals:update", args=[referral.pk]), {"kind": "accepted"})
    assert good.status_code == 302
    referral.refresh_from_db()
    assert referral.status == "accepted"


def test_it_shows_overdue_referrals_on_both_home_pages(referral, caseworker, receiver_worker, client_of):
    import datetime as dt

    Referral.objects.filter(pk=referral.pk).update(respond_by=dt.date(2026, 1, 1))
    assert "your answer is late" in client_of(receiver_worker).get(reverse("home")).content.decode()
    assert "their answer is late" in client_of(caseworker).get(reverse("home")).content.decode()

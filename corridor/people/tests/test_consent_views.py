"""The consent section of the person page: showing, recording and withdrawing consent."""

import datetime as dt

import pytest
from django.urls import reverse

from conftest import actor_of, assert_denied
from corridor.audit.models import AuditEntry
from corridor.people.models import INFORMED_CONSENT_CHECKS, Consent
from corridor.people.services import consent_record
from corridor.people.tests.factories import a_person

pytestmark = pytest.mark.django_db

ALL_CHECKS = [name for name, _label in INFORMED_CONSENT_CHECKS]


def sharing_post(organisation, **values):
    return {
        "purpose": "sharing",
        "share_with_organisations": [str(organisation.pk)],
        "method": "signed",
        "given_on": "2026-10-01",
        "checks": ALL_CHECKS,
        **values,
    }


def a_consent(user, person, **values):
    defaults = {"purpose": "services", "method": "spoken", "given_on": dt.date(2026, 10, 1), "checks": ALL_CHECKS}
    return consent_record(actor=actor_of(user), person=person, **{**defaults, **values})


def add_url(person):
    return reverse("people:consent_add", args=[person.pk])


def withdraw_url(consent):
    return reverse("people:consent_withdraw", args=[consent.person_id, consent.pk])


def test_it_shows_the_section_with_its_empty_state(client_of, caseworker):
    person = a_person(caseworker)

    page = client_of(caseworker).get(reverse("people:detail", args=[person.pk])).content.decode()

    assert 'id="consent"' in page
    assert "No consent recorded yet." in page
    assert "Record consent" in page
    assert page.index('id="details"') < page.index('id="consent"') < page.index('id="documents"')


def test_it_records_consent_and_shows_it_on_the_page(client_of, caseworker, other_org):
    person = a_person(caseworker)
    browser = client_of(caseworker)

    response = browser.post(add_url(person), sharing_post(other_org, countries=[]))

    assert response.status_code == 302
    assert response["Location"] == reverse("people:detail", args=[person.pk]) + "#consent"
    consent = Consent.objects.get(person=person)
    assert (consent.purpose, consent.method, consent.is_informed) == ("sharing", "signed", True)
    assert list(consent.share_with_organisations.all()) == [other_org]
    page = browser.get(response["Location"]).content.decode()
    assert "Consent recorded." in page
    assert "Share information with other organisations" in page
    assert other_org.name in page
    assert "badge--active" in page
    assert "No consent recorded yet." not in page


def test_it_warns_when_the_consent_was_not_fully_informed(client_of, caseworker):
    person = a_person(caseworker)
    a_consent(caseworker, person, checks=["told_purpose"])

    page = client_of(caseworker).get(reverse("people:detail", args=[person.pk])).content.decode()

    assert "Not fully informed: still to explain:" in page
    assert "Told who it may be shared with" in page.split("Not fully informed")[1]


def test_it_shows_a_guardians_name(client_of, caseworker):
    person = a_person(caseworker)
    a_consent(caseworker, person, method="guardian", guardian_name="Sok Mony")

    page = client_of(caseworker).get(reverse("people:detail", args=[person.pk])).content.decode()

    assert "Given through a parent or guardian: Sok Mony" in page


def test_it_shows_the_services_error_on_its_field_and_writes_nothing(client_of, caseworker, other_org):
    person = a_person(caseworker)

    response = client_of(caseworker).post(add_url(person), sharing_post(other_org, share_with_organisations=[]))

    assert response.status_code == 422
    form = response.context["consent_form"]
    assert form.errors["share_with_organisations"] == [
        "Name the organisations, or the countries, it may be shared with."
    ]
    assert response.context["open_section"] == "consent_form"
    assert "Name the organisations, or the countries, it may be shared with." in response.content.decode()
    assert not Consent.objects.exists()
    assert not AuditEntry.objects.filter(object_type="people.consent").exists()


def test_it_shows_form_errors_for_missing_fields(client_of, caseworker):
    person = a_person(caseworker)

    response = client_of(caseworker).post(add_url(person), {"method": "guardian"})

    assert response.status_code == 422
    assert set(response.context["consent_form"].errors) == {"purpose", "given_on"}
    assert not Consent.objects.exists()


def test_it_does_not_offer_the_persons_own_organisation_to_share_with(client_of, caseworker, org, other_org):
    person = a_person(caseworker)

    response = client_of(caseworker).get(reverse("people:detail", args=[person.pk]))

    choices = list(response.context["consent_form"].fields["share_with_organisations"].queryset)
    assert other_org in choices
    assert org not in choices


def test_it_withdraws_a_consent(client_of, caseworker):
    person = a_person(caseworker)
    consent = a_consent(caseworker, person)
    browser = client_of(caseworker)

    response = browser.post(withdraw_url(consent), {"reason": "Asked us to stop"})

    assert response.status_code == 302
    assert response["Location"].endswith("#consent")
    consent.refresh_from_db()
    assert (consent.is_active, consent.withdrawn_by, consent.withdrawal_reason) == (
        False,
        caseworker,
        "Asked us to stop",
    )
    page = browser.get(response["Location"]).content.decode()
    assert "Withdrawn " in page
    assert "Asked us to stop" in page
    assert withdraw_url(consent) not in page


def test_it_keeps_a_rejected_reason_on_its_own_consent(client_of, caseworker):
    person = a_person(caseworker)
    consent = a_consent(caseworker, person)
    a_consent(caseworker, person, purpose="research")

    response = client_of(caseworker).post(withdraw_url(consent), {"reason": "x" * 2001})

    assert response.status_code == 422
    rows = {row.pk: form for row, form in response.context["consent_rows"]}
    assert rows[consent.pk].errors["reason"]
    assert [pk for pk, form in rows.items() if form.is_bound] == [consent.pk]
    assert response.context["withdraw_problem"] is None
    consent.refresh_from_db()
    assert consent.is_active


def test_it_shows_a_second_withdrawal_as_an_error(client_of, caseworker):
    person = a_person(caseworker)
    consent = a_consent(caseworker, person)
    browser = client_of(caseworker)
    browser.post(withdraw_url(consent))

    response = browser.post(withdraw_url(consent), {"reason": "again"})

    assert response.status_code == 422
    assert "This consent was already withdrawn." in response.content.decode()
    assert response.context["withdraw_problem"].non_field_errors() == ["This consent was already withdrawn."]
    consent.refresh_from_db()
    assert consent.withdrawal_reason == ""


def test_it_hides_a_consent_of_another_person_behind_404(client_of, caseworker):
    person = a_person(caseworker)
    other = a_person(caseworker, name_latin="Keo Dara")
    consent = a_consent(caseworker, other)

    response = client_of(caseworker).post(reverse("people:consent_withdraw", args=[person.pk, consent.pk]))

    assert response.status_code == 404
    consent.refresh_from_db()
    assert consent.is_active


def test_it_answers_404_to_another_organisation(client_of, caseworker, outsider, other_org):
    person = a_person(caseworker)
    consent = a_consent(caseworker, person)
    browser = client_of(outsider)

    assert browser.post(add_url(person), sharing_post(other_org)).status_code == 404
    assert browser.post(withdraw_url(consent), {"reason": "no"}).status_code == 404

    assert Consent.objects.count() == 1
    consent.refresh_from_db()
    assert consent.is_active
    assert AuditEntry.objects.filter(action="denied", actor_user_id=outsider.pk).count() == 2


def test_it_sends_anonymous_visitors_to_sign_in(client, caseworker, other_org):
    person = a_person(caseworker)
    consent = a_consent(caseworker, person)

    assert_denied(client.post(add_url(person), sharing_post(other_org)))
    assert_denied(client.post(withdraw_url(consent)))

    assert Consent.objects.count() == 1


def test_it_refuses_a_viewer_and_shows_them_no_forms(client_of, caseworker, member_factory, other_org):
    person = a_person(caseworker)
    consent = a_consent(caseworker, person)
    viewer = client_of(member_factory("viewer"))

    assert viewer.post(add_url(person), sharing_post(other_org)).status_code == 403
    assert viewer.post(withdraw_url(consent)).status_code == 403

    assert Consent.objects.count() == 1
    page = viewer.get(reverse("people:detail", args=[person.pk])).content.decode()
    assert "Receive services" in page
    assert add_url(person) not in page
    assert withdraw_url(consent) not in page


def test_it_accepts_only_post(client_of, caseworker):
    person = a_person(caseworker)
    assert client_of(caseworker).get(add_url(person)).status_code == 405

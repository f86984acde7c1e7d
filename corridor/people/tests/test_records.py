"""Adding identifier numbers and documents from the person page."""

import pytest
from django.urls import reverse
from django.utils import translation

from corridor.people.models import PersonDocument, PersonIdentifier
from corridor.people.tests.factories import a_person


@pytest.mark.django_db
def test_it_adds_a_normalised_identifier(client_of, caseworker):
    person = a_person(caseworker)
    response = client_of(caseworker).post(
        reverse("people:identifier_add", args=[person.pk]), {"kind": "passport", "value": "n 123-4567"}
    )
    assert response.status_code == 302
    assert response["Location"].endswith("#identifiers")
    assert PersonIdentifier.objects.get(person=person).value == "N1234567"


@pytest.mark.django_db
def test_it_shows_the_services_error_on_the_number_field(client_of, caseworker):
    person = a_person(caseworker)
    response = client_of(caseworker).post(
        reverse("people:identifier_add", args=[person.pk]), {"kind": "phone", "value": "12"}
    )
    assert response.status_code == 422
    form = response.context["identifier_form"]
    assert form.errors["value"] == ["Enter a phone number such as +66 81 234 5678 or 012 345 678."]
    assert response.context["open_section"] == "identifier_form"
    assert not PersonIdentifier.objects.exists()


@pytest.mark.django_db
def test_it_refuses_a_duplicate_number(client_of, caseworker):
    person = a_person(caseworker)
    browser = client_of(caseworker)
    browser.post(reverse("people:identifier_add", args=[person.pk]), {"kind": "passport", "value": "N1234567"})
    response = browser.post(
        reverse("people:identifier_add", args=[person.pk]), {"kind": "passport", "value": "N 1234567"}
    )
    assert response.status_code == 422
    assert "This number is already recorded for this person." in response.content.decode()
    assert PersonIdentifier.objects.count() == 1


@pytest.mark.django_db
def test_it_shows_errors_in_the_users_language(client_of, caseworker):
    caseworker.preferred_language = "km"
    caseworker.save()
    person = a_person(caseworker)
    response = client_of(caseworker).post(
        reverse("people:identifier_add", args=[person.pk]), {"kind": "passport", "value": ""}
    )
    assert response.status_code == 422
    with translation.override("km"):
        required = translation.gettext("This field is required.")
    assert required != "This field is required."
    assert required in response.content.decode()


@pytest.mark.django_db
def test_it_records_a_document_and_who_holds_it(client_of, caseworker):
    person = a_person(caseworker)
    response = client_of(caseworker).post(
        reverse("people:document_add", args=[person.pk]),
        {"kind": "work_permit", "held_by": "recruiter", "notes": "Broker in Poipet"},
    )
    assert response.status_code == 302
    document = PersonDocument.objects.get(person=person)
    assert (document.kind, document.held_by, document.is_retained) == ("work_permit", "recruiter", True)


@pytest.mark.django_db
def test_it_refuses_an_unknown_document_holder(client_of, caseworker):
    person = a_person(caseworker)
    response = client_of(caseworker).post(
        reverse("people:document_add", args=[person.pk]), {"kind": "passport", "held_by": "the moon"}
    )
    assert response.status_code == 422
    assert response.context["open_section"] == "document_form"
    assert not PersonDocument.objects.exists()

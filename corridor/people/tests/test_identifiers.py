"""Identifier numbers are shown in clear only to roles allowed to see them; others see a mask."""

import pytest
from django.urls import reverse

from corridor.audit.models import AuditEntry
from corridor.people.tests.factories import a_person, with_identifier


@pytest.fixture
def person(caseworker):
    person = a_person(caseworker)
    with_identifier(caseworker, person, "passport", "N1234567")
    return with_identifier(caseworker, person, "phone", "+66 81 234 5678")


@pytest.mark.django_db
def test_it_masks_numbers_for_a_viewer(client_of, member_factory, person):
    viewer = member_factory("viewer")
    html = client_of(viewer).get(reverse("people:detail", args=[person.pk])).content.decode()
    assert "N1234567" not in html
    assert "+66812345678" not in html
    assert html.count("••••••") == 2
    assert "Passport number" in html
    assert "Phone number" in html
    entry = AuditEntry.objects.get(action="view", object_id=str(person.pk))
    assert entry.summary == "person viewed"


@pytest.mark.django_db
def test_it_shows_numbers_to_a_caseworker_and_records_that(client_of, caseworker, person):
    html = client_of(caseworker).get(reverse("people:detail", args=[person.pk])).content.decode()
    assert "N1234567" in html
    assert "+66812345678" in html
    assert "••••••" not in html
    entry = AuditEntry.objects.get(action="view", object_id=str(person.pk))
    assert entry.summary == "person viewed, identifiers shown"

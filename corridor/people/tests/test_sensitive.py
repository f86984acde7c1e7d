"""Someone in a sensitive case is hidden from staff who are neither assigned to it nor managers."""

import pytest
from django.urls import reverse

from corridor.people.tests.factories import a_case_with, a_person


@pytest.fixture
def hidden(caseworker, manager):
    person = a_person(caseworker, name_latin="Srey Pov")
    a_case_with(manager, person, sensitivity="sensitive", assigned_to=manager)
    return person


@pytest.mark.django_db
def test_it_hides_the_person_from_an_unassigned_caseworker(client_of, caseworker, hidden):
    browser = client_of(caseworker)
    assert browser.get(reverse("people:detail", args=[hidden.pk])).status_code == 404
    assert browser.get(reverse("people:edit", args=[hidden.pk])).status_code == 404
    assert "Srey Pov" not in browser.get(reverse("people:list")).content.decode()
    assert "Srey Pov" not in browser.get(reverse("people:list"), {"q": "srey"}).content.decode()


@pytest.mark.django_db
def test_it_shows_the_person_to_the_assigned_member_and_managers(client_of, manager, org_admin, hidden):
    for user in (manager, org_admin):
        assert client_of(user).get(reverse("people:detail", args=[hidden.pk])).status_code == 200
        assert "Srey Pov" in client_of(user).get(reverse("people:list"), {"q": "srey"}).content.decode()


@pytest.mark.django_db
def test_it_shows_the_person_to_a_caseworker_assigned_to_the_case(client_of, caseworker, manager):
    person = a_person(caseworker, name_latin="Srey Pov")
    a_case_with(manager, person, sensitivity="sensitive", assigned_to=caseworker)
    assert client_of(caseworker).get(reverse("people:detail", args=[person.pk])).status_code == 200

"""Editing a person: every field, provinces from the right country, and optimistic locking."""

import pytest
from django.urls import reverse

from conftest import actor_of
from corridor.audit.models import AuditEntry
from corridor.people.services import person_update
from corridor.people.tests.factories import a_person


def _form(person, **changes):
    data = {
        "name_latin": person.name_latin,
        "name_km": person.name_km,
        "name_th": person.name_th,
        "gender": person.gender,
        "date_of_birth": "",
        "estimated_age": "",
        "citizenship": person.citizenship,
        "languages": "",
        "home_province": "",
        "home_district": "",
        "home_commune": "",
        "home_village": "",
        "current_province": "",
        "migration_channel": person.migration_channel,
        "version": person.version,
    }
    return {**data, **changes}


@pytest.mark.django_db
def test_it_saves_every_field(client_of, caseworker):
    person = a_person(caseworker)
    response = client_of(caseworker).post(
        reverse("people:edit", args=[person.pk]),
        _form(
            person,
            name_latin="Sok Chanthy",
            gender="Feminine",
            date_of_birth="1999-04-13",
            languages="km, th",
            home_province="KH-14",
            home_district="Peam Ro",
            home_commune="Anlong Chrey",
            home_village="Prey Kdei",
            current_province="TH-21",
            migration_channel="mou",
            citizenship="KH",
        ),
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert (person.name_latin, person.gender, str(person.date_of_birth)) == (
        "Sok Chanthy",
        "Feminine",
        "1999-04-13",
    )
    assert (person.home_province_id, person.current_province_id, person.home_village) == (
        "KH-14",
        "TH-21",
        "Prey Kdei",
    )
    assert person.version == 2
    assert "sok chanthy" in person.search_names


@pytest.mark.django_db
def test_it_offers_cambodian_provinces_for_home_and_thai_ones_for_now(client_of, caseworker):
    person = a_person(caseworker)
    form = client_of(caseworker).get(reverse("people:edit", args=[person.pk])).context["form"]
    home = {code for code, _ in form.fields["home_province"].choices if code}
    current = {code for code, _ in form.fields["current_province"].choices if code}
    assert home and all(str(code).startswith("KH-") for code in home)
    assert current and all(str(code).startswith("TH-") for code in current)
    assert 'type="date"' in str(form["date_of_birth"])


@pytest.mark.django_db
def test_it_refuses_a_thai_province_as_home(client_of, caseworker):
    person = a_person(caseworker)
    response = client_of(caseworker).post(
        reverse("people:edit", args=[person.pk]), _form(person, home_province="TH-21")
    )
    assert response.status_code == 422
    person.refresh_from_db()
    assert person.home_province_id is None


@pytest.mark.django_db
def test_it_refuses_a_stale_edit_keeps_the_input_and_changes_nothing(client_of, caseworker, manager):
    person = a_person(caseworker)
    opened = _form(person)  # the caseworker opens the form at version 1
    person_update(actor=actor_of(manager), person=person, version=1, name_latin="Sok Chan (manager)")
    response = client_of(caseworker).post(
        reverse("people:edit", args=[person.pk]), {**opened, "name_latin": "Sok Chan (caseworker)"}
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert "Someone else changed this person while you were editing" in html
    assert 'value="Sok Chan (caseworker)"' in html
    person.refresh_from_db()
    assert (person.name_latin, person.version) == ("Sok Chan (manager)", 2)
    assert AuditEntry.objects.filter(action="update", object_id=str(person.pk)).count() == 1


@pytest.mark.django_db
def test_it_saves_nothing_when_nothing_changed(client_of, caseworker):
    person = a_person(caseworker)
    response = client_of(caseworker).post(reverse("people:edit", args=[person.pk]), _form(person))
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.version == 1


@pytest.mark.django_db
def test_it_needs_a_name_in_some_script(client_of, caseworker):
    person = a_person(caseworker)
    response = client_of(caseworker).post(
        reverse("people:edit", args=[person.pk]), _form(person, name_latin="", name_km="", name_th="")
    )
    assert response.status_code == 422
    assert "Enter the person&#x27;s name in at least one script." in response.content.decode()
    person.refresh_from_db()
    assert person.name_latin == "Sok Chan"

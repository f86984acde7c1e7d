"""The people list finds a person by a name fragment in any script, or by a whole identifier number."""

import pytest
from django.urls import reverse

from corridor.people.tests.factories import a_person, with_identifier


@pytest.fixture
def sok(caseworker):
    return a_person(caseworker, name_latin="Sok Chanthy", name_km="សុខ ចន្ធី", name_th="สก จันธี")


@pytest.fixture
def other(caseworker):
    return a_person(caseworker, name_latin="Mao Sreyneang", name_km="ម៉ៅ ស្រីនាង", name_th="เมา สรีเนียง")


def _found(client, query):
    response = client.get(reverse("people:list"), {"q": query})
    assert response.status_code == 200
    return {person.pk for person in response.context["people"]}


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["ចន្ធី", "จันธี", "chanTHY", "  SOK  "])
def test_it_finds_a_name_fragment_in_any_script(client_of, caseworker, sok, other, query):
    assert _found(client_of(caseworker), query) == {sok.pk}


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["N1234567", "n 1234 567", "N-1234-567"])
def test_it_finds_a_passport_number_whatever_the_spacing(client_of, caseworker, sok, other, query):
    with_identifier(caseworker, sok, "passport", "N 123-4567")
    assert _found(client_of(caseworker), query) == {sok.pk}


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["+66 81 234 5678", "0066-81-234-5678", "+66812345678"])
def test_it_finds_an_international_phone_number_in_any_layout(client_of, caseworker, sok, other, query):
    with_identifier(caseworker, sok, "phone", "+66 81 234 5678")
    assert _found(client_of(caseworker), query) == {sok.pk}


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["081 234 5678", "081-234-5678", "0812345678"])
def test_it_finds_a_local_phone_number_in_any_layout(client_of, caseworker, sok, other, query):
    with_identifier(caseworker, sok, "phone", "081 234 5678")
    assert _found(client_of(caseworker), query) == {sok.pk}


@pytest.mark.django_db
@pytest.mark.parametrize(("saved", "typed"), [("081 234 5678", "+66 81 234 5678"), ("+66 81 234 5678", "081 234 5678")])
def test_it_finds_a_thai_phone_number_saved_in_the_other_form(client_of, caseworker, sok, saved, typed):
    with_identifier(caseworker, sok, "phone", saved)
    assert _found(client_of(caseworker), typed) == {sok.pk}


@pytest.mark.django_db
def test_it_does_not_match_part_of_a_number(client_of, caseworker, sok):
    with_identifier(caseworker, sok, "passport", "N1234567")
    assert _found(client_of(caseworker), "1234") == set()


@pytest.mark.django_db
def test_it_shows_an_empty_state_when_nobody_matches(client_of, caseworker, sok):
    response = client_of(caseworker).get(reverse("people:list"), {"q": "nobody-like-this"})
    assert "Nobody matches" in response.content.decode()

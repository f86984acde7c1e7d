"""Without a search, the people list shows the organisation's people by name, 25 to a page."""

import pytest
from django.urls import reverse

from corridor.people.tests.factories import a_person


@pytest.mark.django_db
def test_it_sorts_by_the_first_name_written_whatever_the_script(client_of, caseworker):
    a_person(caseworker, name_latin="Vanna", name_km="", name_th="")
    a_person(caseworker, name_latin="", name_km="ខេមរា", name_th="")
    a_person(caseworker, name_latin="Bopha", name_km="បុប្ផា", name_th="")
    response = client_of(caseworker).get(reverse("people:list"))
    assert [p.display_name for p in response.context["people"]] == ["Bopha", "Vanna", "ខេមរា"]


@pytest.mark.django_db
def test_it_pages_by_25(client_of, caseworker):
    for n in range(27):
        a_person(caseworker, name_latin=f"Worker {n:02d}", name_km="", name_th="")
    browser = client_of(caseworker)
    first = browser.get(reverse("people:list"))
    assert len(first.context["people"]) == 25
    assert 'rel="next"' in first.content.decode()
    second = browser.get(reverse("people:list"), {"page": 2})
    assert [p.name_latin for p in second.context["people"]] == ["Worker 25", "Worker 26"]


@pytest.mark.django_db
def test_it_shows_an_empty_state_before_anyone_is_recorded(client_of, caseworker):
    response = client_of(caseworker).get(reverse("people:list"))
    assert response.status_code == 200
    assert "No people yet" in response.content.decode()


@pytest.mark.django_db
def test_it_lists_without_a_query_per_person(client_of, caseworker, django_assert_max_num_queries):
    for n in range(10):
        a_person(caseworker, name_latin=f"Worker {n}", home_province_id="KH-14", current_province_id="TH-21")
    browser = client_of(caseworker)
    browser.get(reverse("people:list"))
    with django_assert_max_num_queries(8):
        browser.get(reverse("people:list"))

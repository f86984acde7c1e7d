"""Employers linked to the most cases come first, counting only the cases the viewer may see."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from conftest import actor_of
from corridor.cases.services import case_party_add
from corridor.parties.tests.factories import a_recruiter, a_workplace, an_employer
from corridor.people.tests.factories import a_case_with, a_person


def _cases(user, n, **values):
    return [a_case_with(user, a_person(user, name_latin=f"Worker {i}"), **values) for i in range(n)]


@pytest.mark.django_db
def test_it_orders_employers_by_their_number_of_cases(client_of, caseworker):
    an_employer(caseworker, "Never")
    once, twice = an_employer(caseworker, "Once"), an_employer(caseworker, "Twice")
    cases = _cases(caseworker, 3)
    for case, employer in [(cases[0], once), (cases[1], twice), (cases[2], twice)]:
        case_party_add(actor=actor_of(caseworker), case=case, party=employer)
    response = client_of(caseworker).get(reverse("parties:list"))
    assert [(e.name, e.case_count) for e in response.context["employers"]] == [
        ("Twice", 2),
        ("Once", 1),
        ("Never", 0),
    ]
    assert "Repeat" in response.content.decode()


@pytest.mark.django_db
def test_it_links_a_party_to_a_case_only_once(client_of, caseworker):
    employer = an_employer(caseworker)
    case = _cases(caseworker, 1)[0]
    case_party_add(actor=actor_of(caseworker), case=case, party=employer)
    with pytest.raises(ValidationError, match="already recorded"):
        case_party_add(actor=actor_of(caseworker), case=case, party=employer)
    assert client_of(caseworker).get(reverse("parties:list")).context["employers"][0].case_count == 1


@pytest.mark.django_db
def test_it_does_not_count_sensitive_cases_the_viewer_cannot_see(client_of, caseworker, manager):
    employer = an_employer(caseworker)
    for case in _cases(manager, 2, sensitivity="sensitive", assigned_to=manager) + _cases(caseworker, 1):
        case_party_add(actor=actor_of(manager), case=case, party=employer)
    assert client_of(caseworker).get(reverse("parties:list")).context["employers"][0].case_count == 1
    assert client_of(manager).get(reverse("parties:list")).context["employers"][0].case_count == 3


@pytest.mark.django_db
def test_it_counts_in_a_fixed_number_of_queries(client_of, caseworker, django_assert_max_num_queries):
    for n in range(8):
        employer = an_employer(caseworker, f"Employer {n}")
        a_workplace(caseworker, f"Plant {n}", employer=employer)
        a_recruiter(caseworker, f"Broker {n}")
        case_party_add(actor=actor_of(caseworker), case=_cases(caseworker, 1)[0], party=employer)
    browser = client_of(caseworker)
    browser.get(reverse("parties:list"))
    with django_assert_max_num_queries(15):  # each of the three lists: one count, one page
        browser.get(reverse("parties:list"))


@pytest.mark.django_db
def test_it_pages_each_list_on_its_own(client_of, caseworker):
    for n in range(30):
        a_recruiter(caseworker, f"Broker {n:02d}")
    an_employer(caseworker, "Only Employer")
    page = client_of(caseworker).get(reverse("parties:list"), {"recruiters_page": 2})
    assert len(page.context["recruiters"]) == 5
    assert len(page.context["employers"]) == 1
    assert "recruiters_page=1" in page.content.decode()

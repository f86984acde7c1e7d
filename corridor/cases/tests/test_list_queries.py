"""The case list runs a fixed number of queries per page, however many cases there are (no N+1)."""

import datetime as dt
import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from corridor.cases.models import Case, CasePerson, Violation
from corridor.people.models import Person

CASES = 10_000


@pytest.fixture
def ten_thousand_cases(org, caseworker):
    """Bulk-built like demo data at scale: every case has a worker and a violation."""
    start = dt.date(2024, 1, 1)
    people, cases, links, violations = [], [], [], []
    for n in range(CASES):
        person = Person(
            id=uuid.uuid4(), organisation=org, name_latin=f"Worker {n}", name_km="សុខ", search_names=f"worker {n} | សុខ"
        )
        case = Case(
            id=uuid.uuid4(),
            organisation=org,
            reference=f"RAYONG-2025-{n:05d}",
            title=f"Case {n}",
            status=("new", "active", "follow_up", "closed")[n % 4],
            sector="C",
            work_province_id="TH-21",
            opened_on=start + dt.timedelta(days=n % 700),
            assigned_to=caseworker if n % 3 else None,
        )
        people.append(person)
        cases.append(case)
        links.append(CasePerson(id=uuid.uuid4(), case=case, person=person, role="worker"))
        violations.append(Violation(id=uuid.uuid4(), case=case, type_id="LR-UNPAID-WAGES"))
    Person.objects.bulk_create(people, batch_size=2000)
    Case.objects.bulk_create(cases, batch_size=2000)
    CasePerson.objects.bulk_create(links, batch_size=2000)
    Violation.objects.bulk_create(violations, batch_size=2000)


def _queries(client, params: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("cases:list") + params)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.django_db
def test_it_uses_the_same_number_of_queries_on_every_page(ten_thousand_cases, caseworker, client_of):
    client = client_of(caseworker)
    client.get(reverse("cases:list"))  # the first request of a session also writes the session
    first = _queries(client, "")
    assert first == _queries(client, "?page=2")
    assert first == _queries(client, "?page=400")
    assert first == _queries(client, "?status=active&violation=LR-UNPAID-WAGES&province=TH-21&page=3")
    # A search is not counted (corridor/core/pagination.py): one query fewer, whatever it matches.
    assert first - 1 == _queries(client, "?q=worker&sort=reference")
    assert first <= 20, first


@pytest.mark.django_db
def test_it_pages_a_search_without_counting_it(ten_thousand_cases, caseworker, client_of):
    client = client_of(caseworker)
    first = client.get(reverse("cases:list") + "?q=worker").content.decode()
    assert "More than 25 cases" in first
    assert "Page 1" in first and "Page 1 of" not in first
    assert 'rel="next"' in first
    last = client.get(reverse("cases:list") + "?q=worker&page=400").content.decode()
    assert "10,000 cases" in last or "10000 cases" in last
    assert 'rel="next"' not in last
    beyond = client.get(reverse("cases:list") + "?q=worker&page=999").content.decode()
    assert "More than 25 cases" in beyond  # past the end: the first page again, not an empty one

"""A token of another organisation sees nothing of ours: every URL naming one of our objects
answers 404 (never confirming it exists) and is recorded; every list leaves our rows out."""

import pytest

from corridor.api.tests.conftest import assert_error
from corridor.audit.models import AuditEntry
from corridor.cases.models import Case
from corridor.people.models import Person

# Valid bodies, so that the request reaches the scope check (and, for the owner, succeeds).
PERSON_REQUESTS = [
    ("GET", "people/{id}", None),
    ("PATCH", "people/{id}", {"version": 1, "name_latin": "Renamed"}),
    ("POST", "people/{id}/identifiers", {"kind": "phone", "value": "+66 81 234 5678"}),
    ("POST", "people/{id}/documents", {"kind": "passport", "held_by": "employer"}),
]
CASE_REQUESTS = [
    ("GET", "cases/{id}", None),
    ("PATCH", "cases/{id}", {"version": 1, "title": "Renamed"}),
    ("POST", "cases/{id}/status", {"status": "active", "version": 1}),
    ("POST", "cases/{id}/assign", {"assignee": None, "version": 1}),
    ("POST", "cases/{id}/people", {"person_id": "{person}", "role": "witness"}),
    ("POST", "cases/{id}/parties", {"kind": "employer", "id": "{employer}"}),
    ("POST", "cases/{id}/violations", {"type_code": "LR-UNPAID-WAGES"}),
    ("POST", "cases/{id}/events", {"kind": "exit", "occurred_on": "2026-09-30", "description": "Left"}),
    ("POST", "cases/{id}/notes", {"body": "Called the worker."}),
    ("POST", "cases/{id}/tasks", {"title": "Call the employer"}),
    (
        "POST",
        "cases/{id}/outcomes",
        {"kind": "money_recovered", "achieved_on": "2026-10-02", "amount": "12500.00", "currency": "THB"},
    ),
]


def _fill(body, **ids):
    if body is None:
        return None
    return {key: value.format(**ids) if isinstance(value, str) else value for key, value in body.items()}


def _state(case: Case, person: Person) -> tuple:
    case.refresh_from_db()
    person.refresh_from_db()
    counts = tuple(
        getattr(case, name).count()
        for name in ("person_links", "party_links", "violations", "events", "notes", "tasks", "outcomes")
    )
    return (
        case.version,
        case.status,
        case.title,
        person.version,
        person.identifiers.count(),
        person.documents.count(),
        *counts,
    )


@pytest.mark.parametrize(("method", "path", "body"), PERSON_REQUESTS + CASE_REQUESTS)
def test_it_answers_not_found_to_another_organisation(
    method, path, body, api_as, outsider_api, a_case, a_person, parties
):
    ids = {"person": a_person.pk, "employer": parties["employer"].pk}
    object_id = a_person.pk if path.startswith("people") else a_case.pk
    url = path.format(id=object_id)
    before = _state(a_case, a_person)
    denied_before = AuditEntry.objects.filter(action="denied").count()

    error = assert_error(outsider_api.request(method, url, _fill(body, **ids)), 404, "not_found")

    assert str(object_id) not in error["message"]
    assert _state(a_case, a_person) == before
    assert AuditEntry.objects.filter(action="denied").count() == denied_before + 1
    denied = AuditEntry.objects.filter(action="denied").order_by("-id").first()
    assert denied.organisation_id != a_case.organisation_id
    assert denied.actor_label.startswith("token:")
    # The same request with our own manager's token works: the 404 was about scope, nothing else.
    assert api_as("manager").request(method, url, _fill(body, **ids)).status_code in {200, 201}


def test_it_answers_alike_for_an_id_that_does_not_exist(api):
    missing = "3fa85f64-5717-4562-b3fc-2c963f66afa6"
    assert_error(api.get(f"cases/{missing}"), 404, "not_found")
    assert_error(api.get(f"people/{missing}"), 404, "not_found")


@pytest.mark.parametrize(
    ("path", "body", "field"),
    [
        ("cases/{id}/people", {"person_id": "{person}", "role": "worker"}, "person_id"),
        ("cases/{id}/parties", {"kind": "employer", "id": "{employer}"}, "id"),
        ("cases/{id}/parties", {"kind": "workplace", "id": "{workplace}"}, "id"),
        ("cases/{id}/parties", {"kind": "recruiter", "id": "{recruiter}"}, "id"),
    ],
)
def test_it_refuses_to_link_our_records_into_another_organisations_case(
    path, body, field, outsider_api, a_person, parties
):
    their_case = Case.objects.get(pk=outsider_api.post("cases", {"title": "Their case"}).json()["id"])
    ids = {"person": a_person.pk, **{kind: party.pk for kind, party in parties.items()}}

    error = assert_error(outsider_api.post(path.format(id=their_case.pk), _fill(body, **ids)), 422, "validation_error")

    assert list(error["fields"]) == [field]
    assert their_case.person_links.count() == 0
    assert their_case.party_links.count() == 0
    assert AuditEntry.objects.filter(action="denied", organisation_id=their_case.organisation_id).exists()


def test_it_refuses_another_organisations_employer_for_a_workplace(outsider_api, parties):
    body = {"name": "Their plant", "province": "TH-21", "employer_id": str(parties["employer"].pk)}
    error = assert_error(outsider_api.post("workplaces", body), 422, "validation_error")
    assert list(error["fields"]) == ["employer_id"]


@pytest.mark.parametrize(
    ("path", "ours"),
    [
        ("cases", "a_case"),
        ("people", "a_person"),
        ("employers", "employer"),
        ("workplaces", "workplace"),
        ("recruiters", "recruiter"),
    ],
)
def test_it_lists_none_of_our_rows_to_another_organisation(path, ours, api, outsider_api, a_case, a_person, parties):
    ours_id = str({"a_case": a_case, "a_person": a_person, **parties}[ours].pk)
    assert ours_id in [item["id"] for item in api.get(path).json()["items"]]

    response = outsider_api.get(path, q="Sok") if path == "people" else outsider_api.get(path)

    assert response.status_code == 200
    assert response.json() == {"items": [], "next_cursor": None}
    assert outsider_api.get("people", q="N1234567").json()["items"] == []
    assert outsider_api.get("cases", q=a_case.reference).json()["items"] == []

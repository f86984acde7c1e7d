"""Every write endpoint records through its service: the row, its validation and its audit entry."""

from corridor.audit.models import AuditEntry
from corridor.cases.models import Case
from corridor.people.models import Person


def _created(response, status=201):
    assert response.status_code == status, response.content[:500]
    return response.json()


def test_it_opens_and_works_a_case_end_to_end(api_as, parties, a_person, caseworker):
    api = api_as("manager")
    case = _created(
        api.post(
            "cases", {"title": "Passport kept", "sector": "A", "work_province": "TH-20", "assigned_to": caseworker.pk}
        )
    )
    url = f"cases/{case['id']}"
    assert (case["status"], case["version"], case["assigned_to"]) == ("new", 1, caseworker.pk)

    _created(api.post(f"{url}/people", {"person_id": str(a_person.pk), "role": "worker"}))
    for kind, party in parties.items():
        assert _created(api.post(f"{url}/parties", {"kind": kind, "id": str(party.pk)}))["name"] == party.name
    _created(api.post(f"{url}/violations", {"type_code": "LR-UNPAID-WAGES", "notes": "Three months"}))
    _created(api.post(f"{url}/events", {"kind": "exit", "occurred_on": "2026-09-30", "description": "Left"}))
    _created(api.post(f"{url}/notes", {"body": "Called the worker."}))
    task = _created(
        api.post(f"{url}/tasks", {"title": "Call employer", "due_on": "2026-10-09", "assignee": caseworker.pk})
    )
    outcome = _created(
        api.post(
            f"{url}/outcomes",
            {"kind": "money_recovered", "achieved_on": "2026-10-02", "amount": "12500.5", "currency": "THB"},
        )
    )
    edited = _created(api.patch(url, {"version": 1, "summary": "Owed 3 months", "sector": None}), 200)
    active = _created(api.post(f"{url}/status", {"status": "active", "version": edited["version"]}), 200)
    assigned = _created(api.post(f"{url}/assign", {"assignee": None, "version": active["version"]}), 200)

    assert task["assignee"] == caseworker.pk
    assert (outcome["amount"], outcome["currency"]) == ("12500.50", "THB")
    assert (edited["summary"], edited["sector"]) == ("Owed 3 months", None)
    assert (assigned["status"], assigned["assigned_to"], assigned["version"]) == ("active", None, 4)
    detail = api.get(url).json()
    assert [link["person"]["id"] for link in detail["people"]] == [str(a_person.pk)]
    assert {party["role"] for party in detail["parties"]} == {"employer", "workplace", "recruiter"}
    assert (len(detail["violations"]), len(detail["events"]), len(detail["notes"])) == (1, 1, 1)
    assert detail["allowed_statuses"] == ["follow_up", "closed", "closed_referred"]
    changes = AuditEntry.objects.filter(case_id=case["id"]).exclude(action="view")
    assert changes.count() == 13


def test_it_closes_a_case_only_with_a_reason(api, a_case):
    url = f"cases/{a_case.pk}/status"
    refused = api.post(url, {"status": "closed", "version": 1})
    assert list(refused.json()["error"]["fields"]) == ["reason"]
    closed = _created(api.post(url, {"status": "closed", "reason": "Paid", "version": 1}), 200)
    assert closed["status"] == "closed"
    assert closed["closed_on"] is not None


def test_it_adds_and_edits_a_person(api, org):
    body = {"name_km": "សុខ ចាន់", "home_province": "KH-14", "gender": "Feminine"}
    person = _created(api.post("people", body))
    url = f"people/{person['id']}"
    _created(api.post(f"{url}/identifiers", {"kind": "kh_national_id", "value": "0123 4567 89"}))
    _created(api.post(f"{url}/documents", {"kind": "passport", "held_by": "employer"}))

    edited = _created(api.patch(url, {"version": 1, "current_province": "TH-21", "date_of_birth": None}), 200)

    assert (edited["home_province"], edited["current_province"], edited["version"]) == ("KH-14", "TH-21", 2)
    assert edited["identifiers"][0]["value"] == "0123456789"
    assert edited["documents"][0]["is_retained"] is True
    stored = Person.objects.get(pk=person["id"])
    assert stored.organisation == org
    assert "សុខ ចាន់" in stored.search_names
    assert AuditEntry.objects.filter(object_id=person["id"], action__in=["create", "update"]).count() == 2


def test_it_adds_parties(api, org):
    employer = _created(api.post("employers", {"name": "Chon Buri Fishing", "sector": "A", "province": "TH-20"}))
    workplace = _created(api.post("workplaces", {"name": "Pier 4", "employer_id": employer["id"], "province": "TH-20"}))
    recruiter = _created(api.post("recruiters", {"name": "Broker Vann", "kind": "broker"}))

    assert (employer["province"], workplace["employer_id"]) == ("TH-20", employer["id"])
    assert (recruiter["licence_status"], recruiter["country"]) == ("unknown", "KH")
    assert [e["id"] for e in api.get("employers").json()["items"]] == [employer["id"]]


def test_it_opens_a_case_dated_today_by_default(api):
    from django.utils import timezone

    case = _created(api.post("cases", {"title": "Walk-in"}))
    assert case["opened_on"] == timezone.localdate().isoformat()
    assert Case.objects.get(pk=case["id"]).created_by is None

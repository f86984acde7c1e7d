"""A case read through the API shows what the case page shows, and is audited like it."""

from corridor.audit.models import AuditEntry
from corridor.cases.services import note_add, violation_add


def test_it_shows_the_case_with_what_it_records(api, a_case, owner):
    violation_add(actor=owner, case=a_case, type_code="LR-UNPAID-WAGES", notes="Three months")
    note_add(actor=owner, case=a_case, body="Called the worker.")

    body = api.get(f"cases/{a_case.pk}").json()

    assert body["case"]["reference"] == a_case.reference
    assert body["case"]["work_province"] == "TH-21"
    assert body["case"]["sector"] == "C"
    assert body["allowed_statuses"] == ["active", "closed"]
    assert [(v["type_code"], v["notes"]) for v in body["violations"]] == [("LR-UNPAID-WAGES", "Three months")]
    assert body["notes"][0]["body"] == "Called the worker."
    assert body["notes"][0]["author"]


def test_it_audits_every_read_of_a_case(api, a_case):
    api.get(f"cases/{a_case.pk}")
    entry = AuditEntry.objects.filter(action="view", case_id=a_case.pk).get()
    assert entry.actor_label.startswith("token:")


def test_it_lists_the_violation_taxonomy_to_any_token(api_as):
    types = {t["code"]: t for t in api_as("analyst").get("violation-types").json()}
    assert types["LR-UNPAID-WAGES"]["group"] == "labour_rights"
    assert types["LR-UNPAID-WAGES"]["name_km"]

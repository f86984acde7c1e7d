"""A token acts with its role: what the role may not do answers 403 and changes nothing."""

import pytest

from corridor.api.tests.conftest import assert_error
from corridor.audit.models import AuditEntry
from corridor.cases.models import Case


def test_it_forbids_a_viewer_token_to_open_a_case(api_as, org):
    viewer = api_as("viewer")
    entries = AuditEntry.objects.count()

    assert_error(viewer.post("cases", {"title": "Wages unpaid"}), 403, "forbidden")

    assert not Case.objects.filter(organisation=org).exists()
    assert AuditEntry.objects.count() == entries


def test_it_lets_a_viewer_token_read_cases(api_as, a_case):
    viewer = api_as("viewer")
    assert [item["id"] for item in viewer.get("cases").json()["items"]] == [str(a_case.pk)]
    assert viewer.get(f"cases/{a_case.pk}").status_code == 200


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("cases/{id}/notes", {"body": "A note"}),
        ("cases/{id}/status", {"status": "active", "version": 1}),
    ],
)
def test_it_forbids_a_viewer_token_to_change_a_case(path, body, api_as, a_case):
    assert_error(api_as("viewer").post(path.format(id=a_case.pk), body), 403, "forbidden")
    a_case.refresh_from_db()
    assert (a_case.status, a_case.version, a_case.notes.count()) == ("new", 1, 0)


def test_it_forbids_a_caseworker_token_to_assign(api_as, a_case):
    assert_error(
        api_as("caseworker").post(f"cases/{a_case.pk}/assign", {"assignee": None, "version": 1}), 403, "forbidden"
    )


def test_it_shows_an_analyst_token_no_cases_or_people(api_as, a_case, a_person):
    analyst = api_as("analyst")
    assert analyst.get("cases").json()["items"] == []
    assert analyst.get("people").json()["items"] == []
    assert_error(analyst.get(f"cases/{a_case.pk}"), 404, "not_found")


def test_it_hides_sensitive_cases_from_a_caseworker_token(api, api_as, owner):
    from corridor.cases.services import case_open

    sensitive = case_open(actor=owner, title="Trafficking for fishing", sensitivity="sensitive")

    assert_error(api.get(f"cases/{sensitive.pk}"), 404, "not_found")
    assert api_as("manager").get(f"cases/{sensitive.pk}").status_code == 200

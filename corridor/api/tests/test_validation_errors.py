"""Bad input gets a 422 in the one error shape, names the fields, and writes nothing."""

import pytest

from corridor.api.tests.conftest import assert_error
from corridor.audit.models import AuditEntry
from corridor.cases.models import Case
from corridor.people.models import Person


@pytest.fixture
def nothing_written(org):
    """Asserts after the test that no case, person or audit entry was added."""
    counts = (Case.objects.count(), Person.objects.count(), AuditEntry.objects.count())
    yield
    assert (Case.objects.count(), Person.objects.count(), AuditEntry.objects.count()) == counts


def test_it_names_missing_and_unknown_fields(api, nothing_written):
    error = assert_error(api.post("cases", {"summary": "no title", "colour": "red"}), 422, "validation_error")
    assert set(error["fields"]) == {"title", "colour"}


def test_it_names_fields_of_the_wrong_type(api, nothing_written):
    error = assert_error(
        api.post("cases", {"title": "T", "opened_on": "yesterday", "sensitivity": "secret"}), 422, "validation_error"
    )
    assert set(error["fields"]) == {"opened_on", "sensitivity"}
    assert "standard" in error["fields"]["sensitivity"][0]


def test_it_reports_service_rules_on_their_field(api, nothing_written):
    response = api.post("cases", {"title": "T", "opened_on": "2999-01-01"})
    error = assert_error(response, 422, "validation_error")
    assert list(error["fields"]) == ["opened_on"]


def test_it_reports_a_province_of_the_wrong_country(api, nothing_written):
    error = assert_error(api.post("cases", {"title": "T", "work_province": "KH-12"}), 422, "validation_error")
    assert list(error["fields"]) == ["work_province"]
    error = assert_error(api.post("people", {"name_latin": "Sok", "home_province": "ZZ-99"}), 422, "validation_error")
    assert list(error["fields"]) == ["home_province"]


def test_it_reports_a_person_without_any_name(api, nothing_written):
    error = assert_error(api.post("people", {"gender": "Feminine"}), 422, "validation_error")
    assert list(error["fields"]) == ["name_latin"]


def test_it_reports_a_bad_identifier_number_on_the_number(api, a_person):
    entries = AuditEntry.objects.count()
    error = assert_error(
        api.post(f"people/{a_person.pk}/identifiers", {"kind": "phone", "value": "12"}), 422, "validation_error"
    )
    assert list(error["fields"]) == ["value"]
    assert a_person.identifiers.count() == 1
    assert AuditEntry.objects.count() == entries


def test_it_reports_an_unknown_violation_on_its_code(api, a_case):
    error = assert_error(
        api.post(f"cases/{a_case.pk}/violations", {"type_code": "NOT-A-CODE"}), 422, "validation_error"
    )
    assert list(error["fields"]) == ["type_code"]
    assert a_case.violations.count() == 0


def test_it_reports_an_amount_without_currency(api, a_case):
    body = {"kind": "money_recovered", "achieved_on": "2026-10-02", "amount": "100.00"}
    error = assert_error(api.post(f"cases/{a_case.pk}/outcomes", body), 422, "validation_error")
    assert list(error["fields"]) == ["currency"]
    assert_error(
        api.post(f"cases/{a_case.pk}/outcomes", {**body, "amount": "1e5", "currency": "THB"}), 422, "validation_error"
    )
    assert a_case.outcomes.count() == 0


def test_it_reports_an_assignee_who_is_not_a_member(api_as, a_case, outsider):
    body = {"assignee": outsider.pk, "version": a_case.version}
    error = assert_error(api_as("manager").post(f"cases/{a_case.pk}/assign", body), 422, "validation_error")
    assert list(error["fields"]) == ["assignee"]
    a_case.refresh_from_db()
    assert a_case.assigned_to_id != outsider.pk


def test_it_refuses_text_the_database_cannot_store(api, nothing_written):
    error = assert_error(api.post("cases", {"title": "nul\u0000byte"}), 422, "validation_error")
    assert list(error["fields"]) == ["title"]
    assert_error(api.get("cases", q="nul\u0000"), 422, "validation_error")


def test_it_answers_a_body_that_is_not_json(api, nothing_written):
    error = assert_error(api.request("POST", "cases", "{not json"), 422, "validation_error")
    assert list(error["fields"]) == ["body"]
    error = assert_error(api.request("POST", "cases", "[1, 2]"), 422, "validation_error")
    assert list(error["fields"]) == ["body"]


def test_it_refuses_null_for_a_field_that_cannot_be_empty(api, a_case):
    response = api.patch(f"cases/{a_case.pk}", {"version": 1, "title": None})
    error = assert_error(response, 422, "validation_error")
    assert list(error["fields"]) == ["title"]


def test_it_rejects_a_bad_path_identifier(api):
    error = assert_error(api.get("cases/not-a-uuid"), 422, "validation_error")
    assert list(error["fields"]) == ["case_id"]


def test_it_answers_unknown_api_urls_in_the_error_shape(api):
    assert_error(api.get("no-such-thing"), 404, "not_found")
    assert_error(api.get("cases/3fa85f64-5717-4562-b3fc-2c963f66afa6/nothing"), 404, "not_found")


def test_it_answers_in_the_language_the_client_asks_for(api, a_case):
    # Django's own validation messages are translated already; ours follow as locale/ fills up.
    body = {"kind": "exit", "occurred_on": "2026-09-30", "description": "   "}
    english = api.post(f"cases/{a_case.pk}/events", body).json()["error"]["fields"]["description"]
    api.client.defaults["HTTP_ACCEPT_LANGUAGE"] = "th"
    thai = api.post(f"cases/{a_case.pk}/events", body).json()["error"]["fields"]["description"]
    assert english == ["This field cannot be blank."]
    assert thai != english
    assert a_case.events.count() == 0


def test_it_answers_a_method_the_url_does_not_accept_in_the_error_shape(api, a_case):
    response = api.request("DELETE", f"cases/{a_case.pk}")
    assert_error(response, 405, "method_not_allowed")
    assert set(response["Allow"].replace(" ", "").split(",")) == {"GET", "PATCH"}
    assert Case.objects.filter(pk=a_case.pk).exists()

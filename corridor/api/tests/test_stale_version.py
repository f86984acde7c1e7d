"""A write that names a version someone else has already replaced answers 409 and changes nothing."""

from corridor.api.tests.conftest import assert_error


def test_it_refuses_a_stale_case_edit(api, a_case):
    assert api.patch(f"cases/{a_case.pk}", {"version": 1, "title": "First edit"}).json()["version"] == 2

    response = api.patch(f"cases/{a_case.pk}", {"version": 1, "title": "Second edit"})
    assert_error(response, 409, "stale_version")

    a_case.refresh_from_db()
    assert (a_case.title, a_case.version) == ("First edit", 2)


def test_it_refuses_a_stale_status_change(api, a_case):
    api.patch(f"cases/{a_case.pk}", {"version": 1, "summary": "Changed meanwhile"})
    response = api.post(f"cases/{a_case.pk}/status", {"status": "active", "version": 1})
    assert_error(response, 409, "stale_version")
    a_case.refresh_from_db()
    assert a_case.status == "new"


def test_it_refuses_a_stale_assignment(api_as, a_case, manager):
    api_as("caseworker").patch(f"cases/{a_case.pk}", {"version": 1, "summary": "Changed meanwhile"})
    response = api_as("manager").post(f"cases/{a_case.pk}/assign", {"assignee": manager.pk, "version": 1})
    assert_error(response, 409, "stale_version")
    a_case.refresh_from_db()
    assert a_case.assigned_to_id != manager.pk


def test_it_refuses_a_stale_person_edit(api, a_person):
    first = api.patch(f"people/{a_person.pk}", {"version": 1, "name_latin": "Sok Chan Dara"})
    assert first.status_code == 200

    error = assert_error(api.patch(f"people/{a_person.pk}", {"version": 1, "languages": "km"}), 409, "stale_version")

    assert error["fields"] == {}
    a_person.refresh_from_db()
    assert (a_person.name_latin, a_person.languages, a_person.version) == ("Sok Chan Dara", "", 2)


def test_it_refuses_a_version_beyond_what_can_be_stored(api, a_case):
    # Found by schemathesis on PostgreSQL: version + 1 overflowed the column (a 500, not a 409).
    response = api.post(f"cases/{a_case.pk}/status", {"status": "active", "version": 2**31 - 1})
    error = assert_error(response, 422, "validation_error")
    assert list(error["fields"]) == ["version"]

"""Identifier numbers are shown only to tokens whose role may see them; others see the kind."""

from corridor.audit.models import AuditEntry


def test_it_hides_numbers_from_a_role_without_the_capability(api_as, a_person):
    for role in ("viewer", "intake_officer"):
        identifiers = api_as(role).get(f"people/{a_person.pk}").json()["identifiers"]
        assert identifiers == [{"id": identifiers[0]["id"], "kind": "passport", "value": None}]


def test_it_shows_numbers_to_a_role_with_the_capability(api, a_person):
    identifiers = api.get(f"people/{a_person.pk}").json()["identifiers"]
    assert [(i["kind"], i["value"]) for i in identifiers] == [("passport", "N1234567")]


def test_it_does_not_echo_a_new_number_to_a_role_that_may_not_read_it(api_as, a_person):
    response = api_as("intake_officer").post(
        f"people/{a_person.pk}/identifiers", {"kind": "phone", "value": "081 234 5678"}
    )
    assert response.status_code == 201
    assert response.json()["value"] is None
    assert a_person.identifiers.count() == 2


def test_it_audits_every_read_of_a_person(api_as, a_person):
    api_as("viewer").get(f"people/{a_person.pk}")
    entry = AuditEntry.objects.filter(action="view", object_id=str(a_person.pk)).get()
    assert entry.changes == {"identifiers_shown": [None, False]}

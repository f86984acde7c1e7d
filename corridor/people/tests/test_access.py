"""Every people page refuses anonymous visitors and members of other organisations."""

import pytest
from django.urls import reverse

from conftest import assert_denied
from corridor.audit.models import AuditEntry
from corridor.people.models import PersonDocument, PersonIdentifier
from corridor.people.tests.factories import a_person

PERSON_PAGES = ["people:detail", "people:edit"]
PERSON_POSTS = {
    "people:identifier_add": {"kind": "passport", "value": "N1234567"},
    "people:document_add": {"kind": "passport", "held_by": "employer"},
    "people:edit": {
        "name_latin": "Changed",
        "gender": "Feminine",
        "citizenship": "KH",
        "migration_channel": "unknown",
        "version": "1",
    },
}


@pytest.mark.django_db
def test_it_sends_anonymous_visitors_to_sign_in(client, caseworker):
    person = a_person(caseworker)
    assert_denied(client.get(reverse("people:list")))
    for name in PERSON_PAGES:
        assert_denied(client.get(reverse(name, args=[person.pk])))
    for name, data in PERSON_POSTS.items():
        assert_denied(client.post(reverse(name, args=[person.pk]), data))


@pytest.mark.django_db
def test_it_hides_another_organisations_people_behind_404(client_of, caseworker, outsider):
    person = a_person(caseworker)
    browser = client_of(outsider)
    for name in PERSON_PAGES:
        assert browser.get(reverse(name, args=[person.pk])).status_code == 404
    for name, data in PERSON_POSTS.items():
        assert browser.post(reverse(name, args=[person.pk]), data).status_code == 404
    person.refresh_from_db()
    assert person.name_latin == "Sok Chan"
    assert not PersonIdentifier.objects.exists()
    assert not PersonDocument.objects.exists()
    assert AuditEntry.objects.filter(action="denied", actor_user_id=outsider.pk).count() == 5


@pytest.mark.django_db
def test_it_does_not_list_or_find_another_organisations_people(client_of, caseworker, outsider):
    a_person(caseworker)
    browser = client_of(outsider)
    assert "Sok Chan" not in browser.get(reverse("people:list")).content.decode()
    assert "Sok Chan" not in browser.get(reverse("people:list"), {"q": "sok"}).content.decode()


@pytest.mark.django_db
def test_it_refuses_roles_without_the_capability(client_of, caseworker, analyst, member_factory):
    person = a_person(caseworker)
    assert client_of(analyst).get(reverse("people:list")).status_code == 403
    assert client_of(analyst).get(reverse("people:detail", args=[person.pk])).status_code == 403
    viewer = client_of(member_factory("viewer"))
    assert viewer.get(reverse("people:edit", args=[person.pk])).status_code == 403
    assert (
        viewer.post(
            reverse("people:identifier_add", args=[person.pk]), PERSON_POSTS["people:identifier_add"]
        ).status_code
        == 403
    )
    assert not PersonIdentifier.objects.exists()

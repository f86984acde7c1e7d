"""The name index follows every change: a renamed person is found by the new name only, a removed
one not at all, and numbers never match names."""

import pytest

from conftest import actor_of
from corridor.people.models import Person
from corridor.people.selectors import people_named
from corridor.people.services import person_create, person_update

pytestmark = pytest.mark.django_db


def _found(org, fragment):
    return set(people_named(organisation_id=org.pk, fragment=fragment).values_list("name_latin", flat=True))


def test_it_follows_renames_and_removals(org, caseworker):
    actor = actor_of(caseworker)
    person = person_create(actor=actor, name_latin="Chhun Bopha", name_km="ឈុន បុប្ផា")
    assert _found(org, "bopha") == {"Chhun Bopha"} and _found(org, "បុប្ផា") == {"Chhun Bopha"}
    person_update(actor=actor, person=person, version=person.version, name_latin="Chhun Pisey", name_km="")
    assert _found(org, "bopha") == set() and _found(org, "pisey") == {"Chhun Pisey"}
    Person.objects.filter(pk=person.pk).delete()
    assert _found(org, "pisey") == set()


def test_it_matches_short_fragments_and_never_numbers(org, caseworker):
    person_create(actor=actor_of(caseworker), name_latin="Ly Na")
    assert _found(org, "ly") == {"Ly Na"}
    assert _found(org, "N0123456") == set()


def test_it_keeps_to_the_organisation(org, other_org, caseworker, outsider):
    person_create(actor=actor_of(outsider), name_latin="Keo Sophal")
    assert _found(org, "sophal") == set() and _found(other_org, "sophal") == {"Keo Sophal"}

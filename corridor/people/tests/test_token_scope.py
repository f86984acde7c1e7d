"""An API token has no user, so it is never 'assigned': sensitive cases' people stay hidden."""

import pytest

from conftest import actor_of
from corridor.accounts.scope import Actor
from corridor.cases.services import case_open, case_person_add
from corridor.people.selectors import people_visible_to
from corridor.people.services import person_create

pytestmark = pytest.mark.django_db


def test_it_hides_people_of_unassigned_sensitive_cases_from_a_caseworker_token(org, manager):
    actor = actor_of(manager)
    case = case_open(actor=actor, title="Scam compound", sensitivity="sensitive")
    person = person_create(actor=actor, name_latin="Keo Rithy")
    case_person_add(actor=actor, case=case, person=person, role="worker")
    token_actor = Actor(organisation=org, role="caseworker")
    assert person not in people_visible_to(token_actor)
    assert person in people_visible_to(Actor(organisation=org, role="manager"))

"""Reads of people, scoped by corridor.accounts.scope."""

from __future__ import annotations

from uuid import UUID

from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models import QuerySet
from django.db.models.expressions import RawSQL

from corridor.accounts.scope import Actor, person_q
from corridor.core.crypto import blind_index
from corridor.people.identifiers import normalise_identifier, phone_variants
from corridor.people.models import IdentifierKind, Person


def people_visible_to(actor: Actor) -> QuerySet[Person]:
    return Person.objects.filter(person_q(actor))


def person_get(*, actor: Actor, person_id: UUID | str) -> Person | None:
    return people_visible_to(actor).filter(pk=person_id).first()


def blind_indexes_for(raw: str) -> list[str]:
    """Every blind index the text could match, whatever kind of identifier it is."""
    indexes: list[str] = []
    for kind in IdentifierKind.values:
        try:
            normalised = normalise_identifier(kind, raw)
        except ValidationError:
            continue
        forms = phone_variants(normalised) if kind == IdentifierKind.PHONE else {normalised}
        indexes.extend(blind_index(form, kind=kind) for form in sorted(forms))
    return indexes


def people_search(*, actor: Actor, text: str) -> QuerySet[Person]:
    """Name fragment in any script, or an exact identifier number."""
    text = text.strip()
    visible = people_visible_to(actor)
    if not text:
        return visible.none()
    by_name = visible.filter(pk__in=people_named(organisation_id=actor.organisation.pk, fragment=text).values("pk"))
    by_identifier = visible.filter(identifiers__blind_index__in=blind_indexes_for(text))
    return (by_name | by_identifier).distinct()


def people_named(*, organisation_id: UUID | str, fragment: str) -> QuerySet[Person]:
    """People of one organisation whose name, in any script, contains the fragment.

    Names hold no digits, so a fragment with a digit (an ID or phone number) matches nobody without
    reading anything. Each database answers from an index: a trigram GIN index on PostgreSQL
    (LIKE '%…%'), an FTS5 trigram table on SQLite (three characters or more)."""
    folded = fragment.casefold().strip()
    people = Person.objects.filter(organisation_id=organisation_id)
    if not folded or any(character.isdigit() for character in folded):
        return people.none()
    if connection.vendor == "sqlite" and len(folded) >= 3:
        phrase = '"' + folded.replace('"', '""') + '"'
        return people.filter(
            pk__in=RawSQL(
                "SELECT id FROM people_person WHERE rowid IN "
                "(SELECT rowid FROM people_person_search WHERE people_person_search MATCH %s)",
                [phrase],
            )
        )
    return people.filter(search_names__contains=folded)

"""Reads of people, scoped by corridor.accounts.scope."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models import QuerySet
from django.db.models.expressions import RawSQL
from django.utils.translation import gettext as _

from corridor.accounts.scope import Actor, person_q
from corridor.core.crypto import blind_index
from corridor.people.identifiers import normalise_identifier, phone_variants
from corridor.people.models import Consent, ConsentPurpose, IdentifierKind, Person

if TYPE_CHECKING:
    from corridor.accounts.models import Organisation


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


def consents_of(*, person: Person) -> QuerySet[Consent]:
    """Every consent of a person the caller already loaded through person_get (so already in scope),
    withdrawn ones included: the history matters."""
    return person.consents.select_related("created_by", "withdrawn_by").prefetch_related("share_with_organisations")


@dataclass(frozen=True)
class SharingBasis:
    """Whether the person's consent allows a referral to `receiver`, and if not, why not."""

    sharing: Consent | None
    services: Consent | None
    problems: tuple[str, ...]

    @property
    def allowed(self) -> bool:
        return not self.problems


def sharing_basis(*, person: Person, receiver: Organisation) -> SharingBasis:
    """A referral needs two active, fully informed consents: to receive services, and to share with
    the receiver (named, or an organisation of a named country)."""
    active = [consent for consent in consents_of(person=person) if consent.is_active]
    services = next(
        (c for c in active if c.purpose == ConsentPurpose.SERVICES and c.is_informed),
        None,
    )
    sharing = next(
        (c for c in active if c.purpose == ConsentPurpose.SHARING and c.is_informed and _covers(c, receiver)), None
    )
    problems: list[str] = []
    if services is None:
        problems.append(_missing("services", active, receiver))
    if sharing is None:
        problems.append(_missing("sharing", active, receiver))
    return SharingBasis(sharing=sharing, services=services, problems=tuple(problems))


def _covers(consent: Consent, receiver: Organisation) -> bool:
    """A consent to share covers the receiver when it names it, or names its country."""
    return receiver in consent.share_with_organisations.all() or receiver.country in consent.share_with_countries


def _missing(purpose: str, active: list[Consent], receiver: Organisation) -> str:
    """Say what is missing as precisely as the records allow, so the caseworker knows what to ask."""
    candidates = [c for c in active if c.purpose == purpose]
    if purpose == ConsentPurpose.SHARING:
        candidates = [c for c in candidates if _covers(c, receiver)]
        if not candidates:
            return _("The person has not agreed to share information with %(organisation)s.") % {
                "organisation": receiver.name
            }
        # Labels contain commas, so the list is separated by semicolons.
        return _("The consent to share was not fully informed; still to explain: %(missing)s.") % {
            "missing": "; ".join(candidates[0].missing_checks)
        }
    if not candidates:
        return _("The person has not agreed to receive services.")
    return _("The consent to receive services was not fully informed; still to explain: %(missing)s.") % {
        "missing": "; ".join(candidates[0].missing_checks)
    }

"""Every write to people: create, edit, identifiers and documents, each audited."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from corridor.accounts.models import Organisation
from corridor.accounts.scope import Actor
from corridor.audit.models import AuditAction
from corridor.audit.services import audit_record, diff, snapshot
from corridor.core.crypto import blind_index
from corridor.core.models import Country
from corridor.people.identifiers import normalise_identifier
from corridor.people.models import (
    INFORMED_CONSENT_CHECKS,
    Consent,
    ConsentMethod,
    ConsentPurpose,
    Person,
    PersonDocument,
    PersonIdentifier,
)

PERSON_FIELDS = (
    "name_latin",
    "name_km",
    "name_th",
    "gender",
    "date_of_birth",
    "estimated_age",
    "citizenship",
    "languages",
    "home_province",
    "home_district",
    "home_commune",
    "home_village",
    "current_province",
    "migration_channel",
)


class StaleEdit(ValidationError):
    """Someone else saved the record after this form was opened."""


def search_names_for(*names: str) -> str:
    return " | ".join(name.casefold().strip() for name in names if name and name.strip())


def _require(actor: Actor, capability: str) -> None:
    if not actor.can(capability):
        raise PermissionDenied(capability)


def _validate(person: Person) -> None:
    if not (person.name_latin.strip() or person.name_km.strip() or person.name_th.strip()):
        raise ValidationError({"name_latin": _("Enter the person's name in at least one script.")})
    if person.date_of_birth and person.date_of_birth > dt.date.today():
        raise ValidationError({"date_of_birth": _("The date of birth cannot be in the future.")})
    if person.home_province_id and not person.home_province_id.startswith("KH-"):
        raise ValidationError({"home_province": _("Choose a province of Cambodia.")})
    if person.current_province_id and not person.current_province_id.startswith("TH-"):
        raise ValidationError({"current_province": _("Choose a province of Thailand.")})
    person.full_clean(exclude=["organisation", "created_by", "search_names"])


@transaction.atomic
def person_create(*, actor: Actor, **values: Any) -> Person:
    _require(actor, "person.edit")
    person = Person(organisation=actor.organisation, created_by=actor.user, **values)
    _validate(person)
    person.search_names = search_names_for(person.name_latin, person.name_km, person.name_th)
    person.save()
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        obj=person,
        changes=diff({}, snapshot(person, PERSON_FIELDS)),
        summary="person added",
    )
    return person


@transaction.atomic
def person_update(*, actor: Actor, person: Person, version: int, **values: Any) -> Person:
    _require(actor, "person.edit")
    if person.organisation_id != actor.organisation.pk:
        raise PermissionDenied("other organisation")
    before = snapshot(person, PERSON_FIELDS)
    for name, value in values.items():
        if name not in PERSON_FIELDS:
            raise ValidationError(f"unknown field {name}")
        setattr(person, name, value)
    _validate(person)
    changes = diff(before, snapshot(person, PERSON_FIELDS))
    if not changes:
        return person
    person.search_names = search_names_for(person.name_latin, person.name_km, person.name_th)
    updated = Person.objects.filter(pk=person.pk, version=version).update(
        **{name: getattr(person, getattr(Person._meta.get_field(name), "attname", name)) for name in values}
        | {"search_names": person.search_names, "version": version + 1}
    )
    if updated == 0:
        raise StaleEdit(_("Someone else changed this person while you were editing. Reload to see their changes."))
    person.version = version + 1
    audit_record(actor=actor, action=AuditAction.UPDATE, obj=person, changes=changes, summary="person changed")
    return person


@transaction.atomic
def identifier_add(*, actor: Actor, person: Person, kind: str, value: str) -> PersonIdentifier:
    _require(actor, "person.edit")
    if person.organisation_id != actor.organisation.pk:
        raise PermissionDenied("other organisation")
    normalised = normalise_identifier(kind, value)
    identifier = PersonIdentifier(
        person=person,
        kind=kind,
        value=normalised,
        blind_index=blind_index(normalised, kind=kind),
        created_by=actor.user,
    )
    try:
        with transaction.atomic():
            identifier.save()
    except IntegrityError:
        raise ValidationError({"value": _("This number is already recorded for this person.")}) from None
    # The number itself never goes into the audit log, only that one was added.
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        obj=identifier,
        summary=f"identifier ({kind}) added",
        changes={"person": [None, str(person.pk)]},
    )
    return identifier


@transaction.atomic
def identifier_remove(*, actor: Actor, identifier: PersonIdentifier) -> None:
    _require(actor, "person.edit")
    if identifier.person.organisation_id != actor.organisation.pk:
        raise PermissionDenied("other organisation")
    audit_record(
        actor=actor, action=AuditAction.DELETE, obj=identifier, summary=f"identifier ({identifier.kind}) removed"
    )
    identifier.delete()


@transaction.atomic
def document_record(*, actor: Actor, person: Person, kind: str, held_by: str, notes: str = "") -> PersonDocument:
    _require(actor, "person.edit")
    if person.organisation_id != actor.organisation.pk:
        raise PermissionDenied("other organisation")
    document = PersonDocument(person=person, kind=kind, held_by=held_by, notes=notes, created_by=actor.user)
    document.full_clean(exclude=["person", "created_by"])
    document.save()
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        obj=document,
        changes={"kind": [None, kind], "held_by": [None, held_by]},
        summary="document recorded",
    )
    return document


@transaction.atomic
def person_viewed(*, actor: Actor, person: Person) -> None:
    """A person's page was shown. Whether identifier numbers were shown in clear is part of the entry."""
    _require(actor, "person.view")
    revealed = actor.can("person.view_identifiers")
    audit_record(
        actor=actor,
        action=AuditAction.VIEW,
        obj=person,
        summary="person viewed, identifiers shown" if revealed else "person viewed",
        changes={"identifiers_shown": [None, revealed]},
    )


def _own_person(actor: Actor, person: Person) -> None:
    if person.organisation_id != actor.organisation.pk:
        raise PermissionDenied("other organisation")


def _validate_consent(consent: Consent, organisations: Collection[Organisation], countries: Sequence[str]) -> None:
    if consent.purpose not in ConsentPurpose.values:
        raise ValidationError({"purpose": _("Choose what the person agreed to.")})
    if consent.method not in ConsentMethod.values:
        raise ValidationError({"method": _("Choose how the person gave consent.")})
    if consent.method == ConsentMethod.GUARDIAN and not consent.guardian_name.strip():
        raise ValidationError({"guardian_name": _("Write the name of the parent or guardian who gave consent.")})
    if consent.given_on and consent.given_on > dt.date.today():
        raise ValidationError({"given_on": _("The date consent was given cannot be in the future.")})
    unknown = [code for code in countries if code not in Country.values]
    if unknown:
        raise ValidationError({"share_with_countries": _("Choose countries from the list.")})
    if consent.purpose == ConsentPurpose.SHARING and not (organisations or countries):
        raise ValidationError(
            {"share_with_organisations": _("Name the organisations, or the countries, it may be shared with.")}
        )
    if consent.purpose != ConsentPurpose.SHARING and (organisations or countries):
        field = "share_with_organisations" if organisations else "share_with_countries"
        raise ValidationError({field: _("Only a consent to share can list organisations or countries.")})
    if any(org.pk == consent.person.organisation_id for org in organisations):
        raise ValidationError(
            {"share_with_organisations": _("Your own organisation needs no consent to share: choose others.")}
        )
    consent.full_clean(exclude=["person", "created_by", "withdrawn_by", "share_with_countries"])


@transaction.atomic
def consent_record(
    *,
    actor: Actor,
    person: Person,
    purpose: str,
    method: str,
    given_on: dt.date,
    checks: Collection[str],
    organisations: Collection[Organisation] = (),
    countries: Sequence[str] = (),
    guardian_name: str = "",
    notes: str = "",
) -> Consent:
    """Record what the person agreed to. The seven informed-consent checks are kept one by one: a
    consent missing any of them is recorded as given, but nothing is shared on it."""
    _require(actor, "consent.record")
    _own_person(actor, person)
    known = {name for name, _label in INFORMED_CONSENT_CHECKS}
    if set(checks) - known:
        raise ValidationError({"checks": _("Unknown consent check.")})
    consent = Consent(
        person=person,
        purpose=purpose,
        method=method,
        given_on=given_on,
        guardian_name=guardian_name.strip() if method == ConsentMethod.GUARDIAN else "",
        notes=notes,
        share_with_countries=sorted(set(countries)),
        created_by=actor.user,
        **{name: name in checks for name in known},
    )
    _validate_consent(consent, organisations, countries)
    consent.save()
    consent.share_with_organisations.set(list(organisations))
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        obj=consent,
        summary=f"consent recorded ({purpose})",
        changes={
            "person": [None, str(person.pk)],
            "purpose": [None, purpose],
            "method": [None, method],
            "organisations": [None, sorted(str(org.pk) for org in organisations)],
            "countries": [None, consent.share_with_countries],
            "checks": [None, sorted(set(checks))],
        },
    )
    return consent


@transaction.atomic
def consent_withdraw(*, actor: Actor, consent: Consent, reason: str = "") -> Consent:
    """Withdrawal stops every future use of the consent. The record stays, so the history of what
    was agreed, and when it stopped, can be shown."""
    _require(actor, "consent.record")
    _own_person(actor, consent.person)
    locked = Consent.objects.select_for_update().get(pk=consent.pk)
    if locked.withdrawn_at is not None:
        raise ValidationError(_("This consent was already withdrawn."))
    locked.withdrawn_at = timezone.now()
    locked.withdrawn_by = actor.user
    locked.withdrawal_reason = reason.strip()
    locked.save(update_fields=["withdrawn_at", "withdrawn_by", "withdrawal_reason", "updated_at"])
    # The caller's copy says withdrawn too, so that nothing later in its request treats it as in force.
    consent.withdrawn_at, consent.withdrawn_by, consent.withdrawal_reason = (
        locked.withdrawn_at,
        locked.withdrawn_by,
        locked.withdrawal_reason,
    )
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=locked,
        summary=f"consent withdrawn ({locked.purpose})",
        changes={"withdrawn_at": [None, locked.withdrawn_at.isoformat()]},
    )
    return locked

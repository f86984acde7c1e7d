"""Writes to employers, workplaces and recruiters."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Model

from corridor.accounts.scope import Actor
from corridor.audit.models import AuditAction
from corridor.audit.services import audit_record, diff, snapshot
from corridor.parties.models import Employer, Recruiter, Workplace

EMPLOYER_FIELDS = ("name", "name_th", "registration_number", "sector", "province", "address")
WORKPLACE_FIELDS = ("name", "employer", "sector", "province", "district")
RECRUITER_FIELDS = ("name", "kind", "country", "licence_status", "licence_number")


def _create[M: Model](actor: Actor, model: type[M], fields: tuple[str, ...], values: dict[str, Any]) -> M:
    if not actor.can("party.edit"):
        raise PermissionDenied("party.edit")
    party = model(organisation=actor.organisation, created_by=actor.user, **values)
    party.full_clean(exclude=["organisation", "created_by"])
    party.save()
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        obj=party,
        changes=diff({}, snapshot(party, fields)),
        summary=f"{model._meta.model_name} added",
    )
    return party


@transaction.atomic
def employer_create(*, actor: Actor, **values: Any) -> Employer:
    return _create(actor, Employer, EMPLOYER_FIELDS, values)


@transaction.atomic
def workplace_create(*, actor: Actor, **values: Any) -> Workplace:
    employer = values.get("employer")
    if employer is not None and employer.organisation_id != actor.organisation.pk:
        raise PermissionDenied("other organisation")
    return _create(actor, Workplace, WORKPLACE_FIELDS, values)


@transaction.atomic
def recruiter_create(*, actor: Actor, **values: Any) -> Recruiter:
    return _create(actor, Recruiter, RECRUITER_FIELDS, values)

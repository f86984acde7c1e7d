"""Every write of the rights app: computing and saving a wage claim, confirming its violations, printing."""

from __future__ import annotations

from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from corridor.accounts.scope import Actor
from corridor.audit.models import AuditAction
from corridor.audit.services import audit_record
from corridor.cases import services as case_services
from corridor.cases.models import Case
from corridor.people.models import Person
from corridor.rights.calculator import compute
from corridor.rights.facts import EmploymentFacts, InvalidFacts
from corridor.rights.models import WageClaim
from corridor.rights.storage import claim_to_json, facts_to_json


def facts_errors(error: InvalidFacts) -> ValidationError:
    """The calculator's problems, keyed by the path of the fact they concern (e.g. "periods.0.end")."""
    by_field: dict[str, list[str]] = {}
    for problem in error.exceptions:
        by_field.setdefault(getattr(problem, "field", "__all__"), []).append(str(problem))
    return ValidationError(by_field)


@transaction.atomic
def wage_claim_save(*, actor: Actor, case: Case, facts: EmploymentFacts, person: Person | None = None) -> WageClaim:
    """Compute the claim on the server and keep it as a new revision."""
    case_services.require(actor, "claim.compute")
    case_services.own(actor, case)
    case_services.require_person_in_case(case, person)
    try:
        claim = compute(facts)
    except InvalidFacts as error:
        raise facts_errors(error) from None
    revision = case_services.next_revision(case, case.wage_claims.all())
    saved = WageClaim.objects.create(
        case=case,
        person=person,
        revision=revision,
        facts=facts_to_json(facts),
        result=claim_to_json(claim),
        total=claim.total,
        law_version=claim.law_version,
        as_of=facts.as_of,
        created_by=actor.user,
    )
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        obj=saved,
        case_id=case.pk,
        changes={"revision": [None, saved.revision], "total": [None, str(claim.total)]},
        summary="wage claim computed",
    )
    case_services.touch(case)
    return saved


def suggested_violations(claim: WageClaim) -> list[str]:
    """The violation codes of the claim's findings, in order, once each (read from the stored JSON)."""
    return list(dict.fromkeys(finding["violation_code"] for finding in claim.result["findings"]))


@transaction.atomic
def wage_claim_confirm(*, actor: Actor, claim: WageClaim, violation_codes: Sequence[str]) -> list[str]:
    """Add the confirmed findings to the case as violations; returns the codes added."""
    case_services.require(actor, "claim.compute", "case.edit")
    case_services.own(actor, claim.case)
    return case_services.violations_confirm(
        actor=actor,
        case=claim.case,
        codes=violation_codes,
        suggested=suggested_violations(claim),
        notes=_("Found by the wage claim, revision %(revision)d") % {"revision": claim.revision},
    )


@transaction.atomic
def wage_claim_viewed(*, actor: Actor, claim: WageClaim) -> None:
    audit_record(actor=actor, action=AuditAction.VIEW, obj=claim, case_id=claim.case_id, summary="wage claim viewed")


@transaction.atomic
def wage_claim_exported(*, actor: Actor, claim: WageClaim, language: str) -> None:
    case_services.require(actor, "case.view")
    audit_record(
        actor=actor,
        action=AuditAction.EXPORT,
        obj=claim,
        case_id=claim.case_id,
        summary=f"wage claim summary printed ({language})",
    )

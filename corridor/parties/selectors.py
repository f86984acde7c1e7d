"""Reads of employers, workplaces and recruiters, scoped to the actor's organisation."""

from __future__ import annotations

from typing import Literal
from uuid import UUID

from django.apps import apps
from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce

from corridor.accounts.scope import Actor, case_q, party_q
from corridor.parties.models import Employer, Recruiter, Workplace

PartyKind = Literal["employer", "workplace", "recruiter"]


def employers_visible_to(actor: Actor) -> QuerySet[Employer]:
    return Employer.objects.filter(party_q(actor)).select_related("province")


def workplaces_visible_to(actor: Actor) -> QuerySet[Workplace]:
    return Workplace.objects.filter(party_q(actor)).select_related("province", "employer")


def recruiters_visible_to(actor: Actor) -> QuerySet[Recruiter]:
    return Recruiter.objects.filter(party_q(actor))


def _visible_case_count(actor: Actor, kind: PartyKind) -> Coalesce:
    """How many of the actor's visible cases link the party: one correlated subquery, not one per row.
    Counted per case, so a party linked twice to the same case counts once."""
    case_party = apps.get_model("cases", "CaseParty")
    links = (
        case_party.objects.filter(case_q(actor, prefix="case__"), **{kind: OuterRef("pk")})
        .order_by()
        .values(kind)
        .annotate(n=Count("case", distinct=True))
        .values("n")
    )
    return Coalesce(Subquery(links, output_field=IntegerField()), Value(0))


def employers_with_case_counts(actor: Actor) -> QuerySet[Employer]:
    """Employers with `case_count`; repeat offenders first."""
    return (
        employers_visible_to(actor)
        .annotate(case_count=_visible_case_count(actor, "employer"))
        .order_by("-case_count", "name", "pk")
    )


def workplaces_with_case_counts(actor: Actor) -> QuerySet[Workplace]:
    return (
        workplaces_visible_to(actor)
        .annotate(case_count=_visible_case_count(actor, "workplace"))
        .order_by("-case_count", "name", "pk")
    )


def recruiters_with_case_counts(actor: Actor) -> QuerySet[Recruiter]:
    return (
        recruiters_visible_to(actor)
        .annotate(case_count=_visible_case_count(actor, "recruiter"))
        .order_by("-case_count", "name", "pk")
    )


def party_get(*, actor: Actor, kind: str, party_id: UUID | str) -> Employer | Workplace | Recruiter | None:
    """One party of the actor's organisation, by kind; None when absent or out of scope."""
    if kind == "employer":
        return employers_visible_to(actor).filter(pk=party_id).first()
    if kind == "workplace":
        return workplaces_visible_to(actor).filter(pk=party_id).first()
    if kind == "recruiter":
        return recruiters_visible_to(actor).filter(pk=party_id).first()
    return None

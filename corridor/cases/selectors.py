"""Reads of cases, always scoped through corridor.accounts.scope.case_q."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from django.db.models import Count, Exists, OuterRef, Prefetch, QuerySet

from corridor.accounts.scope import Actor, case_q, same_organisation_q
from corridor.audit.models import AuditEntry
from corridor.cases.models import Attachment, Case, CasePerson, Task, Violation, ViolationType
from corridor.people.models import Person, PersonIdentifier
from corridor.people.selectors import blind_indexes_for, people_named

SORTS: dict[str, tuple[str, ...]] = {
    "opened": ("opened_on", "created_at"),
    "-opened": ("-opened_on", "-created_at"),
    "updated": ("updated_at",),
    "-updated": ("-updated_at",),
    "reference": ("reference",),
    "-reference": ("-reference",),
    "status": ("status", "-opened_on"),
}


@dataclass(frozen=True)
class CaseFilters:
    q: str = ""
    status: str = ""
    violation: str = ""
    sector: str = ""
    province: str = ""
    assignee: str = ""
    opened_from: dt.date | None = None
    opened_to: dt.date | None = None
    sort: str = "-opened"


def cases_visible_to(actor: Actor) -> QuerySet[Case]:
    return Case.objects.filter(case_q(actor))


def _cases_matching(actor: Actor, text: str) -> QuerySet[Any]:
    """Ids of the organisation's cases whose reference or title matches, or that involve a person
    whose name contains the fragment (any script) or who holds the exact identifier.

    Each branch reads an index (the reference, trigram indexes on PostgreSQL, blind indexes), and
    their union is joined to the cases once: no search runs inside every case."""
    organisation = actor.organisation
    named = people_named(organisation_id=organisation.pk, fragment=text).values("pk")
    identified = PersonIdentifier.objects.filter(
        person__organisation=organisation, blind_index__in=blind_indexes_for(text)
    ).values("person_id")
    own_cases = Case.objects.filter(organisation=organisation)
    return (
        CasePerson.objects.filter(person__in=named)
        .values("case_id")
        .union(
            CasePerson.objects.filter(person__in=identified).values("case_id"),
            own_cases.filter(reference=text.upper()).values("id"),
            own_cases.filter(title__icontains=text).values("id"),
        )
    )


def case_list(*, actor: Actor, filters: CaseFilters) -> QuerySet[Case]:
    cases = cases_visible_to(actor)
    if filters.q.strip():
        cases = cases.filter(pk__in=_cases_matching(actor, filters.q.strip()))
    if filters.status:
        cases = cases.filter(status=filters.status)
    if filters.violation:
        cases = cases.filter(Exists(Violation.objects.filter(case=OuterRef("pk"), type_id=filters.violation)))
    if filters.sector:
        cases = cases.filter(sector=filters.sector)
    if filters.province:
        cases = cases.filter(work_province_id=filters.province)
    if filters.assignee == "none":
        cases = cases.filter(assigned_to__isnull=True)
    elif filters.assignee:
        cases = cases.filter(assigned_to__pk=filters.assignee)
    if filters.opened_from:
        cases = cases.filter(opened_on__gte=filters.opened_from)
    if filters.opened_to:
        cases = cases.filter(opened_on__lte=filters.opened_to)
    order = SORTS.get(filters.sort, SORTS["-opened"])
    return (
        cases.select_related("work_province", "assigned_to")
        .prefetch_related(
            Prefetch(
                "person_links",
                queryset=CasePerson.objects.filter(role="worker").select_related("person"),
                to_attr="worker_links",
            ),
        )
        .order_by(*order, "pk")
    )


def case_get(*, actor: Actor, case_id: UUID | str) -> Case | None:
    return (
        cases_visible_to(actor)
        .select_related("organisation", "work_province", "assigned_to")
        .filter(pk=case_id)
        .first()
    )


def case_detail_parts(*, case: Case) -> dict[str, object]:
    """Everything the detail page shows, each part in one query."""
    return {
        "people": list(
            case.person_links.select_related(
                "person", "person__home_province", "person__current_province"
            ).prefetch_related("person__documents", "person__identifiers", "person__consents__share_with_organisations")
        ),
        "parties": list(case.party_links.select_related("employer", "workplace", "workplace__province", "recruiter")),
        "violations": list(case.violations.select_related("type")),
        "events": list(case.events.all()),
        "notes": list(case.notes.select_related("created_by")),
        "tasks": list(case.tasks.select_related("assignee")),
        "attachments": list(case.attachments.select_related("created_by")),
        "outcomes": list(case.outcomes.all()),
        "reports": list(case.reports.order_by("created_at")),
        "assessments": latest_assessments(case=case),
        "wage_claim": latest_wage_claim(case=case),
        # Referrals are read here, not through corridor.referrals, because the case is already in scope.
        "referrals": list(case.referrals.select_related("receiver", "person").defer("shared").order_by("-created_at")),
    }


def latest_wage_claim(*, case: Case) -> Any:
    """The newest revision of the case's wage claim, or None."""
    return case.wage_claims.select_related("created_by").order_by("-revision").first()


def latest_assessments(*, case: Case) -> list[Any]:
    """The newest revision of each screening instrument used on the case."""
    latest: dict[str, Any] = {}
    for assessment in case.assessments.select_related("created_by").order_by("instrument_code", "-revision"):
        latest.setdefault(assessment.instrument_code, assessment)
    return list(latest.values())


def case_person(*, case: Case, person_id: UUID | str | None) -> Person | None:
    """A person linked to the case, the only people a screening or a wage claim of the case can be about."""
    if not person_id:
        return None
    link = case.person_links.select_related("person").filter(person_id=person_id).first()
    return link.person if link is not None else None


def case_people_choices(*, case: Case) -> list[tuple[str, str]]:
    """(person id, display name) of everyone linked to the case, for a form's person field."""
    return [(str(link.person_id), link.person.display_name) for link in case.person_links.select_related("person")]


def case_history(*, actor: Actor, case: Case) -> QuerySet[AuditEntry]:
    if not actor.can("case.view_history"):
        return AuditEntry.objects.none()
    return AuditEntry.objects.filter(case_id=case.pk).exclude(action="view").order_by("-id")


def violation_types() -> QuerySet[ViolationType]:
    return ViolationType.objects.all()


def my_open_cases(*, actor: Actor) -> QuerySet[Case]:
    if actor.user is None:
        return Case.objects.none()
    return (
        cases_visible_to(actor)
        .filter(assigned_to=actor.user)
        .exclude(status__in=["closed", "closed_referred"])
        .select_related("work_province")
        .order_by("-updated_at")
    )


def my_open_tasks(*, actor: Actor) -> QuerySet[Task]:
    if actor.user is None:
        return Task.objects.none()
    return (
        Task.objects.filter(case_q(actor, prefix="case__"), assignee=actor.user, done_at__isnull=True)
        .select_related("case")
        .order_by("due_on", "created_at")
    )


def status_counts(*, actor: Actor) -> dict[str, int]:
    """Counts only, so analysts (aggregates, never identities) see the whole organisation."""
    if actor.can("aggregates.view"):
        base = Case.objects.filter(same_organisation_q(actor, "aggregates.view"))
    else:
        base = cases_visible_to(actor)
    rows = base.order_by().values("status").annotate(n=Count("pk"))
    return {row["status"]: row["n"] for row in rows}


def violation_get(*, case: Case, violation_id: UUID | str) -> Violation | None:
    """A violation of a case the caller already loaded through case_get (so already in scope)."""
    return Violation.objects.filter(case=case, pk=violation_id).select_related("case", "type").first()


def task_get(*, case: Case, task_id: UUID | str) -> Task | None:
    return Task.objects.filter(case=case, pk=task_id).select_related("case").first()


def attachment_get(*, actor: Actor, case_id: UUID | str, attachment_id: UUID | str) -> Attachment | None:
    return (
        Attachment.objects.filter(case_q(actor, prefix="case__"), case_id=case_id, pk=attachment_id)
        .select_related("case")
        .first()
    )

"""Reading reports: the worker's view (code + PIN), and the receiving organisation's triage queue."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from uuid import UUID

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from corridor.accounts.scope import NOTHING, Actor
from corridor.cases.lifecycle import CLOSED_STATUSES, CaseStatus
from corridor.cases.models import Case
from corridor.cases.selectors import cases_visible_to
from corridor.intake import tracking
from corridor.intake.choices import CloseReason, ContactMethod, MessageDirection, ReportStatus
from corridor.intake.models import Report, ReportAttachment, ReportMessage, RoutingRule
from corridor.people.models import Person
from corridor.people.selectors import blind_indexes_for, people_named, people_visible_to


def report_q(actor: Actor) -> Q:
    """Reports reach only the organisation they were routed to, and only its triage roles."""
    if not actor.can("report.triage"):
        return NOTHING
    return Q(organisation=actor.organisation)


def reports_visible_to(actor: Actor) -> QuerySet[Report]:
    return Report.objects.filter(report_q(actor))


def report_get(*, actor: Actor, report_id: UUID | str) -> Report | None:
    return (
        reports_visible_to(actor)
        .select_related("province", "matched_employer", "case", "triaged_by")
        .filter(pk=report_id)
        .first()
    )


def report_attachment_get(*, report: Report, attachment_id: UUID | str) -> ReportAttachment | None:
    return report.attachments.filter(pk=attachment_id).first()


@dataclass(frozen=True)
class QueueFilters:
    status: str = ReportStatus.NEW
    province: str = ""
    language: str = ""


def report_queue(*, actor: Actor, filters: QueueFilters) -> QuerySet[Report]:
    """Oldest first while waiting (the longest wait is the most urgent); newest first otherwise."""
    reports = reports_visible_to(actor).select_related("province", "case")
    if filters.status:
        reports = reports.filter(status=filters.status)
    if filters.province:
        reports = reports.filter(province_id=filters.province)
    if filters.language:
        reports = reports.filter(language=filters.language)
    order = "created_at" if filters.status == ReportStatus.NEW else "-created_at"
    return reports.order_by(order, "pk")


def waiting_count(*, actor: Actor) -> int:
    return reports_visible_to(actor).filter(status=ReportStatus.NEW).count()


def unrouted_count() -> int:
    return Report.objects.filter(organisation__isnull=True, status=ReportStatus.NEW).count()


def sla_state(report: Report, now: dt.datetime | None = None) -> str:
    """ "ok" in the first half of the time allowed, "due" in the second half, "late" after."""
    if report.status != ReportStatus.NEW:
        return "done"
    hours = ((now or timezone.now()) - report.created_at).total_seconds() / 3600
    allowed = settings.CORRIDOR_REPORT_SLA_HOURS
    return "late" if hours > allowed else "due" if hours > allowed / 2 else "ok"


def routing_rules(*, actor: Actor) -> QuerySet[RoutingRule]:
    return (
        RoutingRule.objects.filter(organisation=actor.organisation)
        .select_related("province")
        .order_by("province__name_en", "language")
    )


def routing_rule_get(*, actor: Actor, rule_id: UUID | str) -> RoutingRule | None:
    return RoutingRule.objects.filter(organisation=actor.organisation, pk=rule_id).first()


@dataclass(frozen=True)
class Candidates:
    people: list[Person]
    cases: list[Case]


def _name_tokens(name: str) -> list[str]:
    return [token for token in name.split() if len(token) >= 3][:3]


def report_candidates(*, actor: Actor, report: Report, limit: int = 8) -> Candidates:
    """People and open cases this report may be about, so a caseworker attaches rather than duplicates:
    the same phone number, the same name (any token of it), the same matched employer."""
    people_ids: set[UUID] = set()
    visible_people = people_visible_to(actor)
    if report.contact_method == ContactMethod.PHONE and report.contact_value:
        people_ids.update(
            visible_people.filter(identifiers__blind_index__in=blind_indexes_for(report.contact_value)).values_list(
                "pk", flat=True
            )[:limit]
        )
    for token in _name_tokens(report.reporter_name or ""):
        named = people_named(organisation_id=actor.organisation.pk, fragment=token).values("pk")
        people_ids.update(visible_people.filter(pk__in=named).values_list("pk", flat=True)[:limit])
    people = list(visible_people.filter(pk__in=people_ids).order_by("-updated_at")[:limit])
    open_cases = cases_visible_to(actor).exclude(status__in=CLOSED_STATUSES)
    case_match = Q(person_links__person__in=[person.pk for person in people])
    if report.matched_employer_id:
        case_match |= Q(party_links__employer_id=report.matched_employer_id)
    cases = (
        list(open_cases.filter(case_match).distinct().order_by("-opened_on")[:limit])
        if people or report.matched_employer_id
        else []
    )
    return Candidates(people=people, cases=cases)


def report_messages(*, report: Report) -> QuerySet[ReportMessage]:
    return report.messages.select_related("created_by").order_by("created_at")


# --- what the worker sees ------------------------------------------------------------------------------


def report_by_code(*, code: str, pin: str) -> Report | None:
    report = Report.objects.select_related("case").filter(tracking_code=code).first()
    if report is None or not tracking.pin_matches(code, pin, report.pin_digest):
        return None
    return report


@dataclass(frozen=True)
class WorkerMessage:
    from_worker: bool
    body: str
    at: dt.datetime


@dataclass(frozen=True)
class WorkerView:
    """Stage and messages, in the worker's words; nothing else of the case."""

    code: str
    submitted_at: dt.datetime
    stage: str  # received / handling / closed
    headline: Promise
    explanation: Promise
    messages: list[WorkerMessage]


WORKER_STAGES = (("received", _("Received")), ("handling", _("Being handled")), ("closed", _("Closed")))


def _stage(report: Report) -> tuple[str, Promise, Promise]:
    if report.status == ReportStatus.CLOSED:
        if report.close_reason == CloseReason.DUPLICATE:
            return (
                "closed",
                _("Joined with another report"),
                _("We are dealing with it together with another report about the same problem."),
            )
        return (
            "closed",
            _("Closed"),
            _("We could not act on this report. If you still need help, call 1694 or send a new report."),
        )
    case = report.case
    if report.status == ReportStatus.LINKED and case is not None:
        if case.status in CLOSED_STATUSES:
            return "closed", _("Case closed"), _("The work on your case has finished. Read the messages below.")
        if case.status == CaseStatus.FOLLOW_UP:
            return "handling", _("Following up"), _("A caseworker is checking that things are now better for you.")
        return (
            "handling",
            _("A caseworker is working on it"),
            _("Your report is now a case. A caseworker may contact you the way you chose."),
        )
    return "received", _("Received"), _("We received your report. A caseworker will read it soon.")


def worker_view(*, report: Report) -> WorkerView:
    stage, headline, explanation = _stage(report)
    messages = [
        WorkerMessage(
            from_worker=message.direction == MessageDirection.FROM_WORKER, body=message.body, at=message.created_at
        )
        for message in report.messages.order_by("created_at")
    ]
    return WorkerView(
        code=report.display_code,
        submitted_at=report.created_at,
        stage=stage,
        headline=headline,
        explanation=explanation,
        messages=messages,
    )

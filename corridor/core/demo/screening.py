"""Demo screenings and wage claims, derived from what a planned case records, so the demo shows both
features on cases whose facts call for them. Deterministic: nothing here draws random numbers."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError

from corridor.accounts.scope import Actor
from corridor.cases.models import Case
from corridor.core.minimum_wage import daily_minimum_wage, special_rates
from corridor.people.models import Person
from corridor.rights.facts import DocumentHolder, EmploymentFacts, PayBasis, PayPeriod
from corridor.rights.services import wage_claim_save
from corridor.screening.instruments import latest
from corridor.screening.rules import Answer
from corridor.screening.services import Response, assessment_save

WAGE_VIOLATIONS = {"LR-BELOW-MINIMUM-WAGE", "LR-UNPAID-WAGES", "LR-UNPAID-OVERTIME"}
DEMO_DAILY_PAY = Decimal(300)  # what many Cambodian workers in the corridor report being paid


def demo_assessment(*, actor: Actor, case: Case, worker: Person, violation_codes: set[str]) -> None:
    """The ILO–EC screening a caseworker would run: "yes" where the case records the matching violation,
    everything else left unknown (the demo does not pretend to know more than the case says)."""
    instrument = latest("ilo-ec-adult-labour")
    if instrument is None or not actor.can("screening.assess"):
        return
    responses = {
        indicator.id: Response(Answer.YES)
        for indicator in instrument.indicators
        if violation_codes & set(indicator.violations)
    }
    if not responses:
        return
    age = worker.estimated_age
    if age is not None:
        responses["child"] = Response(Answer.YES if age < 18 else Answer.NO)
    assessment_save(actor=actor, case=case, instrument=instrument, responses=responses, person=worker)


def _month_before(day: dt.date, months_back: int) -> tuple[dt.date, dt.date]:
    first = day.replace(day=1)
    for _ in range(months_back):
        first = (first - dt.timedelta(days=1)).replace(day=1)
    next_first = (first + dt.timedelta(days=32)).replace(day=1)
    return first, next_first - dt.timedelta(days=1)


def demo_wage_claim(*, actor: Actor, case: Case, worker: Person, violation_codes: set[str]) -> None:
    """Two months at 300 baht a day with two hours of unpaid overtime a day, before the case was opened."""
    if not violation_codes & WAGE_VIOLATIONS or case.work_province_id is None or not actor.can("claim.compute"):
        return
    province = str(case.work_province_id)
    periods = [_month_before(case.opened_on, back) for back in (2, 1)]
    scope = "general"
    if daily_minimum_wage(province, periods[0][0]) is None:
        # Split by district on that date: the demo uses the first district the notification names.
        districts = special_rates(province, periods[0][0])
        if not districts:
            return
        scope = districts[0].area_scope
    facts = EmploymentFacts(
        province_code=province,
        wage_scope=scope,
        hazardous=False,
        pay_basis=PayBasis.DAILY,
        agreed_rate=DEMO_DAILY_PAY,
        employment_start=periods[0][0],
        days_worked_per_week=6,
        periods=tuple(
            PayPeriod(
                start=start,
                end=end,
                days_worked=26,
                normal_hours_per_day=Decimal(8),
                overtime_hours=Decimal(52),
                holiday_hours=Decimal(0),
                holiday_overtime_hours=Decimal(0),
                wages_paid=DEMO_DAILY_PAY * 26,
                overtime_paid=Decimal(0),
            )
            for start, end in periods
        ),
        documents_held_by=DocumentHolder.EMPLOYER
        if "LR-DOCUMENT-RETENTION" in violation_codes
        else DocumentHolder.WORKER,
        as_of=case.opened_on,
    )
    try:
        wage_claim_save(actor=actor, case=case, facts=facts, person=worker)
    except ValidationError:
        return  # e.g. months before the wage table starts (October 2022): that demo case has no claim

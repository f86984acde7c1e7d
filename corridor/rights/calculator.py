"""What a migrant worker in Thailand is owed, and which labour-law rules were broken, from plain facts.

Pure functions, no database. `validate` lists every problem with the facts at once; `compute` raises
`InvalidFacts`, an ExceptionGroup whose `exceptions` are those FactErrors, when there is any, so callers write
`except InvalidFacts as invalid: invalid.exceptions` (or `except* FactError`).

Numbers come from data/labour_law.toml through `law` and from the minimum wage table in corridor.core; every
finding and line item carries the rule it rests on, so the claim can show its legal basis and whether that basis
has been checked. Amounts are Decimal throughout and each line is rounded to the satang (0.01, half up) once.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from django.utils.translation import gettext_noop

from corridor.core.minimum_wage import GENERAL, WageRate, province_rate, special_rates
from corridor.rights import law
from corridor.rights.explain import lazy_date, lazy_province_name, lazy_text
from corridor.rights.facts import (
    AppliedWageRate,
    Basis,
    Claim,
    EmploymentFacts,
    FactError,
    Finding,
    InvalidFacts,
    LineItem,
    PayBasis,
    PayPeriod,
    Termination,
)

CENT = Decimal("0.01")
ZERO = Decimal(0)
# A period of 28 to 31 days is paid as one month's salary whatever its length; other lengths pro rata by 30 days.
CALENDAR_MONTH_DAYS = range(28, 32)
HOURS_IN_A_DAY = 24


def _cents(amount: Decimal) -> Decimal:
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def _as_text(value: object) -> str:
    if isinstance(value, Decimal):  # plain text to 4 decimals, without exponent or trailing zeros
        return format(value.quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP).normalize(), "f")
    return value.isoformat() if isinstance(value, date) else str(value)


def _params(**values: object) -> dict[str, str]:
    """Values for the explanation, as text in a plain dict, so a claim converts to JSON as it is."""
    return {key: _as_text(value) for key, value in values.items()}


def _basis(rule_id: str) -> Basis:
    rule = law.rule(rule_id)
    return Basis(rule_id=rule.id, citation=dict(rule.citation), unconfirmed=rule.unconfirmed)


def _days(start: date, end: date) -> Iterator[date]:
    for offset in range((end - start).days + 1):
        yield start + timedelta(days=offset)


def _calendar_days(period: PayPeriod) -> int:
    return (period.end - period.start).days + 1


def _add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February: the year of service is complete at the end of February
        return date(day.year + years, 2, 28)


def _wage_row(province_code: str, scope: str, on: date) -> WageRate | None:
    """The row that sets the worker's minimum on a date.

    A district or sector scope takes its own row where one is in force. Before a sector row existed (hotels from
    13 Apr 2024) or a district split began, the province's general rate applied to the same workplace, so that is
    used instead. None when the general rate is asked for but the province is split by district."""
    in_force = province_rate(province_code, on)
    if in_force is None:
        return None
    if scope != GENERAL:
        for rate in (*in_force.districts, *in_force.sectors):
            if rate.area_scope == scope:
                return rate
    return in_force.general


@functools.cache
def _first_wage_date(province_code: str) -> date:
    """The first date the table has a rate for the province (the province must be known): found by bisection
    because corridor.core.minimum_wage answers by date only."""
    low, high = date(1900, 1, 1), date(2100, 1, 1)
    while low < high:
        middle = low + (high - low) // 2
        if province_rate(province_code, middle) is None:
            low = middle + timedelta(days=1)
        else:
            high = middle
    return low


@dataclass(frozen=True)
class _Segment:
    """Part of a pay period under one minimum wage row."""

    start: date
    end: date
    days: int  # calendar days
    row: WageRate

    @property
    def minimum(self) -> Decimal:
        return self.row.daily_rate


def _segments(facts: EmploymentFacts, start: date, end: date) -> list[_Segment]:
    """Split at each date a different row takes effect; the facts are valid, so every day has a row."""
    segments: list[_Segment] = []
    for day in _days(start, end):
        row = _wage_row(facts.province_code, facts.wage_scope, day)
        assert row is not None  # validate() checked every day
        if segments and segments[-1].row == row:
            last = segments[-1]
            segments[-1] = _Segment(start=last.start, end=day, days=last.days + 1, row=row)
        else:
            segments.append(_Segment(start=day, end=day, days=1, row=row))
    return segments


def _allocate_days(days_worked: int, segments: Sequence[_Segment]) -> list[int]:
    """Days worked per segment, in proportion to its calendar days, rounded to whole days by largest remainder.

    Ties go to the higher minimum wage, then to the earlier segment: the facts do not say which days were worked,
    and the worker should not lose by that."""
    calendar = sum(segment.days for segment in segments)
    quotas = [Fraction(days_worked * segment.days, calendar) for segment in segments]
    whole = [int(quota) for quota in quotas]
    order = sorted(range(len(segments)), key=lambda i: (-(quotas[i] - whole[i]), -segments[i].minimum, i))
    for index in order[: days_worked - sum(whole)]:
        whole[index] += 1
    return whole


def _error(field: str, msgid: str, **params: object) -> FactError:
    return FactError(field, lazy_text(msgid, params))


def _check_amount(errors: list[FactError], field: str, label: str, value: Decimal | int) -> None:
    if value < 0:
        errors.append(_error(field, gettext_noop("%(label)s cannot be less than 0."), label=label))


def _period_label(index: int) -> str:
    return lazy_text(gettext_noop("Pay period %(number)s"), {"number": index + 1})


_PERIOD_QUANTITIES = {
    "days_worked": gettext_noop("%(period)s: days worked"),
    "normal_hours_per_day": gettext_noop("%(period)s: normal hours a day"),
    "overtime_hours": gettext_noop("%(period)s: overtime hours"),
    "holiday_hours": gettext_noop("%(period)s: hours worked on holidays"),
    "holiday_overtime_hours": gettext_noop("%(period)s: overtime hours on holidays"),
    "wages_paid": gettext_noop("%(period)s: pay received"),
    "overtime_paid": gettext_noop("%(period)s: overtime and holiday pay received"),
}


def _validate_period_dates(facts: EmploymentFacts, index: int, period: PayPeriod) -> list[FactError]:
    field, label = f"periods.{index}", _period_label(index)
    errors = []
    if period.end < period.start:
        errors.append(_error(f"{field}.end", gettext_noop("%(period)s: the end is before the start."), period=label))
    if period.start < facts.employment_start:
        msgid = gettext_noop("%(period)s starts before the job started (%(date)s).")
        errors.append(_error(f"{field}.start", msgid, period=label, date=lazy_date(facts.employment_start)))
    # The claim is worked out on as_of: pay for days after it is not due yet.
    if period.end > facts.as_of:
        msgid = gettext_noop("%(period)s ends after the date of the claim (%(date)s).")
        errors.append(_error(f"{field}.end", msgid, period=label, date=lazy_date(facts.as_of)))
    # Work after the termination date cannot be part of this job.
    if facts.termination and period.end > facts.termination.on:
        msgid = gettext_noop("%(period)s ends after the job ended (%(date)s).")
        errors.append(_error(f"{field}.end", msgid, period=label, date=lazy_date(facts.termination.on)))
    for earlier, other in enumerate(facts.periods[:index]):
        # Two periods covering the same day would claim that day twice.
        if period.start <= other.end and other.start <= period.end:
            msgid = gettext_noop("%(period)s overlaps pay period %(other)s.")
            errors.append(_error(f"{field}.start", msgid, period=label, other=earlier + 1))
            break
    return errors


def _validate_period_quantities(index: int, period: PayPeriod) -> list[FactError]:
    field, label = f"periods.{index}", _period_label(index)
    errors: list[FactError] = []
    for name, msgid in _PERIOD_QUANTITIES.items():
        _check_amount(errors, f"{field}.{name}", lazy_text(msgid, {"period": label}), getattr(period, name))
    for number, deduction in enumerate(period.deductions):
        msgid = gettext_noop("%(period)s: deduction %(number)s")
        label_ = lazy_text(msgid, {"period": label, "number": number + 1})
        _check_amount(errors, f"{field}.deductions.{number}.amount", label_, deduction.amount)
    if errors or period.end < period.start:
        return errors
    # Hourly rates divide by the normal hours: a period of work needs some.
    if period.normal_hours_per_day == 0:
        msgid = gettext_noop("%(period)s: normal hours a day must be more than 0.")
        errors.append(_error(f"{field}.normal_hours_per_day", msgid, period=label))
    calendar = _calendar_days(period)
    all_hours = sum(
        (period.overtime_hours, period.holiday_hours, period.holiday_overtime_hours),
        period.days_worked * period.normal_hours_per_day,
    )
    if period.days_worked > calendar:
        msgid = gettext_noop("%(period)s: %(worked)s days worked, but the period has only %(days)s days.")
        errors.append(_error(f"{field}.days_worked", msgid, period=label, worked=period.days_worked, days=calendar))
    elif period.days_worked == 0 and period.overtime_hours > 0:
        msgid = gettext_noop("%(period)s: overtime needs at least one day worked.")
        errors.append(_error(f"{field}.overtime_hours", msgid, period=label))
    elif (
        period.days_worked and period.normal_hours_per_day + period.overtime_hours / period.days_worked > HOURS_IN_A_DAY
    ):
        msgid = gettext_noop("%(period)s: normal hours and overtime come to more than 24 hours a day.")
        errors.append(_error(f"{field}.overtime_hours", msgid, period=label))
    elif all_hours > HOURS_IN_A_DAY * calendar:
        msgid = gettext_noop("%(period)s: the hours come to more than 24 hours a day.")
        errors.append(_error(f"{field}.holiday_hours", msgid, period=label))
    return errors


def _wage_dates(facts: EmploymentFacts) -> list[tuple[str, date, date]]:
    """(field, first day, last day) for each span that needs a minimum wage: periods whose own dates are valid,
    and the termination date when severance is owed."""
    spans = [
        (f"periods.{index}.start", period.start, period.end)
        for index, period in enumerate(facts.periods)
        if period.start <= period.end
    ]
    if facts.termination and _severance_applies(facts.termination):
        spans.append(("termination.on", facts.termination.on, facts.termination.on))
    return spans


def _validate_wage_table(facts: EmploymentFacts) -> list[FactError]:
    code, scope = facts.province_code, facts.wage_scope
    province = lazy_province_name(code)
    if province_rate(code, date.max) is None:
        return [_error("province_code", gettext_noop("We have no minimum wage for the province %(code)s."), code=code)]
    errors: list[FactError] = []
    first = _first_wage_date(code)
    checked: list[date] = []
    split_on: date | None = None
    for field, start, end in _wage_dates(facts):
        if start < first:
            msgid = gettext_noop("No minimum wage is recorded for %(province)s before %(date)s.")
            errors.append(_error(field, msgid, province=province, date=lazy_date(first)))
            continue
        for day in _days(start, end):
            checked.append(day)
            if split_on is None and _wage_row(code, scope, day) is None:
                split_on = day
    # A scope must name a row of this province; otherwise the general rate would be used without a word.
    if scope != GENERAL and scope not in {
        rate.area_scope for day in {*checked, facts.as_of} for rate in special_rates(code, day)
    }:
        msgid = gettext_noop("%(province)s has no separate minimum wage for “%(scope)s”.")
        return [*errors, _error("wage_scope", msgid, province=province, scope=scope)]
    if split_on is not None:
        msgid = gettext_noop(
            "In %(province)s the minimum wage depends on the district from %(date)s: choose the district."
        )
        errors.append(_error("wage_scope", msgid, province=province, date=lazy_date(split_on)))
    return errors


LATEST_CLAIM_DATE = date(2100, 12, 31)


def _validate_other(facts: EmploymentFacts) -> list[FactError]:
    errors: list[FactError] = []
    if facts.agreed_rate <= 0:
        errors.append(_error("agreed_rate", gettext_noop("The agreed pay must be more than 0.")))
    if not 1 <= facts.days_worked_per_week <= 7:
        errors.append(_error("days_worked_per_week", gettext_noop("Days worked a week must be between 1 and 7.")))
    if facts.as_of < facts.employment_start:
        errors.append(_error("as_of", gettext_noop("The date of the claim is before the job started.")))
    if facts.as_of > LATEST_CLAIM_DATE:
        # Every other date must come before the claim's, so this bounds them all (and keeps date sums in range).
        errors.append(_error("as_of", gettext_noop("The date of the claim must be in the year 2100 or before.")))
    if not facts.periods and facts.termination is None and not facts.recruitment_fees:
        msgid = gettext_noop("There is nothing to work out: add a pay period, the end of the job or a fee paid.")
        errors.append(_error("periods", msgid))
    if termination := facts.termination:
        if termination.on < facts.employment_start:
            errors.append(_error("termination.on", gettext_noop("The job cannot end before it started.")))
        if termination.on > facts.as_of:
            errors.append(_error("termination.on", gettext_noop("The job ends after the date of the claim.")))
        label = lazy_text(gettext_noop("Severance pay received"), {})
        _check_amount(errors, "termination.severance_paid", label, termination.severance_paid)
    for number, fee in enumerate(facts.recruitment_fees):
        label = lazy_text(gettext_noop("Fee %(number)s"), {"number": number + 1})
        _check_amount(errors, f"recruitment_fees.{number}.amount", label, fee.amount)
        if fee.paid_on > facts.as_of:
            msgid = gettext_noop("%(fee)s was paid after the date of the claim.")
            errors.append(_error(f"recruitment_fees.{number}.paid_on", msgid, fee=label))
    return errors


def validate(facts: EmploymentFacts) -> list[FactError]:
    """Every problem with the facts, so the form can show them all at once; [] when they can be computed."""
    errors = _validate_other(facts)
    for index, period in enumerate(facts.periods):
        errors.extend(_validate_period_dates(facts, index, period))
        errors.extend(_validate_period_quantities(index, period))
    errors.extend(_validate_wage_table(facts))
    return errors


@dataclass(frozen=True)
class _PeriodDue:
    basic: Decimal
    overtime: Decimal
    overtime_hours: Decimal  # including normal hours over the legal daily limit
    hourly_rates: tuple[Decimal, ...]  # per segment
    minimums: tuple[Decimal, ...]  # daily minimum wage per segment


def _pay_rate(facts: EmploymentFacts, segment: _Segment) -> Decimal:
    """The basic rate owed for the segment, per day or per month: the agreed one, at least the minimum."""
    if facts.pay_basis == PayBasis.DAILY:
        return max(facts.agreed_rate, segment.minimum)
    return max(facts.agreed_rate, law.minimum_wage_days_per_month(segment.start) * segment.minimum)


def _hourly_rate(facts: EmploymentFacts, period: PayPeriod, segment: _Segment) -> Decimal:
    hours = min(period.normal_hours_per_day, law.normal_hours(segment.start, hazardous=facts.hazardous).daily)
    if facts.pay_basis == PayBasis.DAILY:  # a day's pay buys the normal day, at most the legal one
        return max(facts.agreed_rate, segment.minimum) / hours
    # s.68 for the agreed salary; the hourly minimum is the daily minimum / 8 (practice, unconfirmed).
    monthly = facts.agreed_rate / (law.monthly_hourly_days(segment.start) * hours)
    return max(monthly, segment.minimum / law.hourly_minimum_divisor(segment.start))


def _months_factor(period: PayPeriod, segment: _Segment) -> Decimal:
    """The share of a month's salary the segment earns."""
    calendar = _calendar_days(period)
    if calendar in CALENDAR_MONTH_DAYS:
        return Decimal(segment.days) / Decimal(calendar)
    return Decimal(segment.days) / law.minimum_wage_days_per_month(segment.start)


def _period_due(facts: EmploymentFacts, period: PayPeriod, segments: Sequence[_Segment]) -> _PeriodDue:
    calendar = Decimal(_calendar_days(period))
    daily_limit = law.normal_hours(period.end, hazardous=facts.hazardous).daily
    # Normal hours beyond the legal daily limit are overtime by law, whatever the contract calls them.
    excess_per_day = max(ZERO, period.normal_hours_per_day - daily_limit)
    overtime_hours = period.overtime_hours + period.days_worked * excess_per_day
    # Holiday pay follows s.56: monthly-paid workers are paid for the weekly holiday, daily-paid ones are not.
    # Holiday hours are treated as work on the weekly holiday (traditional holidays are paid to everyone).
    paid_for_holidays = facts.pay_basis == PayBasis.MONTHLY
    if facts.pay_basis == PayBasis.DAILY:
        shares = [Decimal(days) for days in _allocate_days(period.days_worked, segments)]
    else:
        shares = [_months_factor(period, segment) for segment in segments]
    basic = overtime = ZERO
    hourly_rates = []
    for segment, share in zip(segments, shares, strict=True):
        basic += _pay_rate(facts, segment) * share
        hourly = _hourly_rate(facts, period, segment)
        hourly_rates.append(hourly)
        on = segment.start
        weighted_hours = (
            overtime_hours * law.overtime_multiplier(on)
            + period.holiday_hours * law.holiday_multiplier(on, paid_for_holidays=paid_for_holidays)
            + period.holiday_overtime_hours * law.holiday_overtime_multiplier(on)
        )
        # Hours are spread over the segments in proportion to their calendar days.
        overtime += weighted_hours * hourly * segment.days / calendar
    return _PeriodDue(
        basic=basic,
        overtime=overtime,
        overtime_hours=overtime_hours,
        hourly_rates=tuple(hourly_rates),
        minimums=tuple(segment.minimum for segment in segments),
    )


def _daily_equivalent(facts: EmploymentFacts, period: PayPeriod, paid: Decimal) -> Decimal | None:
    """What the pay received comes to per day, to set against the daily minimum."""
    if facts.pay_basis == PayBasis.DAILY:
        return paid / period.days_worked if period.days_worked else None
    calendar = _calendar_days(period)
    per_month = law.minimum_wage_days_per_month(period.end)
    months = Decimal(1) if calendar in CALENDAR_MONTH_DAYS else Decimal(calendar) / per_month
    return paid / months / per_month


@dataclass
class _Draft:
    """The claim being built: every rule below adds to it."""

    findings: list[Finding] = dataclasses.field(default_factory=list)
    lines: list[LineItem] = dataclasses.field(default_factory=list)
    rates: list[tuple[date, date, WageRate]] = dataclasses.field(default_factory=list)

    def find(self, code: str, rule_id: str, violation: str, index: int | None, params: Mapping[str, str]) -> None:
        self.findings.append(Finding(code, _basis(rule_id), violation, index, params))

    def owe(
        self, code: str, rule_id: str, amount: Decimal, index: int | None, params: Mapping[str, str], due_on: date
    ) -> bool:
        """Adds a line for the amount rounded to the satang, when that is more than 0; says whether it did."""
        owed = _cents(amount)
        if owed > 0:
            self.lines.append(LineItem(code, _basis(rule_id), owed, index, params, due_on))
        return owed > 0


def _basic_wages(
    draft: _Draft, facts: EmploymentFacts, index: int, period: PayPeriod, due: _PeriodDue, due_on: date
) -> None:
    span = {"from": period.start, "to": period.end}
    per_day = _daily_equivalent(facts, period, period.wages_paid)
    low, high = min(due.minimums), max(due.minimums)
    # Below the minimum only when the money is also short: a mixed-rate period paid in full is not a breach.
    below = per_day is not None and per_day < high
    rule_id = "minimum_wage" if below else "wage_payment"
    params = _params(**span, due=due.basic, paid=period.wages_paid, minimum_low=low, minimum_high=high)
    if not draft.owe("basic_wages", rule_id, due.basic - period.wages_paid, index, params, due_on):
        return
    if per_day is not None and below:
        finding = _params(**span, paid_per_day=per_day, minimum_low=low, minimum_high=high)
        draft.find("below_minimum_wage", rule_id, "LR-BELOW-MINIMUM-WAGE", index, finding)
    else:
        finding = _params(**span, due=due.basic, paid=period.wages_paid)
        draft.find("unpaid_wages", rule_id, "LR-UNPAID-WAGES", index, finding)


def _overtime_pay(draft: _Draft, index: int, period: PayPeriod, due: _PeriodDue, due_on: date) -> None:
    span = {"from": period.start, "to": period.end}
    overtime = due.overtime_hours + period.holiday_overtime_hours
    # One line for all extra hours; its basis is the first kind of extra work the period has.
    if due.overtime_hours:
        rule_id = "overtime_pay"
    elif period.holiday_overtime_hours:
        rule_id = "holiday_overtime_pay"
    else:
        rule_id = "holiday_pay"
    params = _params(
        **span,
        overtime_hours=due.overtime_hours,
        holiday_hours=period.holiday_hours,
        holiday_overtime_hours=period.holiday_overtime_hours,
        hourly_rate_low=min(due.hourly_rates),
        hourly_rate_high=max(due.hourly_rates),
        due=due.overtime,
        paid=period.overtime_paid,
    )
    if not draft.owe("overtime_and_holiday", rule_id, due.overtime - period.overtime_paid, index, params, due_on):
        return
    if overtime:
        draft.find("unpaid_overtime", rule_id, "LR-UNPAID-OVERTIME", index, _params(**span, hours=overtime))
    if period.holiday_hours:
        finding = _params(**span, hours=period.holiday_hours)
        draft.find("holiday_pay", "holiday_pay", "LR-UNPAID-OVERTIME", index, finding)


def _deductions(draft: _Draft, index: int, period: PayPeriod, due: _PeriodDue, due_on: date) -> None:
    rules = law.deduction_rules(period.end)
    span = {"from": period.start, "to": period.end}
    capped: dict[str, Decimal] = {}
    for deduction in period.deductions:
        purpose = str(deduction.purpose)
        if purpose in rules.statutory:
            continue
        lawful = purpose in rules.capped
        if lawful and (deduction.consented or purpose not in rules.needs_consent):
            capped[purpose] = capped.get(purpose, ZERO) + deduction.amount
            continue
        reason = "no_consent" if lawful else "unlawful_purpose"
        params = _params(**span, purpose=purpose, deducted=deduction.amount, reason=reason)
        if draft.owe("unlawful_deduction", "deductions", deduction.amount, index, params, due_on):
            finding = _params(**span, purpose=purpose, amount=deduction.amount, reason=reason)
            draft.find("unlawful_deduction", "deductions", "LR-ILLEGAL-DEDUCTIONS", index, finding)
    if not capped or period.consented_to_exceed_caps:
        return
    # The caps are shares of the amount due. Taking the larger of due and paid, for basic and overtime pay each,
    # means that working more never lowers the cap, and that a shortfall in pay is never counted twice (once as
    # unpaid wages, once as a smaller cap): the amount owed can only grow as pay falls or work rises.
    base = max(due.basic, period.wages_paid) + max(due.overtime, period.overtime_paid)
    allowed = min(sum((min(total, rules.cap_each * base) for total in capped.values()), ZERO), rules.cap_total * base)
    deducted = sum(capped.values(), ZERO)
    params = _params(**span, deducted=deducted, allowed=allowed, base=base, cap_each=rules.cap_each)
    if draft.owe("deduction_over_cap", "deductions", deducted - allowed, index, params, due_on):
        finding = _params(**span, deducted=deducted, allowed=allowed)
        draft.find("deduction_over_cap", "deductions", "LR-ILLEGAL-DEDUCTIONS", index, finding)


def _hours(draft: _Draft, facts: EmploymentFacts, index: int, period: PayPeriod, due: _PeriodDue) -> None:
    """Breaches of working time and pay frequency. No money: what extra hours earn is in the overtime line."""
    span = {"from": period.start, "to": period.end}
    calendar = _calendar_days(period)
    longest = law.max_days_between_payments(period.end)
    if calendar > longest:
        params = _params(**span, days=calendar, max_days=longest)
        draft.find("pay_less_than_monthly", "wage_payment", "LR-UNPAID-WAGES", index, params)
    limits = law.normal_hours(period.end, hazardous=facts.hazardous)
    if period.normal_hours_per_day > limits.daily:
        params = _params(**span, hours=period.normal_hours_per_day, limit=limits.daily)
        draft.find("hours_over_daily_limit", "normal_hours", "LR-EXCESSIVE-HOURS", index, params)
    weekly = period.normal_hours_per_day * facts.days_worked_per_week
    if weekly > limits.weekly:
        params = _params(**span, hours=weekly, limit=limits.weekly)
        draft.find("hours_over_weekly_limit", "normal_hours", "LR-EXCESSIVE-HOURS", index, params)
    # Averaged over the period's weeks; the overtime includes normal hours beyond the daily limit.
    per_week = (due.overtime_hours + period.holiday_hours + period.holiday_overtime_hours) * 7 / Decimal(calendar)
    cap = law.overtime_weekly_cap(period.end)
    if per_week > cap:
        params = _params(**span, hours=per_week, limit=cap)
        draft.find("overtime_over_weekly_cap", "overtime_weekly_cap", "LR-EXCESSIVE-HOURS", index, params)


def _due_dates(facts: EmploymentFacts) -> list[date]:
    """When each period's money fell due: at the period's end (the facts carry no pay date). After a dismissal the
    final period's pay is due within 3 days of it (s.70 para 2), when that is later."""
    due = [period.end for period in facts.periods]
    termination = facts.termination
    if termination and termination.by_employer and facts.periods:
        final = max(range(len(facts.periods)), key=lambda index: facts.periods[index].end)
        deadline = termination.on + timedelta(days=law.final_pay_days(termination.on))
        due[final] = max(due[final], deadline)
    return due


def _severance_applies(termination: Termination) -> bool:
    # s.119: no severance after serious misconduct (the list of grounds is unconfirmed; the user decides).
    return termination.by_employer and not termination.serious_misconduct


def _severance(draft: _Draft, facts: EmploymentFacts) -> None:
    termination = facts.termination
    if termination is None or not _severance_applies(termination):
        return
    on, start = termination.on, facts.employment_start
    service_days = (on - start).days
    pay_days = 0
    for tier in law.severance_tiers(on):
        if service_days >= tier.service_days and _add_years(start, tier.service_years) <= on:
            pay_days = tier.pay_days
    if not pay_days:
        return
    row = _wage_row(facts.province_code, facts.wage_scope, on)
    assert row is not None  # validate() checked the termination date
    draft.rates.append((on, on, row))
    # The last wage rate per day: a monthly salary covers 30 days.
    per_month = law.minimum_wage_days_per_month(on)
    agreed = facts.agreed_rate if facts.pay_basis == PayBasis.DAILY else facts.agreed_rate / per_month
    daily_rate = max(agreed, row.daily_rate)
    due, paid = daily_rate * pay_days, termination.severance_paid
    params = _params(
        **{"from": start, "to": on},
        service_days=service_days,
        pay_days=pay_days,
        daily_rate=daily_rate,
        due=due,
        paid=paid,
    )
    due_on = on + timedelta(days=law.severance_due_days(on))
    if draft.owe("severance", "severance", due - paid, None, params, due_on):
        finding = _params(to=on, service_days=service_days, due=due, paid=paid)
        draft.find("severance_unpaid", "severance", "LR-UNFAIR-DISMISSAL", None, finding)


def _fees(draft: _Draft, facts: EmploymentFacts) -> None:
    for fee in facts.recruitment_fees:
        try:
            recoverable = law.recoverable_fee_kinds(fee.paid_on)
        except LookupError:  # paid before the ordinance: no rule to claim it back under
            continue
        if str(fee.kind) not in recoverable:
            continue
        params = _params(kind=fee.kind, paid=fee.amount, paid_on=fee.paid_on)
        if draft.owe("recruitment_fee", "recruitment_fees", fee.amount, None, params, fee.paid_on):
            finding = _params(kind=fee.kind, amount=fee.amount, paid_on=fee.paid_on)
            draft.find("recruitment_fee_charged", "recruitment_fees", "LR-RECRUITMENT-FEES", None, finding)


def _conditions(draft: _Draft, facts: EmploymentFacts) -> None:
    max_days = law.max_days_worked_per_week(facts.as_of)
    if facts.days_worked_per_week > max_days:
        params = _params(days=facts.days_worked_per_week, max_days=max_days)
        draft.find("no_weekly_rest_day", "weekly_rest_day", "LR-NO-REST-DAY", None, params)
    if str(facts.documents_held_by) in law.document_holders_in_breach(facts.as_of):
        params = _params(holder=facts.documents_held_by)
        draft.find("documents_retained", "document_retention", "LR-DOCUMENT-RETENTION", None, params)


# Wages in the sense of s.9: the interest and the surcharge run on these, not on recruitment fees.
WAGE_LINES = frozenset({"basic_wages", "overtime_and_holiday", "unlawful_deduction", "deduction_over_cap", "severance"})


def _late_payment(facts: EmploymentFacts, lines: Sequence[LineItem]) -> tuple[list[LineItem], list[LineItem]]:
    """Interest (s.9 para 1) and, when the employer withheld the money on purpose, the surcharge (s.9 para 2), from
    each wage line's due date to as_of, at the rates in force when the line fell due. One line each per source."""
    interest, surcharge = _Draft(), _Draft()
    for line in lines:
        late = (facts.as_of - line.due_on).days
        if line.code not in WAGE_LINES or late <= 0:
            continue
        span = {"from": line.due_on, "to": facts.as_of, "source": line.code, "principal": line.amount}
        rate, year = law.late_interest(line.due_on)
        params = _params(**span, rate=rate, days=late)
        amount = line.amount * rate * late / year
        interest.owe("late_interest", "late_interest", amount, line.period_index, params, facts.as_of)
        share, period_days = law.wilful_surcharge(line.due_on)
        if facts.wilful_nonpayment and late > period_days:
            periods = late // period_days
            params = _params(**span, rate=share, periods=periods)
            amount = line.amount * share * periods
            surcharge.owe("wilful_surcharge", "wilful_surcharge", amount, line.period_index, params, facts.as_of)
    return interest.lines, surcharge.lines


def _applied_rates(rates: Sequence[tuple[date, date, WageRate]]) -> tuple[AppliedWageRate, ...]:
    """The wage rows used, oldest first, one entry per row and run of consecutive days."""
    merged: list[tuple[date, date, WageRate]] = []
    for start, end, row in sorted(set(rates), key=lambda span: (span[0], span[1])):
        if merged and merged[-1][2] == row and merged[-1][1] + timedelta(days=1) >= start:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]), row)
        else:
            merged.append((start, end, row))
    return tuple(
        AppliedWageRate(start, end, row.daily_rate, row.area_scope, row.source, row.unconfirmed)
        for start, end, row in merged
    )


def compute(facts: EmploymentFacts) -> Claim:
    """The findings and the money owed; raises InvalidFacts (a group of FactError) when validate() finds problems."""
    errors = validate(facts)
    if errors:
        raise InvalidFacts("the employment facts cannot be worked out", errors)
    draft = _Draft()
    for index, (period, due_on) in enumerate(zip(facts.periods, _due_dates(facts), strict=True)):
        segments = _segments(facts, period.start, period.end)
        draft.rates.extend((segment.start, segment.end, segment.row) for segment in segments)
        due = _period_due(facts, period, segments)
        _basic_wages(draft, facts, index, period, due, due_on)
        _overtime_pay(draft, index, period, due, due_on)
        _deductions(draft, index, period, due, due_on)
        _hours(draft, facts, index, period, due)
    _conditions(draft, facts)
    _fees(draft, facts)
    _severance(draft, facts)
    interest, surcharge = _late_payment(facts, draft.lines)
    lines = (*draft.lines, *interest, *surcharge)
    return Claim(
        findings=tuple(draft.findings),
        lines=lines,
        total=sum((line.amount for line in lines), ZERO),
        law_version=law.version(),
        wage_rates=_applied_rates(draft.rates),
    )

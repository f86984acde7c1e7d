"""Properties that hold for any valid facts: less pay or more work never lowers the claim, a worker paid what the
law asks is owed nothing, and every amount and finding names its legal basis in all three languages."""

import csv
import json
from dataclasses import asdict, replace
from datetime import date, timedelta
from decimal import ROUND_CEILING, Decimal
from pathlib import Path

from django.utils import translation
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from corridor.rights.calculator import compute, validate
from corridor.rights.explain import describe_finding, describe_line
from corridor.rights.facts import (
    Claim,
    Deduction,
    DeductionPurpose,
    DocumentHolder,
    EmploymentFacts,
    FeeKind,
    PayBasis,
    PayPeriod,
    RecruitmentFee,
    Termination,
)
from corridor.rights.tests import BANGKOK, RAYONG, SA_KAEO

VIOLATION_TYPES = Path(__file__).resolve().parents[2] / "cases" / "data" / "violation_types.csv"
HIGHEST_MINIMUM = Decimal(400)  # no rate in the table for these provinces is higher


def money(high: int) -> st.SearchStrategy[Decimal]:
    return st.decimals(min_value=0, max_value=high, places=2, allow_nan=False, allow_infinity=False)


def hours(high: int) -> st.SearchStrategy[Decimal]:
    return st.decimals(min_value=0, max_value=high, places=1, allow_nan=False, allow_infinity=False)


@st.composite
def pay_periods(draw: st.DrawFn, first: date) -> tuple[PayPeriod, ...]:
    periods = []
    start = first
    for _ in range(draw(st.integers(1, 3))):
        length = draw(st.integers(8, 45))
        days_worked = draw(st.integers(0, length))
        overtime_hours = draw(st.just(Decimal(0)) | hours(4 * days_worked))
        periods.append(
            PayPeriod(
                start=start,
                end=start + timedelta(days=length - 1),
                days_worked=days_worked,
                normal_hours_per_day=draw(st.decimals(min_value=1, max_value=12, places=1)),
                overtime_hours=overtime_hours,
                holiday_hours=draw(st.just(Decimal(0)) | hours(40)),
                holiday_overtime_hours=draw(st.just(Decimal(0)) | hours(20)),
                # Pay per day or per hour of work makes realistic sums near what was due, a lump sum anything.
                wages_paid=draw(money(20000) | money(600).map(lambda rate, days=days_worked: rate * days)),
                overtime_paid=draw(money(5000) | money(150).map(lambda rate, worked=overtime_hours: rate * worked)),
                deductions=tuple(
                    draw(
                        st.lists(
                            st.builds(
                                Deduction,
                                purpose=st.sampled_from(DeductionPurpose),
                                amount=money(3000),
                                consented=st.booleans(),
                            ),
                            max_size=3,
                        )
                    )
                ),
                consented_to_exceed_caps=draw(st.booleans()),
            )
        )
        start += timedelta(days=length + draw(st.integers(0, 20)))
    return tuple(periods)


@st.composite
def employment(draw: st.DrawFn) -> EmploymentFacts:
    first = draw(st.dates(date(2022, 10, 1), date(2025, 5, 1)))
    periods = draw(pay_periods(first))
    employment_start = first - timedelta(days=draw(st.integers(0, 3000)))
    last_end = periods[-1].end
    termination = draw(
        st.none()
        | st.builds(
            Termination,
            on=st.just(last_end + timedelta(days=draw(st.integers(0, 10)))),
            by_employer=st.booleans(),
            serious_misconduct=st.booleans(),
            severance_paid=money(50000),
        )
    )
    as_of = max(last_end, termination.on if termination else last_end) + timedelta(days=draw(st.integers(0, 400)))
    fees = draw(
        st.lists(
            st.builds(
                RecruitmentFee,
                kind=st.sampled_from(FeeKind),
                amount=money(30000),
                paid_on=st.dates(employment_start, as_of),
            ),
            max_size=2,
        )
    )
    pay_basis = draw(st.sampled_from(PayBasis))
    facts = EmploymentFacts(
        province_code=draw(st.sampled_from([BANGKOK, RAYONG, SA_KAEO])),
        hazardous=draw(st.booleans()),
        pay_basis=pay_basis,
        agreed_rate=draw(st.decimals(min_value=1, max_value=700 if pay_basis == PayBasis.DAILY else 20000, places=2)),
        employment_start=employment_start,
        days_worked_per_week=draw(st.integers(1, 7)),
        periods=periods,
        documents_held_by=draw(st.sampled_from(DocumentHolder)),
        recruitment_fees=tuple(fees),
        termination=termination,
        wilful_nonpayment=draw(st.booleans()),
        as_of=as_of,
    )
    assume(not validate(facts))
    return facts


def less_pay_or_more_work(period: PayPeriod, change: str, amount: Decimal) -> PayPeriod:
    if change == "wages_paid":
        return replace(period, wages_paid=max(Decimal(0), period.wages_paid - amount))
    if change == "overtime_paid":
        return replace(period, overtime_paid=max(Decimal(0), period.overtime_paid - amount))
    if change == "days_worked":
        return replace(period, days_worked=period.days_worked + int(amount) % 5 + 1)
    return replace(period, **{change: getattr(period, change) + amount})


def rounding_allowance(before: Claim, after: Claim, index: int) -> Decimal:
    """A deduction over the cap shrinks when the amount due grows, by less than the pay owed grows; but each line
    is rounded on its own, so the total may then dip by up to a satang per line of that period. Without such a
    line every line can only grow, and rounding keeps that exact."""
    if not any(line.code == "deduction_over_cap" and line.period_index == index for line in before.lines):
        return Decimal(0)
    changed = [line for claim in (before, after) for line in claim.lines if line.period_index == index]
    return Decimal("0.01") * len(changed)


# Basic pay overpaid, overtime underpaid, union dues over the cap: one more day raises the amount due without raising
# the basic pay owed. A cap measured on total due (or total paid) would grow and shrink the claim.
OVERPAID_BASIC_PAY = EmploymentFacts(
    province_code=BANGKOK,
    hazardous=False,
    pay_basis=PayBasis.DAILY,
    agreed_rate=Decimal(400),
    employment_start=date(2025, 7, 1),
    days_worked_per_week=6,
    periods=(
        PayPeriod(
            start=date(2025, 7, 1),
            end=date(2025, 7, 31),
            days_worked=25,
            normal_hours_per_day=Decimal(8),
            overtime_hours=Decimal(40),
            holiday_hours=Decimal(0),
            holiday_overtime_hours=Decimal(0),
            wages_paid=Decimal(12000),
            overtime_paid=Decimal(0),
            deductions=(Deduction(purpose=DeductionPurpose.UNION_DUES, amount=Decimal(2000)),),
        ),
    ),
    documents_held_by=DocumentHolder.WORKER,
    as_of=date(2025, 9, 30),
)
CHANGES = ["wages_paid", "overtime_paid", "days_worked", "overtime_hours", "holiday_hours", "holiday_overtime_hours"]


@settings(deadline=None, max_examples=150)
@given(
    facts=employment(),
    index=st.integers(0, 2),
    change=st.sampled_from(CHANGES),
    amount=st.decimals(min_value=0, max_value=2000, places=1),
)
@example(facts=OVERPAID_BASIC_PAY, index=0, change="days_worked", amount=Decimal(0))
def test_it_never_owes_less_for_less_pay_or_more_work(facts, index, change, amount):
    index %= len(facts.periods)
    periods = list(facts.periods)
    periods[index] = less_pay_or_more_work(periods[index], change, amount)
    changed = replace(facts, periods=tuple(periods))
    assume(not validate(changed))
    before, after = compute(facts), compute(changed)
    assert after.total >= before.total - rounding_allowance(before, after, index)


def satang_up(amount: Decimal) -> Decimal:
    return amount.quantize(Decimal("0.01"), rounding=ROUND_CEILING)


@st.composite
def paid_in_full(draw: st.DrawFn) -> EmploymentFacts:
    """Agreed pay at or above every minimum, legal normal hours, each period paid what the law asks (worked out
    here on its own terms, rounded up to the satang), only lawful deductions within their caps, no fees and no
    dismissal."""
    hazardous = draw(st.booleans())
    pay_basis = draw(st.sampled_from(PayBasis))
    daily = pay_basis == PayBasis.DAILY
    agreed = (HIGHEST_MINIMUM if daily else 30 * HIGHEST_MINIMUM) + draw(money(300 if daily else 10000))
    first = draw(st.dates(date(2022, 10, 1), date(2025, 5, 1)))
    periods = []
    for period in draw(pay_periods(first)):
        normal = min(period.normal_hours_per_day, Decimal(7 if hazardous else 8))
        calendar = (period.end - period.start).days + 1
        if daily:  # s.62: no pay for the weekly holiday, so 2x for working it
            wages, hourly, holiday = agreed * period.days_worked, agreed / normal, 2
        else:  # s.68 hourly rate; paid for the holiday already, so 1x extra
            months = 1 if 28 <= calendar <= 31 else Decimal(calendar) / 30
            wages, hourly, holiday = agreed * months, agreed / (30 * normal), 1
        extra = (
            Decimal("1.5") * period.overtime_hours + holiday * period.holiday_hours + 3 * period.holiday_overtime_hours
        )
        lawful = draw(
            st.lists(
                st.sampled_from(["union_dues", "welfare_debt", "deposit_or_damages", "provident_fund"]),
                max_size=2,
                unique=True,
            )
        )
        deductions = [
            Deduction(
                purpose=DeductionPurpose(purpose),
                amount=wages * draw(st.sampled_from([0, 5, 10])) / 100,
                consented=True,
            )
            for purpose in lawful
        ]
        deductions.append(Deduction(purpose=DeductionPurpose.TAX_SOCIAL_SECURITY, amount=draw(money(2000))))
        periods.append(
            replace(
                period,
                normal_hours_per_day=normal,
                wages_paid=satang_up(wages),
                overtime_paid=satang_up(extra * hourly),
                deductions=tuple(deductions),
                consented_to_exceed_caps=False,
            )
        )
    facts = EmploymentFacts(
        province_code=draw(st.sampled_from([BANGKOK, RAYONG, SA_KAEO])),
        hazardous=hazardous,
        pay_basis=pay_basis,
        agreed_rate=agreed,
        employment_start=first,
        days_worked_per_week=draw(st.integers(1, 6)),
        periods=tuple(periods),
        documents_held_by=draw(st.sampled_from(DocumentHolder)),
        wilful_nonpayment=draw(st.booleans()),
        as_of=periods[-1].end + timedelta(days=draw(st.integers(0, 400))),
    )
    assume(not validate(facts))
    return facts


@settings(deadline=None, max_examples=100)
@given(facts=paid_in_full())
def test_it_owes_nothing_to_a_worker_paid_what_the_law_asks(facts):
    claim = compute(facts)
    assert claim.lines == ()
    assert claim.total == Decimal("0.00")


def violation_codes() -> set[str]:
    with VIOLATION_TYPES.open(encoding="utf-8") as handle:
        return {row["code"] for row in csv.DictReader(handle)}


@settings(deadline=None, max_examples=100)
@given(facts=employment())
def test_it_gives_every_amount_and_finding_a_basis_in_three_languages(facts):
    claim = compute(facts)
    for item in (*claim.lines, *claim.findings):
        assert all(item.basis.citation.get(language, "").strip() for language in ("en", "km", "th")), item
    assert {finding.violation_code for finding in claim.findings} <= violation_codes()
    assert all(line.amount > 0 and line.amount == line.amount.quantize(Decimal("0.01")) for line in claim.lines)
    assert claim.total == sum((line.amount for line in claim.lines), Decimal(0))
    with translation.override("en"):  # and each can be put into words
        assert all(describe_line(line) for line in claim.lines)
        assert all(describe_finding(finding) for finding in claim.findings)


@settings(deadline=None, max_examples=50)
@given(facts=employment())
def test_it_returns_claims_that_convert_to_plain_data(facts):
    # Claims are stored as JSON: nothing in them may need more than str() to be written out.
    assert json.loads(json.dumps(asdict(compute(facts)), default=str))

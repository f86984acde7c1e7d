"""Builders for the calculator tests: valid facts with as little typing as each test needs."""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from corridor.rights.facts import (
    Claim,
    Deduction,
    DocumentHolder,
    EmploymentFacts,
    LineItem,
    PayBasis,
    PayPeriod,
    RecruitmentFee,
    Termination,
)

BANGKOK, RAYONG, CHIANG_MAI, SA_KAEO = "TH-10", "TH-21", "TH-50", "TH-27"


def period(
    start: date,
    end: date,
    *,
    days_worked: int = 26,
    normal_hours: Decimal | int = 8,
    overtime: Decimal | int = 0,
    holiday: Decimal | int = 0,
    holiday_overtime: Decimal | int = 0,
    wages_paid: Decimal | int | str = 0,
    overtime_paid: Decimal | int | str = 0,
    deductions: Iterable[Deduction] = (),
    consented_to_exceed_caps: bool = False,
) -> PayPeriod:
    return PayPeriod(
        start=start,
        end=end,
        days_worked=days_worked,
        normal_hours_per_day=Decimal(normal_hours),
        overtime_hours=Decimal(overtime),
        holiday_hours=Decimal(holiday),
        holiday_overtime_hours=Decimal(holiday_overtime),
        wages_paid=Decimal(wages_paid),
        overtime_paid=Decimal(overtime_paid),
        deductions=tuple(deductions),
        consented_to_exceed_caps=consented_to_exceed_caps,
    )


def month(year: int, number: int, **values: object) -> PayPeriod:
    """A pay period of one whole calendar month."""
    last = calendar.monthrange(year, number)[1]
    return period(date(year, number, 1), date(year, number, last), **values)  # type: ignore[arg-type]


def facts(
    *periods: PayPeriod,
    province: str = BANGKOK,
    scope: str = "general",
    hazardous: bool = False,
    pay_basis: PayBasis = PayBasis.DAILY,
    agreed_rate: Decimal | int | str = 400,
    employment_start: date | None = None,
    days_worked_per_week: int = 6,
    documents_held_by: DocumentHolder = DocumentHolder.WORKER,
    fees: Iterable[RecruitmentFee] = (),
    termination: Termination | None = None,
    wilful_nonpayment: bool = False,
    as_of: date | None = None,
) -> EmploymentFacts:
    """Facts for the periods given. The job starts with the first period and the claim is worked out on the day the
    last period ends (so no interest), unless said otherwise."""
    fees = tuple(fees)
    days = [p.start for p in periods] + [fee.paid_on for fee in fees] + ([termination.on] if termination else [])
    ends = [p.end for p in periods] + [fee.paid_on for fee in fees] + ([termination.on] if termination else [])
    return EmploymentFacts(
        province_code=province,
        wage_scope=scope,
        hazardous=hazardous,
        pay_basis=pay_basis,
        agreed_rate=Decimal(agreed_rate),
        employment_start=employment_start or min(days),
        days_worked_per_week=days_worked_per_week,
        periods=tuple(periods),
        documents_held_by=documents_held_by,
        recruitment_fees=fees,
        termination=termination,
        wilful_nonpayment=wilful_nonpayment,
        as_of=as_of or max(ends),
    )


def dismissal(on: date, *, severance_paid: Decimal | int = 0, serious_misconduct: bool = False) -> Termination:
    return Termination(
        on=on, by_employer=True, serious_misconduct=serious_misconduct, severance_paid=Decimal(severance_paid)
    )


def lines(claim: Claim, code: str) -> list[LineItem]:
    return [line for line in claim.lines if line.code == code]


def amounts(claim: Claim, code: str) -> list[Decimal]:
    return [line.amount for line in lines(claim, code)]


def finding_codes(claim: Claim) -> list[str]:
    return [finding.code for finding in claim.findings]

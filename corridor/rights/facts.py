"""The calculator's vocabulary: the employment facts it reads, and the findings and line items it returns.

Plain frozen dataclasses with no behaviour, shared by the calculator, the forms, the API and storage.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from corridor.core.minimum_wage import GENERAL


class PayBasis(StrEnum):
    DAILY = "daily"
    MONTHLY = "monthly"


class DocumentHolder(StrEnum):
    WORKER = "worker"
    EMPLOYER = "employer"
    RECRUITER = "recruiter"
    OTHER = "other"
    UNKNOWN = "unknown"


class DeductionPurpose(StrEnum):
    TAX_SOCIAL_SECURITY = "tax_social_security"
    UNION_DUES = "union_dues"
    WELFARE_DEBT = "welfare_debt"  # savings cooperative, or a debt for the worker's own benefit
    DEPOSIT_OR_DAMAGES = "deposit_or_damages"
    PROVIDENT_FUND = "provident_fund"
    DOCUMENT_FEE = "document_fee"  # e.g. a "passport fee"
    RECRUITMENT_FEE = "recruitment_fee"
    FINE = "fine"
    OTHER = "other"


class FeeKind(StrEnum):
    SERVICE = "service"
    VISA = "visa"
    STAY_PERMIT = "stay_permit"
    WORK_PERMIT = "work_permit"
    MEDICAL_CHECK = "medical_check"
    OTHER = "other"


@dataclass(frozen=True, kw_only=True)
class Deduction:
    purpose: DeductionPurpose
    amount: Decimal
    consented: bool = False


@dataclass(frozen=True, kw_only=True)
class PayPeriod:
    start: date
    end: date  # inclusive
    days_worked: int
    normal_hours_per_day: Decimal
    overtime_hours: Decimal  # on working days, period total
    holiday_hours: Decimal  # work on holidays within normal hours, total
    holiday_overtime_hours: Decimal
    wages_paid: Decimal  # basic pay received for the period, before deductions
    overtime_paid: Decimal  # everything paid for overtime and holiday work
    deductions: tuple[Deduction, ...] = ()
    consented_to_exceed_caps: bool = False


@dataclass(frozen=True, kw_only=True)
class RecruitmentFee:
    kind: FeeKind
    amount: Decimal
    paid_on: date


@dataclass(frozen=True, kw_only=True)
class Termination:
    on: date
    by_employer: bool
    serious_misconduct: bool
    severance_paid: Decimal


@dataclass(frozen=True, kw_only=True)
class EmploymentFacts:
    province_code: str
    wage_scope: str = GENERAL  # an area_scope of the wage table, for a district or sector rate
    hazardous: bool
    pay_basis: PayBasis
    agreed_rate: Decimal  # per day or per month
    employment_start: date
    days_worked_per_week: int
    periods: tuple[PayPeriod, ...]
    documents_held_by: DocumentHolder
    recruitment_fees: tuple[RecruitmentFee, ...] = ()
    termination: Termination | None = None
    wilful_nonpayment: bool = False
    as_of: date  # the date the claim is worked out on: interest runs until then


class FactError(ValueError):
    """One problem with the facts: `field` is its path in EmploymentFacts (e.g. "periods.0.end"), `message` a
    lazily translated sentence that names the field as the person filling in the form knows it."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(field, message)
        self.field = field
        self.message = message

    def __str__(self) -> str:
        return str(self.message)


class InvalidFacts(ExceptionGroup):
    """Every FactError found, as `exceptions`."""


@dataclass(frozen=True)
class Basis:
    rule_id: str
    citation: dict[str, str]  # en, km, th
    unconfirmed: bool


@dataclass(frozen=True)
class Finding:
    code: str
    basis: Basis
    violation_code: str  # a code of cases/data/violation_types.csv
    period_index: int | None
    params: Mapping[str, str]


@dataclass(frozen=True)
class LineItem:
    code: str
    basis: Basis
    amount: Decimal  # owed, 2 decimals, > 0
    period_index: int | None
    params: Mapping[str, str]
    due_on: date


@dataclass(frozen=True)
class AppliedWageRate:
    """A minimum wage row the claim used, and for which days, so the claim can name the notification."""

    start: date
    end: date
    daily_rate: Decimal
    area_scope: str
    source: str
    unconfirmed: bool


@dataclass(frozen=True)
class Claim:
    findings: tuple[Finding, ...]
    lines: tuple[LineItem, ...]
    total: Decimal
    law_version: str
    wage_rates: tuple[AppliedWageRate, ...]

    @property
    def wage_rates_unconfirmed(self) -> bool:
        return any(rate.unconfirmed for rate in self.wage_rates)

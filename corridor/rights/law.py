"""Thai labour-law numbers and citations by date, from data/labour_law.toml.

Wage claims reach back over past periods, so every accessor takes the date the rule is applied on and returns
the version then in force. Rates are Decimal: they multiply money.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from types import MappingProxyType
from typing import Any

DATA = Path(__file__).resolve().parent / "data" / "labour_law.toml"
LANGUAGES = ("en", "km", "th")
_STATUSES = frozenset({"confirmed", "unconfirmed"})


@dataclass(frozen=True, slots=True)
class Rule:
    """One rule of the data: where it is written, whether that was checked, and its dated versions."""

    id: str
    citation: Mapping[str, str]  # by language code
    unconfirmed: bool
    versions: tuple[Mapping[str, Any], ...]  # oldest first

    def in_force(self, on: date) -> Mapping[str, Any]:
        """The version that applies on a date; LookupError before the first one."""
        applicable = [version for version in self.versions if version["effective_from"] <= on]
        if not applicable:
            raise LookupError(f"{self.id}: no version in force on {on.isoformat()}")
        return applicable[-1]


@dataclass(frozen=True, slots=True)
class HoursLimit:
    daily: Decimal
    weekly: Decimal


@dataclass(frozen=True, slots=True)
class DeductionRules:
    statutory: frozenset[str]
    capped: frozenset[str]
    needs_consent: frozenset[str]
    cap_each: Decimal  # share of the amount due
    cap_total: Decimal


@dataclass(frozen=True, slots=True)
class SeveranceTier:
    service_days: int  # at least this many days of service, and
    service_years: int  # at least this many full years
    pay_days: int


def _rule(table_id: str, table: dict[str, Any]) -> Rule:
    if table.get("id") != table_id:
        raise ValueError(f"{DATA.name}: table [{table_id}] has id {table.get('id')!r}")
    if table.get("status") not in _STATUSES:
        raise ValueError(f"{DATA.name}: [{table_id}] status must be one of {sorted(_STATUSES)}")
    citation = table.get("citation", {})
    if any(not citation.get(language) for language in LANGUAGES):
        raise ValueError(f"{DATA.name}: [{table_id}] needs a citation in {', '.join(LANGUAGES)}")
    versions = sorted(table.get("in_force", []), key=lambda version: version["effective_from"])
    if not versions or not all(isinstance(version["effective_from"], date) for version in versions):
        raise ValueError(f"{DATA.name}: [{table_id}] needs dated in_force versions")
    return Rule(
        id=table_id,
        citation=MappingProxyType(dict(citation)),
        unconfirmed=table["status"] == "unconfirmed",
        versions=tuple(MappingProxyType(version) for version in versions),
    )


@functools.cache
def _load() -> tuple[str, Mapping[str, Rule]]:
    # parse_float=Decimal keeps 0.15 exact; integers are converted where they are read.
    with DATA.open("rb") as handle:
        data = tomllib.load(handle, parse_float=Decimal)
    rules = {key: _rule(key, value) for key, value in data.items() if isinstance(value, dict)}
    return str(data["version"]), MappingProxyType(rules)


def version() -> str:
    """The date of the newest law the data reflects."""
    return _load()[0]


def rule(rule_id: str) -> Rule:
    return _load()[1][rule_id]


def _number(rule_id: str, on: date, key: str) -> Decimal:
    return Decimal(rule(rule_id).in_force(on)[key])


def normal_hours(on: date, *, hazardous: bool) -> HoursLimit:
    prefix = "hazardous_" if hazardous else ""
    return HoursLimit(
        daily=_number("normal_hours", on, f"{prefix}daily"), weekly=_number("normal_hours", on, f"{prefix}weekly")
    )


def overtime_weekly_cap(on: date) -> Decimal:
    return _number("overtime_weekly_cap", on, "hours_per_week")


def hourly_minimum_divisor(on: date) -> Decimal:
    return _number("hourly_minimum_wage", on, "hours_per_day")


def monthly_hourly_days(on: date) -> Decimal:
    return _number("monthly_hourly_rate", on, "days_per_month")


def minimum_wage_days_per_month(on: date) -> Decimal:
    return _number("minimum_wage", on, "days_per_month")


def overtime_multiplier(on: date) -> Decimal:
    return _number("overtime_pay", on, "multiplier")


def holiday_multiplier(on: date, *, paid_for_holidays: bool) -> Decimal:
    key = "paid_holiday_multiplier" if paid_for_holidays else "unpaid_holiday_multiplier"
    return _number("holiday_pay", on, key)


def holiday_overtime_multiplier(on: date) -> Decimal:
    return _number("holiday_overtime_pay", on, "multiplier")


def max_days_worked_per_week(on: date) -> int:
    return int(rule("weekly_rest_day").in_force(on)["max_days_worked_per_week"])


def max_days_between_payments(on: date) -> int:
    return int(rule("wage_payment").in_force(on)["max_days_between_payments"])


def final_pay_days(on: date) -> int:
    return int(rule("final_pay").in_force(on)["days_after_dismissal"])


def deduction_rules(on: date) -> DeductionRules:
    version = rule("deductions").in_force(on)
    return DeductionRules(
        statutory=frozenset(version["statutory"]),
        capped=frozenset(version["capped"]),
        needs_consent=frozenset(version["needs_consent"]),
        cap_each=Decimal(version["cap_each"]),
        cap_total=Decimal(version["cap_total"]),
    )


def severance_tiers(on: date) -> tuple[SeveranceTier, ...]:
    """The tiers in force on the termination date, shortest service first."""
    tiers = rule("severance").in_force(on)["tiers"]
    return tuple(
        SeveranceTier(
            service_days=int(tier.get("service_days", 0)),
            service_years=int(tier.get("service_years", 0)),
            pay_days=int(tier["pay_days"]),
        )
        for tier in tiers
    )


def severance_due_days(on: date) -> int:
    return int(rule("severance").in_force(on)["days_after_termination"])


def late_interest(on: date) -> tuple[Decimal, Decimal]:
    """(rate per year, days per year) for a debt that fell due on `on`."""
    return _number("late_interest", on, "rate_per_year"), _number("late_interest", on, "days_per_year")


def wilful_surcharge(on: date) -> tuple[Decimal, int]:
    """(rate per full period, period length in days) for a debt that fell due on `on`."""
    return _number("wilful_surcharge", on, "rate_per_period"), int(_number("wilful_surcharge", on, "period_days"))


def document_holders_in_breach(on: date) -> frozenset[str]:
    return frozenset(rule("document_retention").in_force(on)["holders_in_breach"])


def recoverable_fee_kinds(on: date) -> frozenset[str]:
    """Fees the worker should not have paid and gets back; government fees (visa, permits) stay the worker's."""
    return frozenset(rule("recruitment_fees").in_force(on)["recoverable"])

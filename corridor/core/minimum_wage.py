"""Thailand's daily minimum wage by province and date, from data/thai_minimum_wage.csv.

Each general notification (No. 11 to 14) sets a province's rate from its effective date, for the whole
province or split by district, and replaces the previous one as a whole. Sector rows (hotels, entertainment
venues) come from separate clauses and notifications: they stand beside the general rate, never in its place.
Wage claims look up past periods, so every answer depends on the date asked about, not on today.
"""

from __future__ import annotations

import csv
import functools
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Literal, cast

DATA = Path(__file__).resolve().parent / "data" / "thai_minimum_wage.csv"

RateKind = Literal["general", "district", "sector"]
GENERAL: RateKind = "general"
_KINDS = frozenset({"general", "district", "sector"})


@dataclass(frozen=True, slots=True)
class WageRate:
    """One row of the data: a daily rate from a date, for the area or workplaces `area_scope` names."""

    province_code: str
    effective_date: date
    kind: RateKind
    area_scope: str  # the notification's wording, in English
    daily_rate: Decimal  # baht
    source: str

    @property
    def unconfirmed(self) -> bool:
        return "UNCONFIRMED" in self.source


@dataclass(frozen=True, slots=True)
class ProvinceRate:
    """Everything in force in one province on one date."""

    province_code: str
    effective_date: date  # of the general notification in force
    general: WageRate | None  # None when that notification splits the province by district
    districts: tuple[WageRate, ...]
    sectors: tuple[WageRate, ...]

    @property
    def area_rates(self) -> tuple[WageRate, ...]:
        """The rates that cover every workplace: the general one, or one per district."""
        return (self.general,) if self.general else self.districts

    @property
    def lowest(self) -> Decimal:
        return min(rate.daily_rate for rate in self.area_rates)

    @property
    def highest(self) -> Decimal:
        return max(rate.daily_rate for rate in self.area_rates)


@functools.cache
def _rates_by_province() -> dict[str, tuple[WageRate, ...]]:
    """Rows per province, oldest first."""
    by_province: dict[str, list[WageRate]] = defaultdict(list)
    with DATA.open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["kind"] not in _KINDS:
                raise ValueError(f"{DATA.name}: unknown kind {row['kind']!r}")
            by_province[row["iso_3166_2"]].append(
                WageRate(
                    province_code=row["iso_3166_2"],
                    effective_date=date.fromisoformat(row["effective_date"]),
                    kind=cast(RateKind, row["kind"]),
                    area_scope=row["area_scope"],
                    daily_rate=Decimal(row["daily_rate_thb"]),
                    source=row["source"],
                )
            )
    return {code: tuple(sorted(rates, key=lambda rate: rate.effective_date)) for code, rates in by_province.items()}


def province_rate(province_code: str, on: date) -> ProvinceRate | None:
    """The rates in force in a province on a date; None before its first notification or for an unknown code."""
    rates = [rate for rate in _rates_by_province().get(province_code, ()) if rate.effective_date <= on]
    notified = [rate for rate in rates if rate.kind != "sector"]
    if not notified:
        return None
    # The latest general notification replaces the earlier ones entirely: a province it splits by district
    # has no whole-province rate any more, even though an older row had one.
    since = max(rate.effective_date for rate in notified)
    current = [rate for rate in notified if rate.effective_date == since]
    sectors: dict[str, WageRate] = {}
    for rate in rates:
        if rate.kind == "sector":
            sectors[rate.area_scope] = rate  # oldest first, so a later row for the same scope replaces it
    return ProvinceRate(
        province_code=province_code,
        effective_date=since,
        general=next((rate for rate in current if rate.kind == "general"), None),
        districts=tuple(rate for rate in current if rate.kind == "district"),
        sectors=tuple(sectors.values()),
    )


def daily_minimum_wage(province_code: str, on: date, *, scope: str = GENERAL) -> Decimal | None:
    """The daily minimum wage in baht on a date.

    `scope="general"` asks for the whole-province rate: None where the province is split by district on
    that date (the answer then depends on the district). Any other `scope` is an `area_scope` exactly as
    written in the data (a district or a sector row, see `special_rates`). None before the first rate."""
    in_force = province_rate(province_code, on)
    if in_force is None:
        return None
    if scope == GENERAL:
        return in_force.general.daily_rate if in_force.general else None
    for rate in in_force.districts + in_force.sectors:
        if rate.area_scope == scope:
            return rate.daily_rate
    return None


def special_rates(province_code: str, on: date) -> list[WageRate]:
    """The partial-scope rates in force: district splits first, then rates for some sectors only."""
    in_force = province_rate(province_code, on)
    return [*in_force.districts, *in_force.sectors] if in_force else []


def rates_in_force(on: date) -> list[ProvinceRate]:
    """One entry per province that had a rate on that date, by ISO code."""
    in_force = (province_rate(code, on) for code in sorted(_rates_by_province()))
    return [rate for rate in in_force if rate is not None]

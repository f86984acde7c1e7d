"""Facts and claims as JSON for the database: dates as ISO strings, amounts as decimal strings, so a saved
claim reads back exactly as computed, with the citations it was computed under."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from corridor.rights.facts import (
    Basis,
    Claim,
    Deduction,
    DeductionPurpose,
    DocumentHolder,
    EmploymentFacts,
    FeeKind,
    Finding,
    LineItem,
    PayBasis,
    PayPeriod,
    RecruitmentFee,
    Termination,
)


def json_values(value: Any) -> Any:
    """Decimals as strings and dates as ISO text, all the way down: what the JSON columns hold."""
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: json_values(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [json_values(item) for item in value]
    return value


def facts_to_json(facts: EmploymentFacts) -> dict[str, Any]:
    plain: dict[str, Any] = json_values(asdict(facts))
    return plain


def facts_from_json(data: Mapping[str, Any]) -> EmploymentFacts:
    termination = data.get("termination")
    return EmploymentFacts(
        province_code=data["province_code"],
        wage_scope=data.get("wage_scope", "general"),
        hazardous=bool(data["hazardous"]),
        pay_basis=PayBasis(data["pay_basis"]),
        agreed_rate=Decimal(data["agreed_rate"]),
        employment_start=date.fromisoformat(data["employment_start"]),
        days_worked_per_week=int(data["days_worked_per_week"]),
        periods=tuple(
            PayPeriod(
                start=date.fromisoformat(period["start"]),
                end=date.fromisoformat(period["end"]),
                days_worked=int(period["days_worked"]),
                normal_hours_per_day=Decimal(period["normal_hours_per_day"]),
                overtime_hours=Decimal(period["overtime_hours"]),
                holiday_hours=Decimal(period["holiday_hours"]),
                holiday_overtime_hours=Decimal(period["holiday_overtime_hours"]),
                wages_paid=Decimal(period["wages_paid"]),
                overtime_paid=Decimal(period["overtime_paid"]),
                deductions=tuple(
                    Deduction(
                        purpose=DeductionPurpose(item["purpose"]),
                        amount=Decimal(item["amount"]),
                        consented=bool(item.get("consented")),
                    )
                    for item in period.get("deductions", [])
                ),
                consented_to_exceed_caps=bool(period.get("consented_to_exceed_caps")),
            )
            for period in data["periods"]
        ),
        documents_held_by=DocumentHolder(data["documents_held_by"]),
        recruitment_fees=tuple(
            RecruitmentFee(
                kind=FeeKind(fee["kind"]), amount=Decimal(fee["amount"]), paid_on=date.fromisoformat(fee["paid_on"])
            )
            for fee in data.get("recruitment_fees", [])
        ),
        termination=Termination(
            on=date.fromisoformat(termination["on"]),
            by_employer=bool(termination["by_employer"]),
            serious_misconduct=bool(termination["serious_misconduct"]),
            severance_paid=Decimal(termination["severance_paid"]),
        )
        if termination
        else None,
        wilful_nonpayment=bool(data.get("wilful_nonpayment")),
        as_of=date.fromisoformat(data["as_of"]),
    )


def claim_to_json(claim: Claim) -> dict[str, Any]:
    plain: dict[str, Any] = json_values(asdict(claim))
    return plain


@dataclass(frozen=True)
class StoredClaim:
    findings: tuple[Finding, ...]
    lines: tuple[LineItem, ...]
    total: Decimal
    law_version: str
    wage_rates: tuple[Mapping[str, Any], ...]


def _basis(data: Mapping[str, Any]) -> Basis:
    return Basis(rule_id=data["rule_id"], citation=dict(data["citation"]), unconfirmed=bool(data["unconfirmed"]))


def claim_from_json(data: Mapping[str, Any]) -> StoredClaim:
    return StoredClaim(
        findings=tuple(
            Finding(
                code=item["code"],
                basis=_basis(item["basis"]),
                violation_code=item["violation_code"],
                period_index=item["period_index"],
                params=dict(item["params"]),
            )
            for item in data["findings"]
        ),
        lines=tuple(
            LineItem(
                code=item["code"],
                basis=_basis(item["basis"]),
                amount=Decimal(item["amount"]),
                period_index=item["period_index"],
                params=dict(item["params"]),
                due_on=date.fromisoformat(item["due_on"]),
            )
            for item in data["lines"]
        ),
        total=Decimal(data["total"]),
        law_version=data["law_version"],
        wage_rates=tuple(data.get("wage_rates", ())),
    )

"""The rules file: dated versions, citations in three languages, and the flags on what nobody has checked."""

from datetime import date
from decimal import Decimal

import pytest

from corridor.rights import law

RULES = (
    "normal_hours",
    "overtime_weekly_cap",
    "hourly_minimum_wage",
    "monthly_hourly_rate",
    "overtime_pay",
    "holiday_pay",
    "holiday_overtime_pay",
    "weekly_rest_day",
    "wage_payment",
    "final_pay",
    "deductions",
    "minimum_wage",
    "severance",
    "serious_misconduct",
    "late_interest",
    "wilful_surcharge",
    "document_retention",
    "recruitment_fees",
)


def test_it_has_every_rule_with_a_citation_in_english_khmer_and_thai():
    for rule_id in RULES:
        rule = law.rule(rule_id)
        assert rule.id == rule_id
        assert all(rule.citation[language].strip() for language in ("en", "km", "th")), rule_id
    assert law.version() == "2025-12-07"


def test_it_keeps_the_unconfirmed_rules_flagged():
    unconfirmed = {rule_id for rule_id in RULES if law.rule(rule_id).unconfirmed}
    assert unconfirmed == {
        "overtime_weekly_cap",
        "hourly_minimum_wage",
        "minimum_wage",
        "serious_misconduct",
        "recruitment_fees",
    }


def test_it_gives_the_numbers_in_force_on_a_date():
    on = date(2025, 7, 1)
    assert (law.normal_hours(on, hazardous=False).daily, law.normal_hours(on, hazardous=False).weekly) == (8, 48)
    assert (law.normal_hours(on, hazardous=True).daily, law.normal_hours(on, hazardous=True).weekly) == (7, 42)
    assert law.overtime_weekly_cap(on) == 36
    assert law.overtime_multiplier(on) == Decimal("1.5")
    assert law.holiday_multiplier(on, paid_for_holidays=True) == 1
    assert law.holiday_multiplier(on, paid_for_holidays=False) == 2
    assert law.holiday_overtime_multiplier(on) == 3
    assert law.late_interest(on) == (Decimal("0.15"), 365)
    assert law.wilful_surcharge(on) == (Decimal("0.15"), 7)
    assert law.final_pay_days(on) == 3
    rules = law.deduction_rules(on)
    assert (rules.cap_each, rules.cap_total) == (Decimal("0.10"), Decimal("0.20"))


def test_it_refuses_a_date_before_a_rule_existed():
    with pytest.raises(LookupError):
        law.recoverable_fee_kinds(date(2017, 6, 22))

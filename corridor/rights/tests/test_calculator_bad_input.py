"""Facts that cannot be worked out: every problem is reported at once, on the field it concerns, in words the
person filling in the form knows."""

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from django.utils import translation

from corridor.rights.calculator import compute, validate
from corridor.rights.facts import Deduction, DeductionPurpose, FactError, FeeKind, InvalidFacts, RecruitmentFee
from corridor.rights.tests import CHIANG_MAI, RAYONG, dismissal, facts, month, period

VALID = facts(month(2025, 6), month(2025, 7), employment_start=date(2025, 1, 6), as_of=date(2025, 9, 30))


def problems(changed) -> dict[str, str]:
    with translation.override("en"):
        return {error.field: str(error) for error in validate(changed)}


def with_period(**values: object):
    return replace(VALID, periods=(replace(VALID.periods[0], **values), VALID.periods[1]))


def test_it_accepts_valid_facts():
    assert validate(VALID) == []


def test_it_rejects_a_period_that_ends_before_it_starts():
    assert problems(with_period(end=date(2025, 5, 31))) == {
        "periods.0.end": "Pay period 1: the end is before the start."
    }


def test_it_rejects_a_period_before_the_job_started():
    assert problems(replace(VALID, employment_start=date(2025, 6, 15))) == {
        "periods.0.start": "Pay period 1 starts before the job started (June 15, 2025)."
    }


def test_it_rejects_negative_amounts_and_hours():
    changed = with_period(
        days_worked=-1,
        overtime_hours=Decimal(-2),
        wages_paid=Decimal(-5),
        deductions=(Deduction(purpose=DeductionPurpose.FINE, amount=Decimal(-1)),),
    )
    assert problems(changed) == {
        "periods.0.days_worked": "Pay period 1: days worked cannot be less than 0.",
        "periods.0.overtime_hours": "Pay period 1: overtime hours cannot be less than 0.",
        "periods.0.wages_paid": "Pay period 1: pay received cannot be less than 0.",
        "periods.0.deductions.0.amount": "Pay period 1: deduction 1 cannot be less than 0.",
    }


def test_it_rejects_more_days_worked_than_the_period_has():
    assert problems(with_period(days_worked=31)) == {
        "periods.0.days_worked": "Pay period 1: 31 days worked, but the period has only 30 days."
    }


def test_it_rejects_more_than_24_hours_of_work_a_day():
    assert problems(with_period(days_worked=10, overtime_hours=Decimal(161))) == {
        "periods.0.overtime_hours": "Pay period 1: normal hours and overtime come to more than 24 hours a day."
    }
    assert validate(with_period(days_worked=10, overtime_hours=Decimal(160))) == []


def test_it_rejects_a_period_with_no_normal_hours():
    assert list(problems(with_period(normal_hours_per_day=Decimal(0)))) == ["periods.0.normal_hours_per_day"]


def test_it_rejects_days_worked_a_week_outside_one_to_seven():
    for days in (0, 8):
        assert problems(replace(VALID, days_worked_per_week=days)) == {
            "days_worked_per_week": "Days worked a week must be between 1 and 7."
        }


def test_it_rejects_an_unknown_province():
    assert problems(replace(VALID, province_code="KH-12")) == {
        "province_code": "We have no minimum wage for the province KH-12."
    }


def test_it_rejects_dates_before_the_minimum_wage_table_starts():
    early = facts(month(2022, 9), province=RAYONG, as_of=date(2023, 1, 1))
    assert problems(early) == {"periods.0.start": "No minimum wage is recorded for Rayong before Oct. 1, 2022."}


def test_it_names_the_province_in_the_reader_s_language():
    (error,) = validate(facts(month(2022, 9), province=RAYONG, as_of=date(2023, 1, 1)))
    with translation.override("th"):
        assert "ระยอง" in str(error)
    with translation.override("en"):
        assert "Rayong" in str(error)


def test_it_asks_for_the_district_where_the_province_is_split():
    assert problems(facts(month(2025, 3), province=CHIANG_MAI)) == {
        "wage_scope": "In Chiang Mai the minimum wage depends on the district from March 1, 2025: choose the district."
    }
    assert validate(facts(month(2024, 12), province=CHIANG_MAI)) == []  # one rate for the province then


def test_it_rejects_a_wage_scope_the_province_does_not_have():
    assert problems(replace(VALID, wage_scope="Pattaya City only")) == {
        "wage_scope": "Bangkok has no separate minimum wage for “Pattaya City only”."
    }


def test_it_rejects_a_termination_before_the_job_started():
    changed = replace(VALID, periods=(), termination=dismissal(date(2025, 1, 5)))
    assert problems(changed) == {"termination.on": "The job cannot end before it started."}


def test_it_rejects_a_claim_dated_before_the_job_started():
    changed = replace(
        VALID,
        periods=(),
        termination=None,
        as_of=date(2025, 1, 5),
        recruitment_fees=(RecruitmentFee(kind=FeeKind.SERVICE, amount=Decimal(100), paid_on=date(2025, 1, 1)),),
    )
    assert problems(changed) == {"as_of": "The date of the claim is before the job started."}


def test_it_rejects_an_agreed_rate_of_zero():
    assert problems(replace(VALID, agreed_rate=Decimal(0))) == {"agreed_rate": "The agreed pay must be more than 0."}


def test_it_rejects_facts_with_nothing_to_work_out():
    assert problems(replace(VALID, periods=())) == {
        "periods": "There is nothing to work out: add a pay period, the end of the job or a fee paid."
    }


def test_it_rejects_pay_periods_that_overlap():
    changed = replace(VALID, periods=(*VALID.periods, period(date(2025, 7, 15), date(2025, 8, 14))))
    assert problems(changed) == {"periods.2.start": "Pay period 3 overlaps pay period 2."}


def test_it_rejects_periods_and_fees_after_the_date_of_the_claim():
    late_fee = RecruitmentFee(kind=FeeKind.SERVICE, amount=Decimal(100), paid_on=date(2025, 10, 1))
    changed = replace(VALID, as_of=date(2025, 7, 30), recruitment_fees=(late_fee,))
    assert problems(changed) == {
        "periods.1.end": "Pay period 2 ends after the date of the claim (July 30, 2025).",
        "recruitment_fees.0.paid_on": "Fee 1 was paid after the date of the claim.",
    }


def test_it_reports_every_problem_at_once_when_computing():
    changed = replace(with_period(days_worked=-1), agreed_rate=Decimal(0), days_worked_per_week=9)
    with pytest.raises(InvalidFacts) as raised:
        compute(changed)
    assert all(isinstance(error, FactError) for error in raised.value.exceptions)
    assert sorted(error.field for error in raised.value.exceptions) == [
        "agreed_rate",
        "days_worked_per_week",
        "periods.0.days_worked",
    ]


def test_it_refuses_a_claim_dated_beyond_2100_instead_of_overflowing():
    from corridor.rights.calculator import compute
    from corridor.rights.facts import InvalidFacts

    far = facts(period(date(2025, 1, 1), date(2025, 1, 31), wages_paid=0), as_of=date(9999, 12, 31))
    with pytest.raises(InvalidFacts) as raised:
        compute(far)
    assert [error.field for error in raised.value.exceptions] == ["as_of"]

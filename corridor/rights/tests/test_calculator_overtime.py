"""Overtime, holiday work and holiday overtime at the legal multiples of the hourly rate."""

from datetime import date
from decimal import Decimal

from corridor.rights.calculator import compute
from corridor.rights.facts import PayBasis
from corridor.rights.tests import amounts, facts, finding_codes, lines, month, period


def test_it_pays_overtime_at_one_and_a_half_times_the_hourly_rate():
    # Bangkok, July 2025: 400 / 8 = 50 an hour; 10 hours x 50 x 1.5 = 750.
    claim = compute(facts(month(2025, 7, overtime=10, wages_paid=26 * 400)))
    assert amounts(claim, "overtime_and_holiday") == [Decimal("750.00")]
    assert finding_codes(claim) == ["unpaid_overtime"]
    assert claim.findings[0].violation_code == "LR-UNPAID-OVERTIME"
    assert claim.lines[0].basis.rule_id == "overtime_pay"


def test_it_takes_the_hourly_rate_from_the_agreed_pay_when_it_is_higher():
    claim = compute(facts(month(2025, 7, overtime=10, wages_paid=26 * 480), agreed_rate=480))
    assert amounts(claim, "overtime_and_holiday") == [Decimal("900.00")]  # 480 / 8 = 60; 10 x 60 x 1.5


def test_it_takes_the_hourly_rate_from_the_minimum_when_the_agreed_pay_is_lower():
    claim = compute(facts(month(2025, 7, overtime=10, wages_paid=26 * 400), agreed_rate=300))
    assert amounts(claim, "overtime_and_holiday") == [Decimal("750.00")]


def test_it_divides_by_the_shorter_normal_day():
    # A 6-hour day at 400: 66.67 an hour. 6 hours x 400/6 x 1.5 = 600.
    claim = compute(facts(month(2025, 7, normal_hours=6, overtime=6, wages_paid=26 * 400)))
    assert amounts(claim, "overtime_and_holiday") == [Decimal("600.00")]


def test_it_pays_holiday_work_twice_the_hourly_rate_to_a_daily_paid_worker():
    claim = compute(facts(month(2025, 7, holiday=8, wages_paid=26 * 400)))
    assert amounts(claim, "overtime_and_holiday") == [Decimal("800.00")]  # 8 x 50 x 2
    assert finding_codes(claim) == ["holiday_pay"]
    assert claim.lines[0].basis.rule_id == "holiday_pay"


def test_it_pays_holiday_work_once_extra_to_a_monthly_paid_worker():
    # 15,000 a month / (30 x 8) = 62.50 an hour (s.68); the holiday itself is already paid in the salary.
    claim = compute(facts(month(2025, 7, holiday=8, wages_paid=15000), pay_basis=PayBasis.MONTHLY, agreed_rate=15000))
    assert amounts(claim, "overtime_and_holiday") == [Decimal("500.00")]


def test_it_pays_holiday_overtime_three_times_the_hourly_rate():
    claim = compute(facts(month(2025, 7, holiday_overtime=4, wages_paid=26 * 400)))
    assert amounts(claim, "overtime_and_holiday") == [Decimal("600.00")]
    assert claim.lines[0].basis.rule_id == "holiday_overtime_pay"
    assert finding_codes(claim) == ["unpaid_overtime"]


def test_it_counts_normal_hours_beyond_the_legal_day_as_overtime():
    # A 10-hour "normal" day: 2 hours a day are overtime. 26 days x 2 = 52 hours x 50 x 1.5 = 3,900.
    claim = compute(facts(month(2025, 7, normal_hours=10, wages_paid=26 * 400)))
    assert amounts(claim, "overtime_and_holiday") == [Decimal("3900.00")]
    assert lines(claim, "overtime_and_holiday")[0].params["overtime_hours"] == "52"


def test_it_uses_a_seven_hour_day_for_hazardous_work():
    # Hazardous: 400 / 7 an hour, and the 8th hour of each of 26 days is overtime: 26 x 400/7 x 1.5 = 2,228.57.
    claim = compute(facts(month(2025, 7, normal_hours=8, wages_paid=26 * 400), hazardous=True))
    assert amounts(claim, "overtime_and_holiday") == [Decimal("2228.57")]


def test_it_uses_the_monthly_hourly_rate_of_section_68():
    claim = compute(facts(month(2025, 7, overtime=10, wages_paid=18000), pay_basis=PayBasis.MONTHLY, agreed_rate=18000))
    assert amounts(claim, "overtime_and_holiday") == [Decimal("1125.00")]  # 18,000 / 240 = 75; x 1.5 x 10


def test_it_keeps_a_low_salary_hourly_rate_at_the_hourly_minimum():
    # 9,000 / 240 = 37.50 an hour, below 400 / 8 = 50.
    claim = compute(facts(month(2025, 7, overtime=10, wages_paid=12000), pay_basis=PayBasis.MONTHLY, agreed_rate=9000))
    assert amounts(claim, "overtime_and_holiday") == [Decimal("750.00")]
    assert claim.findings[-1].basis.rule_id == "overtime_pay"


def test_it_subtracts_what_was_paid_for_extra_hours():
    claim = compute(facts(month(2025, 7, overtime=10, holiday=8, wages_paid=26 * 400, overtime_paid=1000)))
    assert amounts(claim, "overtime_and_holiday") == [Decimal("550.00")]  # 750 + 800 - 1,000


def test_it_owes_nothing_when_extra_hours_were_paid_in_full():
    claim = compute(facts(month(2025, 7, overtime=10, wages_paid=26 * 400, overtime_paid=750)))
    assert claim.lines == ()
    assert claim.findings == ()


def test_it_spreads_extra_hours_over_a_rate_change_by_calendar_days():
    # 16 Jun - 15 Jul 2025: half the hours at 372 / 8 = 46.50, half at 50. 20 hours: 10 x 46.5 x 1.5 + 10 x 50 x 1.5.
    claim = compute(
        facts(period(date(2025, 6, 16), date(2025, 7, 15), overtime=20, wages_paid=13 * 372 + 13 * 400), agreed_rate=1)
    )
    assert amounts(claim, "overtime_and_holiday") == [Decimal("1447.50")]
    assert lines(claim, "overtime_and_holiday")[0].params["hourly_rate_low"] == "46.5"

"""Working time, the weekly rest day and pay frequency: findings without money of their own."""

from datetime import date

from corridor.rights.calculator import compute
from corridor.rights.tests import facts, finding_codes, month, period

PAID = 26 * 400  # Bangkok, July 2025, 26 days at 400


def test_it_finds_nothing_at_legal_hours():
    claim = compute(facts(month(2025, 7, wages_paid=PAID, overtime=20, overtime_paid=1500)))
    assert claim.findings == ()


def test_it_flags_a_normal_day_longer_than_eight_hours():
    claim = compute(facts(month(2025, 7, normal_hours=9, wages_paid=PAID, overtime_paid=26 * 75)))
    assert finding_codes(claim) == ["hours_over_daily_limit", "hours_over_weekly_limit"]
    finding = claim.findings[0]
    assert finding.violation_code == "LR-EXCESSIVE-HOURS"
    assert (finding.params["hours"], finding.params["limit"]) == ("9", "8")


def test_it_flags_a_normal_day_longer_than_seven_hours_in_hazardous_work():
    claim = compute(facts(month(2025, 7, normal_hours=8, wages_paid=PAID), hazardous=True))
    assert "hours_over_daily_limit" in finding_codes(claim)
    assert "hours_over_weekly_limit" in finding_codes(claim)  # 8 x 6 = 48 > 42


def test_it_flags_a_normal_week_longer_than_forty_eight_hours():
    claim = compute(facts(month(2025, 7, normal_hours=8, days_worked=27, wages_paid=27 * 400), days_worked_per_week=7))
    assert finding_codes(claim) == ["hours_over_weekly_limit", "no_weekly_rest_day"]
    assert claim.findings[0].params["hours"] == "56"


def test_it_flags_more_than_thirty_six_hours_of_overtime_and_holiday_work_a_week():
    # 28 days = 4 weeks; 120 + 20 + 5 = 145 hours = 36.25 a week.
    four_weeks = period(
        date(2025, 7, 1), date(2025, 7, 28), days_worked=24, overtime=120, holiday=20, holiday_overtime=5
    )
    claim = compute(facts(four_weeks))
    cap = [finding for finding in claim.findings if finding.code == "overtime_over_weekly_cap"]
    assert len(cap) == 1
    assert cap[0].params["hours"] == "36.25"
    assert cap[0].basis.unconfirmed  # the regulation's number was not verified


def test_it_allows_exactly_thirty_six_hours_a_week():
    four_weeks = period(date(2025, 7, 1), date(2025, 7, 28), days_worked=24, overtime=144)
    assert "overtime_over_weekly_cap" not in finding_codes(compute(facts(four_weeks)))


def test_it_counts_normal_hours_beyond_the_legal_day_towards_the_weekly_overtime_cap():
    # 12-hour "normal" days, 6 a week: 4 x 24 = 96 hours over 4 weeks, plus 60 overtime: 39 a week.
    four_weeks = period(date(2025, 7, 1), date(2025, 7, 28), days_worked=24, normal_hours=12, overtime=60)
    assert "overtime_over_weekly_cap" in finding_codes(compute(facts(four_weeks)))


def test_it_flags_seven_working_days_a_week():
    claim = compute(facts(month(2025, 7, wages_paid=PAID), days_worked_per_week=7))
    assert finding_codes(claim) == ["hours_over_weekly_limit", "no_weekly_rest_day"]
    rest = claim.findings[1]
    assert rest.violation_code == "LR-NO-REST-DAY"
    assert rest.basis.citation["en"] == "Labour Protection Act B.E. 2541, s.28"
    assert rest.period_index is None


def test_it_flags_pay_periods_longer_than_a_month():
    six_weeks = period(date(2025, 7, 1), date(2025, 8, 11), days_worked=36, wages_paid=36 * 400)
    claim = compute(facts(six_weeks))
    assert finding_codes(claim) == ["pay_less_than_monthly"]
    assert claim.findings[0].params["days"] == "42"
    assert claim.lines == ()


def test_it_accepts_a_thirty_one_day_month():
    assert compute(facts(month(2025, 7, wages_paid=PAID))).findings == ()

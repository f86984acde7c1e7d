"""Basic pay against the minimum wage in force on each day of the period, for the worker's area."""

from datetime import date
from decimal import Decimal

from corridor.rights.calculator import compute
from corridor.rights.facts import PayBasis
from corridor.rights.tests import BANGKOK, CHIANG_MAI, amounts, facts, finding_codes, month, period

HOTELS_IN_BANGKOK = (
    "hotels certified 4-star or above with at least 50 employees; Pathum Wan and Watthana districts only"
)
MUEANG_CHIANG_MAI = "Mueang Chiang Mai district only"


def test_it_tops_daily_pay_up_to_the_minimum_wage():
    # Bangkok, June 2025: 372 a day. 26 days at 350 = 9,100 paid; 26 x 372 = 9,672 due.
    claim = compute(facts(month(2025, 6, days_worked=26, wages_paid=9100), agreed_rate=350))
    assert amounts(claim, "basic_wages") == [Decimal("572.00")]
    assert finding_codes(claim) == ["below_minimum_wage"]
    finding = claim.findings[0]
    assert finding.violation_code == "LR-BELOW-MINIMUM-WAGE"
    assert finding.basis.rule_id == "minimum_wage"
    assert finding.basis.unconfirmed  # s.90 wording was not checked
    assert finding.params["paid_per_day"] == "350"
    assert finding.params["minimum_high"] == "372"


def test_it_splits_a_period_at_a_rate_change():
    # 16 Jun - 15 Jul 2025: 15 days at 372 and 15 at 400; 26 days worked split 13 / 13.
    claim = compute(facts(period(date(2025, 6, 16), date(2025, 7, 15), days_worked=26), agreed_rate=300))
    assert amounts(claim, "basic_wages") == [Decimal(13 * 372 + 13 * 400)]
    assert [rate.daily_rate for rate in claim.wage_rates] == [Decimal(372), Decimal(400)]


def test_it_gives_the_odd_day_to_the_largest_remainder():
    # 20 Jun - 19 Jul 2025: 11 days at 372, 19 at 400. 25 days worked: quotas 9.17 and 15.83, so 9 and 16.
    claim = compute(facts(period(date(2025, 6, 20), date(2025, 7, 19), days_worked=25), agreed_rate=1))
    assert amounts(claim, "basic_wages") == [Decimal(9 * 372 + 16 * 400)]


def test_it_gives_a_tied_day_to_the_higher_minimum():
    # 16 Jun - 15 Jul 2025, 25 days worked: quotas 12.5 and 12.5; the tie goes to July's 400.
    claim = compute(facts(period(date(2025, 6, 16), date(2025, 7, 15), days_worked=25), agreed_rate=1))
    assert amounts(claim, "basic_wages") == [Decimal(12 * 372 + 13 * 400)]


def test_it_does_not_flag_a_split_period_paid_what_each_day_was_due():
    # Paid 13 x 372 + 13 x 400 = 10,036, an average of 386 a day: below July's 400, but nothing is short.
    claim = compute(
        facts(period(date(2025, 6, 16), date(2025, 7, 15), days_worked=26, wages_paid=10036), agreed_rate=1)
    )
    assert claim.lines == ()
    assert claim.findings == ()


def test_it_calls_a_shortfall_above_the_minimum_unpaid_wages():
    claim = compute(facts(month(2025, 7, days_worked=20, wages_paid=8000), agreed_rate=500))
    assert amounts(claim, "basic_wages") == [Decimal("2000.00")]
    assert finding_codes(claim) == ["unpaid_wages"]
    assert claim.findings[0].violation_code == "LR-UNPAID-WAGES"
    assert claim.findings[0].basis.rule_id == "wage_payment"


def test_it_compares_a_monthly_salary_with_thirty_days_of_minimum_wage():
    # Bangkok, July 2025: 30 x 400 = 12,000 a month; 10,000 agreed and paid.
    claim = compute(facts(month(2025, 7, wages_paid=10000), pay_basis=PayBasis.MONTHLY, agreed_rate=10000))
    assert amounts(claim, "basic_wages") == [Decimal("2000.00")]
    assert finding_codes(claim) == ["below_minimum_wage"]


def test_it_pays_a_whole_salary_for_any_calendar_month():
    # February has 28 days, but a month's salary is a month's salary.
    claim = compute(facts(month(2025, 2, wages_paid=14000), pay_basis=PayBasis.MONTHLY, agreed_rate=15000))
    assert amounts(claim, "basic_wages") == [Decimal("1000.00")]


def test_it_prorates_a_salary_by_thirty_days_for_a_part_month():
    part = period(date(2025, 7, 1), date(2025, 7, 15), days_worked=13)
    claim = compute(facts(part, pay_basis=PayBasis.MONTHLY, agreed_rate=15000))
    assert amounts(claim, "basic_wages") == [Decimal("7500.00")]  # 15,000 x 15 / 30


def test_it_uses_the_district_rate_where_the_province_is_split():
    # Chiang Mai has no whole-province rate from 2025; Mueang Chiang Mai district: 380.
    claim = compute(facts(month(2025, 3, days_worked=20), province=CHIANG_MAI, scope=MUEANG_CHIANG_MAI))
    assert amounts(claim, "basic_wages") == [Decimal(20 * 400)]  # agreed 400 is above 380
    claim = compute(facts(month(2025, 3, days_worked=20), province=CHIANG_MAI, scope=MUEANG_CHIANG_MAI, agreed_rate=1))
    assert amounts(claim, "basic_wages") == [Decimal(20 * 380)]


def test_it_uses_the_hotel_rate_for_a_hotel_in_its_area():
    # May 2024: Bangkok's general rate is 363, 4-star hotels in Pathum Wan and Watthana pay at least 400.
    claim = compute(facts(month(2024, 5, days_worked=10), scope=HOTELS_IN_BANGKOK, agreed_rate=1))
    assert amounts(claim, "basic_wages") == [Decimal(4000)]
    assert claim.wage_rates[0].area_scope == HOTELS_IN_BANGKOK


def test_it_uses_the_general_rate_before_the_hotel_rate_existed():
    claim = compute(
        facts(month(2024, 3, days_worked=10), scope=HOTELS_IN_BANGKOK, agreed_rate=1, as_of=date(2024, 5, 1))
    )
    assert amounts(claim, "basic_wages") == [Decimal(3630)]


def test_it_names_the_notifications_it_used():
    claim = compute(facts(month(2025, 6), month(2025, 7), agreed_rate=1, province=BANGKOK))
    assert [(rate.start, rate.end, rate.daily_rate) for rate in claim.wage_rates] == [
        (date(2025, 6, 1), date(2025, 6, 30), Decimal(372)),
        (date(2025, 7, 1), date(2025, 7, 31), Decimal(400)),
    ]
    assert "No. 13" in claim.wage_rates[0].source
    assert "No. 14" in claim.wage_rates[1].source
    assert not claim.wage_rates_unconfirmed

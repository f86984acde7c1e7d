"""Severance pay on dismissal by length of service (s.118), at the last daily wage rate."""

from datetime import date
from decimal import Decimal

from corridor.rights import law
from corridor.rights.calculator import compute
from corridor.rights.facts import PayBasis, Termination
from corridor.rights.tests import amounts, dismissal, facts, finding_codes, lines, month

DISMISSED = date(2025, 7, 31)  # Bangkok: 400 a day


def severance(employment_start: date, **values: object) -> list[Decimal]:
    rate = values.pop("agreed_rate", 500)
    pay_basis = values.pop("pay_basis", PayBasis.DAILY)
    termination = dismissal(DISMISSED, **values)  # type: ignore[arg-type]
    claim = compute(
        facts(termination=termination, employment_start=employment_start, agreed_rate=rate, pay_basis=pay_basis)
    )
    return amounts(claim, "severance")


def test_it_pays_nothing_for_less_than_120_days():
    assert severance(DISMISSED.replace(month=4, day=3)) == []  # 119 days


def test_it_pays_30_days_from_120_days_of_service():
    assert severance(date(2025, 4, 2)) == [Decimal("15000.00")]  # 120 days: 30 days x 500


def test_it_pays_by_full_years_of_service():
    assert severance(date(2024, 8, 1)) == [Decimal(30 * 500)]  # one day short of a year
    assert severance(date(2024, 7, 31)) == [Decimal(90 * 500)]
    assert severance(date(2022, 7, 31)) == [Decimal(180 * 500)]
    assert severance(date(2019, 7, 31)) == [Decimal(240 * 500)]
    assert severance(date(2015, 7, 31)) == [Decimal(300 * 500)]
    assert severance(date(2005, 8, 1)) == [Decimal(300 * 500)]
    assert severance(date(2005, 7, 31)) == [Decimal(400 * 500)]


def test_it_uses_the_tiers_in_force_on_the_termination_date():
    # The 400-day tier for 20 years came with LPA No. 7 on 5 May 2019.
    assert [tier.pay_days for tier in law.severance_tiers(date(2019, 5, 4))] == [30, 90, 180, 240, 300]
    assert [tier.pay_days for tier in law.severance_tiers(date(2019, 5, 5))] == [30, 90, 180, 240, 300, 400]


def test_it_pays_at_least_the_minimum_wage_rate():
    assert severance(date(2024, 7, 31), agreed_rate=300) == [Decimal(90 * 400)]


def test_it_takes_a_monthly_salary_as_thirty_days():
    assert severance(date(2024, 7, 31), agreed_rate=15000, pay_basis=PayBasis.MONTHLY) == [Decimal(90 * 500)]


def test_it_subtracts_severance_already_paid():
    assert severance(date(2024, 7, 31), severance_paid=40000) == [Decimal(5000)]
    assert severance(date(2024, 7, 31), severance_paid=45000) == []


def test_it_pays_nothing_after_serious_misconduct_or_resignation():
    assert severance(date(2024, 7, 31), serious_misconduct=True) == []
    resigned = Termination(on=DISMISSED, by_employer=False, serious_misconduct=False, severance_paid=Decimal(0))
    assert compute(facts(month(2025, 7, wages_paid=26 * 400), termination=resigned)).lines == ()


def test_it_makes_severance_due_on_the_termination_date():
    claim = compute(facts(termination=dismissal(DISMISSED), employment_start=date(2024, 7, 31)))
    line = lines(claim, "severance")[0]
    assert line.due_on == DISMISSED
    assert line.basis.citation["en"] == "Labour Protection Act B.E. 2541, s.118"
    assert finding_codes(claim) == ["severance_unpaid"]
    assert claim.findings[0].violation_code == "LR-UNFAIR-DISMISSAL"


def test_it_makes_the_final_pay_due_three_days_after_a_dismissal():
    claim = compute(
        facts(month(2025, 6), month(2025, 7), termination=dismissal(DISMISSED), employment_start=date(2025, 6, 1))
    )
    assert [line.due_on for line in lines(claim, "basic_wages")] == [date(2025, 6, 30), date(2025, 8, 3)]

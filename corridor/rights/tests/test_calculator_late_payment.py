"""Interest of 15% a year on late wages (s.9 para 1), and 15% more per full week when withheld on purpose (para 2)."""

from datetime import date, timedelta
from decimal import Decimal

from corridor.rights.calculator import compute
from corridor.rights.tests import dismissal, facts, lines, month

JULY_END = date(2025, 7, 31)


def unpaid_july(as_of: date, *, wilful: bool = False):
    """July 2025 in Bangkok, 10 days at 400 not paid: 4,000 owed from 31 July."""
    return compute(facts(month(2025, 7, days_worked=10), as_of=as_of, wilful_nonpayment=wilful))


def test_it_charges_no_interest_on_the_due_date():
    assert [line.code for line in unpaid_july(JULY_END).lines] == ["basic_wages"]


def test_it_charges_interest_by_the_day_at_fifteen_percent_a_year():
    claim = unpaid_july(JULY_END + timedelta(days=365))
    interest = lines(claim, "late_interest")
    assert [line.amount for line in interest] == [Decimal("600.00")]
    assert interest[0].params["days"] == "365"
    assert interest[0].params["source"] == "basic_wages"
    assert interest[0].basis.citation["en"] == "Labour Protection Act B.E. 2541, s.9 para 1"
    # 4,000 x 0.15 x 10 / 365 = 16.438...
    assert [line.amount for line in lines(unpaid_july(JULY_END + timedelta(days=10)), "late_interest")] == [
        Decimal("16.44")
    ]


def test_it_charges_interest_on_each_wage_line_separately():
    claim = compute(
        facts(
            month(2025, 6, days_worked=10),
            month(2025, 7, days_worked=10, overtime=10),
            as_of=date(2025, 8, 30),
        )
    )
    # June's 4,000 from 30 June: x 0.15 x 61 / 365 = 100.27. From 31 July, 30 days: July's 4,000 -> 49.32 and
    # its 750 of overtime -> 9.25.
    assert [(line.params["source"], line.amount) for line in lines(claim, "late_interest")] == [
        ("basic_wages", Decimal("100.27")),
        ("basic_wages", Decimal("49.32")),
        ("overtime_and_holiday", Decimal("9.25")),
    ]


def test_it_charges_no_surcharge_unless_the_employer_withheld_pay_on_purpose():
    assert lines(unpaid_july(JULY_END + timedelta(days=60)), "wilful_surcharge") == []


def test_it_charges_no_surcharge_in_the_first_seven_days():
    assert lines(unpaid_july(JULY_END + timedelta(days=7), wilful=True), "wilful_surcharge") == []


def test_it_adds_fifteen_percent_for_each_full_week_late():
    surcharge = lines(unpaid_july(JULY_END + timedelta(days=8), wilful=True), "wilful_surcharge")
    assert [line.amount for line in surcharge] == [Decimal("600.00")]
    assert surcharge[0].params["periods"] == "1"
    assert surcharge[0].basis.citation["en"] == "Labour Protection Act B.E. 2541, s.9 para 2"
    surcharge = lines(unpaid_july(JULY_END + timedelta(days=20), wilful=True), "wilful_surcharge")
    assert [line.amount for line in surcharge] == [Decimal("1200.00")]  # 2 full weeks


def test_it_counts_late_final_pay_from_three_days_after_the_dismissal():
    claim = compute(
        facts(
            month(2025, 7, days_worked=10),
            termination=dismissal(JULY_END),
            employment_start=date(2025, 7, 1),
            as_of=date(2025, 8, 13),
        )
    )
    interest = lines(claim, "late_interest")
    assert [(line.params["from"], line.params["days"]) for line in interest] == [("2025-08-03", "10")]


def test_it_adds_everything_up():
    claim = unpaid_july(JULY_END + timedelta(days=365), wilful=True)
    assert [line.amount for line in claim.lines] == [Decimal(4000), Decimal(600), Decimal(31200)]  # 52 weeks
    assert claim.total == Decimal("35800.00")

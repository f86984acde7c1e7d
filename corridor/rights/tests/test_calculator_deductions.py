"""Deductions from pay: only the kinds s.76 allows, with consent where it asks for it, within 10% each and 20% in
all of the amount due."""

from decimal import Decimal

from corridor.rights.calculator import compute
from corridor.rights.facts import Deduction, DeductionPurpose
from corridor.rights.tests import amounts, facts, finding_codes, lines, month

FULL_PAY = 25 * 400  # Bangkok, July 2025: 25 days x 400, paid in full


def deducted(*deductions: Deduction, consented_to_exceed_caps: bool = False, **values: object):
    pay = {"days_worked": 25, "wages_paid": FULL_PAY, **values}
    return compute(
        facts(month(2025, 7, deductions=deductions, consented_to_exceed_caps=consented_to_exceed_caps, **pay))
    )


def test_it_returns_deductions_the_law_does_not_allow_in_full():
    for purpose in ("document_fee", "recruitment_fee", "fine", "other"):
        claim = deducted(Deduction(purpose=DeductionPurpose(purpose), amount=Decimal(2000)))
        assert amounts(claim, "unlawful_deduction") == [Decimal("2000.00")], purpose
        assert finding_codes(claim) == ["unlawful_deduction"]
        assert claim.findings[0].violation_code == "LR-ILLEGAL-DEDUCTIONS"
        assert claim.findings[0].params["purpose"] == purpose


def test_it_returns_a_debt_or_deposit_taken_without_consent():
    for purpose in ("welfare_debt", "deposit_or_damages"):
        claim = deducted(Deduction(purpose=DeductionPurpose(purpose), amount=Decimal(500)))
        assert amounts(claim, "unlawful_deduction") == [Decimal("500.00")]
        assert lines(claim, "unlawful_deduction")[0].params["reason"] == "no_consent"
        assert deducted(Deduction(purpose=DeductionPurpose(purpose), amount=Decimal(500), consented=True)).lines == ()


def test_it_never_returns_tax_or_social_security():
    claim = deducted(Deduction(purpose=DeductionPurpose.TAX_SOCIAL_SECURITY, amount=Decimal(5000)))
    assert claim.lines == ()
    assert claim.findings == ()


def test_it_returns_a_lawful_deduction_above_ten_percent():
    claim = deducted(Deduction(purpose=DeductionPurpose.UNION_DUES, amount=Decimal(1500)))
    assert amounts(claim, "deduction_over_cap") == [Decimal("500.00")]  # 10% of 10,000 is 1,000
    assert finding_codes(claim) == ["deduction_over_cap"]


def test_it_adds_up_deductions_of_one_kind_for_the_ten_percent_cap():
    dues = Deduction(purpose=DeductionPurpose.UNION_DUES, amount=Decimal(600))
    assert amounts(deducted(dues, dues), "deduction_over_cap") == [Decimal("200.00")]


def test_it_returns_lawful_deductions_above_twenty_percent_together():
    claim = deducted(
        Deduction(purpose=DeductionPurpose.UNION_DUES, amount=Decimal(900)),
        Deduction(purpose=DeductionPurpose.PROVIDENT_FUND, amount=Decimal(900)),
        Deduction(purpose=DeductionPurpose.WELFARE_DEBT, amount=Decimal(900), consented=True),
    )
    assert amounts(claim, "deduction_over_cap") == [Decimal("700.00")]  # 2,700 - 2,000


def test_it_allows_more_when_the_worker_consented_to_it():
    claim = deducted(
        Deduction(purpose=DeductionPurpose.UNION_DUES, amount=Decimal(1500)),
        Deduction(purpose=DeductionPurpose.PROVIDENT_FUND, amount=Decimal(1500)),
        consented_to_exceed_caps=True,
    )
    assert claim.lines == ()


def test_it_measures_the_caps_against_the_pay_due_not_the_smaller_pay_received():
    # Due 10,000, paid 8,000: the cap is 10% of 10,000, and the 2,000 shortfall is owed as basic pay.
    claim = deducted(Deduction(purpose=DeductionPurpose.UNION_DUES, amount=Decimal(1000)), wages_paid=8000)
    assert amounts(claim, "basic_wages") == [Decimal("2000.00")]
    assert amounts(claim, "deduction_over_cap") == []


def test_it_measures_the_caps_against_the_pay_received_when_it_is_more_than_due():
    claim = deducted(Deduction(purpose=DeductionPurpose.UNION_DUES, amount=Decimal(1200)), wages_paid=12000)
    assert claim.lines == ()


def test_it_counts_overtime_pay_in_the_amount_the_caps_apply_to():
    # 10,000 basic + 10 hours x 50 x 1.5 = 750 overtime, all paid: 10% is 1,075.
    claim = deducted(
        Deduction(purpose=DeductionPurpose.UNION_DUES, amount=Decimal(1100)), overtime=10, overtime_paid=750
    )
    assert amounts(claim, "deduction_over_cap") == [Decimal("25.00")]


def test_it_keeps_the_cap_when_more_work_raises_pay_that_was_already_overpaid():
    # 12,000 paid for 25 or 26 days at 400 (10,000 or 10,400 due): the basic pay owed stays 0, so the cap must not
    # grow either, or a day more of work would lower the claim. Overtime 40 x 75 = 3,000 unpaid.
    # Cap: 10% of (12,000 + 3,000) = 1,500 both times; 2,000 of dues leave 500 over it.
    dues = Deduction(purpose=DeductionPurpose.UNION_DUES, amount=Decimal(2000))
    for days in (25, 26):
        claim = deducted(dues, days_worked=days, wages_paid=12000, overtime=40)
        assert amounts(claim, "deduction_over_cap") == [Decimal("500.00")]
        assert claim.total == Decimal("3500.00")

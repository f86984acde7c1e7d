"""Findings and line items in words, in the reader's language, with their legal basis."""

from datetime import date
from decimal import Decimal

from django.utils import translation

from corridor.rights.calculator import compute
from corridor.rights.explain import basis_text, describe_finding, describe_line, format_money
from corridor.rights.facts import Basis, Deduction, DeductionPurpose, DocumentHolder
from corridor.rights.tests import RAYONG, facts, lines, month

CHECKED = Basis(
    rule_id="overtime_pay", citation={"en": "LPA s.61", "km": "មាត្រា 61", "th": "มาตรา 61"}, unconfirmed=False
)
UNCHECKED = Basis(
    rule_id="minimum_wage", citation={"en": "LPA s.90", "km": "មាត្រា 90", "th": "มาตรา 90"}, unconfirmed=True
)


def rayong_claim():
    fee = Deduction(purpose=DeductionPurpose.DOCUMENT_FEE, amount=Decimal(2000))
    work = {"days_worked": 26, "overtime": 52, "wages_paid": 7800, "deductions": [fee]}
    return compute(
        facts(
            month(2024, 11, **work),
            province=RAYONG,
            agreed_rate=300,
            documents_held_by=DocumentHolder.EMPLOYER,
            as_of=date(2025, 3, 31),
        )
    )


def test_it_writes_amounts_with_thousands_separators_and_two_decimals():
    assert format_money(Decimal("1234567.5")) == "1,234,567.50"
    assert format_money("45.125") == "45.13"  # half up, like the amounts themselves
    with translation.override("km"):
        assert format_money(Decimal(2000)) == "2,000.00"


def test_it_gives_the_citation_in_the_language_asked_for():
    assert basis_text(CHECKED, "en") == "LPA s.61"
    assert basis_text(CHECKED, "th") == "มาตรา 61"
    assert basis_text(CHECKED, "km") == "មាត្រា 61"


def test_it_marks_a_citation_nobody_has_checked():
    assert basis_text(UNCHECKED, "en") == "LPA s.90 (not yet checked)"
    assert basis_text(UNCHECKED, "th").startswith("มาตรา 90")
    assert basis_text(UNCHECKED, "th") != "มาตรา 90"


def test_it_explains_each_line_with_its_figures():
    claim = rayong_claim()
    with translation.override("en"):
        assert describe_line(lines(claim, "basic_wages")[0]) == (
            "Basic pay from Nov. 1, 2024 to Nov. 30, 2024: 9,386.00 baht was due and 7,800.00 baht was paid. "
            "Owed: 1,586.00 baht."
        )
        assert describe_line(lines(claim, "overtime_and_holiday")[0]) == (
            "Overtime from Nov. 1, 2024 to Nov. 30, 2024: 52 hours, at 45.13 baht an hour before the overtime rate. "
            "3,519.75 baht was due and 0.00 baht was paid. Owed: 3,519.75 baht."
        )
        assert "documents (such as a passport fee)" in describe_line(lines(claim, "unlawful_deduction")[0])
        assert describe_line(lines(claim, "late_interest")[0]).startswith(
            "Interest of 15% a year on 1,586.00 baht of basic pay, for 121 days"
        )


def test_it_explains_each_finding():
    with translation.override("en"):
        texts = [describe_finding(finding) for finding in rayong_claim().findings]
    assert texts == [
        "From Nov. 1, 2024 to Nov. 30, 2024, the pay was 300.00 baht a day, less than the minimum wage of 361.00 "
        "baht a day.",
        "From Nov. 1, 2024 to Nov. 30, 2024, 52 hours of overtime were not paid in full.",
        "From Nov. 1, 2024 to Nov. 30, 2024, the employer deducted 2,000.00 baht for documents (such as a passport "
        "fee), which the law does not allow.",
        "The worker's passport or work permit is kept by the employer.",
    ]


def test_it_writes_dates_in_the_active_language():
    line = lines(rayong_claim(), "basic_wages")[0]
    with translation.override("th"):
        thai = describe_line(line)
    with translation.override("en"):
        english = describe_line(line)
    assert "Nov. 1, 2024" in english
    assert "1 พฤศจิกายน 2024" in thai
    assert "9,386.00" in thai

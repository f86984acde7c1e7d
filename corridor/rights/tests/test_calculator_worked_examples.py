"""Two whole claims, worked out by hand first: every figure the calculator gives must match the arithmetic here."""

from datetime import date
from decimal import Decimal

from corridor.rights.calculator import compute
from corridor.rights.facts import Deduction, DeductionPurpose, DocumentHolder, PayBasis
from corridor.rights.tests import BANGKOK, RAYONG, dismissal, facts, finding_codes, month

D = Decimal


def test_it_works_out_the_rayong_seafood_worker():
    """Rayong (TH-21), seafood processing, paid 300 baht a day by the day, 26 days a month, 8 normal hours and
    2 hours of overtime every working day, never paid. December's pay lost a 2,000 baht "passport fee". The
    employer keeps the passport. Claim worked out on 31 March 2025; not wilful.

    Minimum wage, Rayong: 361 from 1 Jan 2024 (Nov, Dec 2024), 400 from 1 Jan 2025 (Jan, Feb 2025). No month
    spans the change, so each month has one rate. Paid each month: 26 x 300 = 7,800.

    Basic pay, due = 26 x max(300, minimum):
      Nov 2024: 26 x 361 =  9,386.00 - 7,800 = 1,586.00
      Dec 2024: 26 x 361 =  9,386.00 - 7,800 = 1,586.00
      Jan 2025: 26 x 400 = 10,400.00 - 7,800 = 2,600.00
      Feb 2025: 26 x 400 = 10,400.00 - 7,800 = 2,600.00
      300 a day is below the minimum each month: 4 findings below_minimum_wage.

    Overtime: 26 days x 2 hours = 52 hours a month, hourly = minimum / 8, x 1.5:
      Nov, Dec 2024: 361 / 8 = 45.125; 52 x 45.125 x 1.5 = 3,519.75 each
      Jan, Feb 2025: 400 / 8 = 50;     52 x 50 x 1.5     = 3,900.00 each

    Deduction: a document fee is not one of the kinds s.76 allows: 2,000.00 owed, due with December's pay.

    Principal: basic 1,586 + 1,586 + 2,600 + 2,600 = 8,372.00
               overtime 3,519.75 x 2 + 3,900 x 2 = 14,839.50
               deduction 2,000.00
               total 25,211.50

    Interest, 15% a year x days late / 365, from each month's last day to 31 Mar 2025:
      Nov (from 30 Nov 2024, 121 days: 0.15 x 121 = 18.15):
        1,586.00 x 18.15 / 365 = 28,785.90  / 365 =  78.8655 ->  78.87
        3,519.75 x 18.15 / 365 = 63,883.4625 / 365 = 175.0232 -> 175.02
      Dec (from 31 Dec 2024, 90 days: 0.15 x 90 = 13.5):
        1,586.00 x 13.5 / 365 = 21,411.00   / 365 =  58.6603 ->  58.66
        3,519.75 x 13.5 / 365 = 47,516.625  / 365 = 130.1825 -> 130.18
        2,000.00 x 13.5 / 365 = 27,000.00   / 365 =  73.9726 ->  73.97
      Jan (from 31 Jan 2025, 59 days: 0.15 x 59 = 8.85):
        2,600.00 x 8.85 / 365 = 23,010.00 / 365 = 63.0411 -> 63.04
        3,900.00 x 8.85 / 365 = 34,515.00 / 365 = 94.5616 -> 94.56
      Feb (from 28 Feb 2025, 31 days: 0.15 x 31 = 4.65):
        2,600.00 x 4.65 / 365 = 12,090.00 / 365 = 33.1233 -> 33.12
        3,900.00 x 4.65 / 365 = 18,135.00 / 365 = 49.6849 -> 49.68
      interest total 78.87 + 175.02 + 58.66 + 130.18 + 73.97 + 63.04 + 94.56 + 33.12 + 49.68 = 757.10

    Total owed: 25,211.50 + 757.10 = 25,968.60
    """
    passport_fee = Deduction(purpose=DeductionPurpose.DOCUMENT_FEE, amount=D(2000))
    work = {"days_worked": 26, "normal_hours": 8, "overtime": 52, "wages_paid": 7800}
    claim = compute(
        facts(
            month(2024, 11, **work),
            month(2024, 12, **work, deductions=[passport_fee]),
            month(2025, 1, **work),
            month(2025, 2, **work),
            province=RAYONG,
            agreed_rate=300,
            employment_start=date(2024, 11, 1),
            documents_held_by=DocumentHolder.EMPLOYER,
            as_of=date(2025, 3, 31),
        )
    )
    assert [(line.code, line.period_index, line.amount) for line in claim.lines] == [
        ("basic_wages", 0, D("1586.00")),
        ("overtime_and_holiday", 0, D("3519.75")),
        ("basic_wages", 1, D("1586.00")),
        ("overtime_and_holiday", 1, D("3519.75")),
        ("unlawful_deduction", 1, D("2000.00")),
        ("basic_wages", 2, D("2600.00")),
        ("overtime_and_holiday", 2, D("3900.00")),
        ("basic_wages", 3, D("2600.00")),
        ("overtime_and_holiday", 3, D("3900.00")),
        ("late_interest", 0, D("78.87")),
        ("late_interest", 0, D("175.02")),
        ("late_interest", 1, D("58.66")),
        ("late_interest", 1, D("130.18")),
        ("late_interest", 1, D("73.97")),
        ("late_interest", 2, D("63.04")),
        ("late_interest", 2, D("94.56")),
        ("late_interest", 3, D("33.12")),
        ("late_interest", 3, D("49.68")),
    ]
    assert claim.total == D("25968.60")
    assert finding_codes(claim) == [
        "below_minimum_wage",
        "unpaid_overtime",
        "below_minimum_wage",
        "unpaid_overtime",
        "unlawful_deduction",
        "below_minimum_wage",
        "unpaid_overtime",
        "below_minimum_wage",
        "unpaid_overtime",
        "documents_retained",
    ]
    assert [rate.daily_rate for rate in claim.wage_rates] == [D(361), D(400)]


def test_it_works_out_the_bangkok_construction_worker():
    """Bangkok (TH-10), construction, paid 372 baht a day by the day, 8 normal hours, 6 days a week. Started
    6 Jan 2025, dismissed 31 Jul 2025 (no misconduct, no severance paid). The employer withheld the money on
    purpose. Claim worked out on 30 Sep 2025.

    Minimum wage, Bangkok: 372 until 30 Jun 2025, 400 from 1 Jul 2025.

    June 2025 (30 days; due at its end, 30 Jun): 26 days worked, paid 26 x 372 = 9,672 (right: 372 is the minimum).
      20 hours overtime, paid at 1.25x: 20 x 46.50 x 1.25 = 1,162.50.
      Deductions: social security 483.60 (never owed back); savings cooperative 1,500 with consent.
      Basic: 26 x 372 = 9,672 - 9,672 = 0.
      Overtime: 372 / 8 = 46.50 an hour; 20 x 46.50 x 1.5 = 1,395.00 - 1,162.50 = 232.50.
      Cap: base = max(9,672, 9,672) + max(1,395, 1,162.50) = 11,067; 10% = 1,106.70, 20% = 2,213.40.
           The 1,500 debt is over 10%: 1,500 - 1,106.70 = 393.30 owed.

    July 2025 (31 days; the last period before a dismissal on 31 Jul, so due 3 Aug, s.70 para 2):
      27 days worked, paid at the old rate 27 x 372 = 10,044. 30 hours overtime and 8 hours on the weekly
      holiday; paid 30 x 46.50 x 1.5 = 2,092.50 for overtime and 8 x 46.50 = 372 for the holiday: 2,464.50.
      Deductions: social security 502.20; a 1,500 damages deduction without consent.
      Basic: 27 x 400 = 10,800 - 10,044 = 756.00; 372 a day is below 400: below_minimum_wage.
      Extra hours at 400 / 8 = 50 an hour: overtime 30 x 50 x 1.5 = 2,250; holiday (daily-paid, so 2x)
      8 x 50 x 2 = 800; due 3,050 - 2,464.50 = 585.50.
      Damages without consent: 1,500.00 owed.

    Severance: 6 Jan - 31 Jul 2025 is 206 days (120 days to under a year): 30 days at max(372, 400) = 400:
      12,000.00, due on 31 Jul 2025.

    Principal: 232.50 + 393.30 + 756.00 + 585.50 + 1,500.00 + 12,000.00 = 15,467.30

    Interest, 15% a year / 365:
      from 30 Jun, 92 days (0.15 x 92 = 13.8):
        232.50 x 13.8 / 365 = 3,208.50 / 365 =  8.7904 ->  8.79
        393.30 x 13.8 / 365 = 5,427.54 / 365 = 14.8700 -> 14.87
      from 3 Aug, 58 days (0.15 x 58 = 8.7):
        756.00 x 8.7 / 365 =  6,577.20 / 365 = 18.0197 -> 18.02
        585.50 x 8.7 / 365 =  5,093.85 / 365 = 13.9558 -> 13.96
      1,500.00 x 8.7 / 365 = 13,050.00 / 365 = 35.7534 -> 35.75
      from 31 Jul, 61 days (0.15 x 61 = 9.15):
        12,000.00 x 9.15 / 365 = 109,800 / 365 = 300.8219 -> 300.82
      interest total 8.79 + 14.87 + 18.02 + 13.96 + 35.75 + 300.82 = 392.21

    Surcharge, 15% of the amount for each full 7 days late:
      92 days = 13 weeks, 195%:  232.50 x 1.95 = 453.375 -> 453.38;  393.30 x 1.95 = 766.935 -> 766.94
      58 days =  8 weeks, 120%:  756.00 x 1.2 = 907.20;  585.50 x 1.2 = 702.60;  1,500 x 1.2 = 1,800.00
      61 days =  8 weeks, 120%:  12,000 x 1.2 = 14,400.00
      surcharge total 453.38 + 766.94 + 907.20 + 702.60 + 1,800.00 + 14,400.00 = 19,030.12

    Total owed: 15,467.30 + 392.21 + 19,030.12 = 34,889.63
    """
    june = month(
        2025,
        6,
        days_worked=26,
        overtime=20,
        wages_paid=9672,
        overtime_paid="1162.50",
        deductions=[
            Deduction(purpose=DeductionPurpose.TAX_SOCIAL_SECURITY, amount=D("483.60")),
            Deduction(purpose=DeductionPurpose.WELFARE_DEBT, amount=D(1500), consented=True),
        ],
    )
    july = month(
        2025,
        7,
        days_worked=27,
        overtime=30,
        holiday=8,
        wages_paid=10044,
        overtime_paid="2464.50",
        deductions=[
            Deduction(purpose=DeductionPurpose.TAX_SOCIAL_SECURITY, amount=D("502.20")),
            Deduction(purpose=DeductionPurpose.DEPOSIT_OR_DAMAGES, amount=D(1500)),
        ],
    )
    claim = compute(
        facts(
            june,
            july,
            province=BANGKOK,
            pay_basis=PayBasis.DAILY,
            agreed_rate=372,
            employment_start=date(2025, 1, 6),
            termination=dismissal(date(2025, 7, 31)),
            wilful_nonpayment=True,
            as_of=date(2025, 9, 30),
        )
    )
    assert [(line.code, line.period_index, line.amount, line.due_on) for line in claim.lines] == [
        ("overtime_and_holiday", 0, D("232.50"), date(2025, 6, 30)),
        ("deduction_over_cap", 0, D("393.30"), date(2025, 6, 30)),
        ("basic_wages", 1, D("756.00"), date(2025, 8, 3)),
        ("overtime_and_holiday", 1, D("585.50"), date(2025, 8, 3)),
        ("unlawful_deduction", 1, D("1500.00"), date(2025, 8, 3)),
        ("severance", None, D("12000.00"), date(2025, 7, 31)),
        ("late_interest", 0, D("8.79"), date(2025, 9, 30)),
        ("late_interest", 0, D("14.87"), date(2025, 9, 30)),
        ("late_interest", 1, D("18.02"), date(2025, 9, 30)),
        ("late_interest", 1, D("13.96"), date(2025, 9, 30)),
        ("late_interest", 1, D("35.75"), date(2025, 9, 30)),
        ("late_interest", None, D("300.82"), date(2025, 9, 30)),
        ("wilful_surcharge", 0, D("453.38"), date(2025, 9, 30)),
        ("wilful_surcharge", 0, D("766.94"), date(2025, 9, 30)),
        ("wilful_surcharge", 1, D("907.20"), date(2025, 9, 30)),
        ("wilful_surcharge", 1, D("702.60"), date(2025, 9, 30)),
        ("wilful_surcharge", 1, D("1800.00"), date(2025, 9, 30)),
        ("wilful_surcharge", None, D("14400.00"), date(2025, 9, 30)),
    ]
    assert claim.total == D("34889.63")
    assert finding_codes(claim) == [
        "unpaid_overtime",
        "deduction_over_cap",
        "below_minimum_wage",
        "unpaid_overtime",
        "holiday_pay",
        "unlawful_deduction",
        "severance_unpaid",
    ]

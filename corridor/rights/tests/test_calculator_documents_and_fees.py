"""Passports kept by the employer, and recruitment fees the worker should not have paid."""

from datetime import date
from decimal import Decimal

from corridor.rights.calculator import compute
from corridor.rights.facts import DocumentHolder, FeeKind, RecruitmentFee
from corridor.rights.tests import facts, finding_codes, month


def fee(kind: str, amount: int, paid_on: date = date(2025, 5, 2)) -> RecruitmentFee:
    return RecruitmentFee(kind=FeeKind(kind), amount=Decimal(amount), paid_on=paid_on)


def test_it_flags_documents_kept_by_the_employer_or_recruiter():
    for holder in ("employer", "recruiter"):
        claim = compute(facts(month(2025, 7, wages_paid=26 * 400), documents_held_by=DocumentHolder(holder)))
        assert finding_codes(claim) == ["documents_retained"]
        finding = claim.findings[0]
        assert finding.violation_code == "LR-DOCUMENT-RETENTION"
        assert finding.params["holder"] == holder
        assert "s.131" in finding.basis.citation["en"]
        assert "131" in finding.basis.citation["km"]
        assert "มาตรา 131" in finding.basis.citation["th"]
        assert claim.lines == ()


def test_it_does_not_flag_documents_the_worker_keeps_or_nobody_knows_about():
    for holder in ("worker", "other", "unknown"):
        claim = compute(facts(month(2025, 7, wages_paid=26 * 400), documents_held_by=DocumentHolder(holder)))
        assert claim.findings == ()


def test_it_returns_recruitment_service_fees_in_full():
    claim = compute(facts(fees=[fee("service", 15000), fee("other", 3000)], as_of=date(2025, 9, 1)))
    assert [(line.code, line.amount, line.due_on) for line in claim.lines] == [
        ("recruitment_fee", Decimal("15000.00"), date(2025, 5, 2)),
        ("recruitment_fee", Decimal("3000.00"), date(2025, 5, 2)),
    ]
    assert finding_codes(claim) == ["recruitment_fee_charged", "recruitment_fee_charged"]
    assert claim.findings[0].violation_code == "LR-RECRUITMENT-FEES"
    assert claim.findings[0].basis.unconfirmed  # the ordinance's section is not identified
    assert claim.total == Decimal("18000.00")


def test_it_leaves_government_fees_to_the_worker():
    kinds = ("visa", "stay_permit", "work_permit", "medical_check")
    claim = compute(facts(fees=[fee(kind, 500) for kind in kinds], as_of=date(2025, 9, 1)))
    assert claim.lines == ()
    assert claim.findings == ()


def test_it_charges_no_late_interest_on_recruitment_fees():
    claim = compute(facts(fees=[fee("service", 15000)], as_of=date(2026, 5, 2), wilful_nonpayment=True))
    assert [line.code for line in claim.lines] == ["recruitment_fee"]

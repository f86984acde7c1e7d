"""The wage-claim pages: enter the facts, compute and save, read the lines with their legal basis, print
the claim in Thai for the labour office and in Khmer for the worker."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from django.urls import reverse
from pypdf import PdfReader

from conftest import assert_denied, make_member
from corridor.audit.models import AuditEntry

pytestmark = pytest.mark.django_db


def _management(prefix: str, total: int) -> dict[str, str]:
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def claim_data(**changes: str) -> dict[str, str]:
    """A Rayong worker paid 300 THB a day for July 2025 (26 days), passport kept by the employer."""
    data = {
        "person": "",
        "province_code": "TH-21",
        "wage_scope": "general",
        "pay_basis": "daily",
        "agreed_rate": "300",
        "employment_start": "2025-07-01",
        "days_worked_per_week": "6",
        "documents_held_by": "employer",
        "as_of": "2025-07-31",
        "action": "compute",
        **_management("periods", 1),
        **_management("deductions", 1),
        **_management("fees", 0),
        "periods-0-start": "2025-07-01",
        "periods-0-end": "2025-07-31",
        "periods-0-days_worked": "26",
        "periods-0-normal_hours_per_day": "8",
        "periods-0-overtime_hours": "0",
        "periods-0-holiday_hours": "0",
        "periods-0-holiday_overtime_hours": "0",
        "periods-0-wages_paid": "7800",
        "periods-0-overtime_paid": "0",
        "deductions-0-period": "1",
        "deductions-0-purpose": "document_fee",
        "deductions-0-amount": "2000",
    }
    return data | changes


def test_it_prefills_the_province_and_shows_an_empty_state(client_of, caseworker, a_case):
    client = client_of(caseworker)
    assert (
        "No wage claim computed for this case yet."
        in client.get(reverse("rights:list", args=[a_case.pk])).content.decode()
    )
    body = client.get(reverse("rights:new", args=[a_case.pk])).content.decode()
    assert '<option value="TH-21" selected>' in body


def test_it_adds_a_row_without_saving_or_losing_what_was_typed(client_of, caseworker, a_case):
    response = client_of(caseworker).post(reverse("rights:new", args=[a_case.pk]), claim_data(action="add_periods"))
    body = response.content.decode()
    assert response.status_code == 200
    assert 'name="periods-1-start"' in body
    assert 'value="7800"' in body
    assert not a_case.wage_claims.exists()


def test_it_computes_saves_and_explains_every_line(client_of, caseworker, a_case):
    client = client_of(caseworker)
    response = client.post(reverse("rights:new", args=[a_case.pk]), claim_data())
    claim = a_case.wage_claims.get()
    assert response.status_code == 302
    # 26 days × (400 − 300) = 2,600 below the minimum + 2,000 unlawful "passport fee".
    assert claim.total == Decimal("4600.00")
    body = client.get(response["Location"]).content.decode()
    assert "4,600.00" in body
    assert "s.76" in body and "s.131" in body
    assert AuditEntry.objects.filter(action="view", summary="wage claim viewed", case_id=a_case.pk).count() == 1
    assert (
        reverse("rights:detail", args=[a_case.pk, claim.pk])
        in client.get(reverse("cases:detail", args=[a_case.pk])).content.decode()
    )


def test_it_ignores_the_spare_rows_left_blank(client_of, caseworker, a_case):
    spare = {
        **_management("periods", 2),
        **_management("deductions", 2),
        **_management("fees", 1),
        "periods-1-normal_hours_per_day": "8",
        "periods-1-overtime_hours": "0",
        "periods-1-holiday_hours": "0",
        "periods-1-holiday_overtime_hours": "0",
        "periods-1-overtime_paid": "0",
        "deductions-1-purpose": "",
        "fees-0-kind": "",
    }
    response = client_of(caseworker).post(reverse("rights:new", args=[a_case.pk]), claim_data(**spare))
    assert response.status_code == 302
    assert a_case.wage_claims.get().total == Decimal("4600.00")


def test_it_refuses_impossible_facts_next_to_the_field(client_of, caseworker, a_case):
    response = client_of(caseworker).post(
        reverse("rights:new", args=[a_case.pk]), claim_data(**{"periods-0-end": "2025-06-30"})
    )
    body = response.content.decode()
    assert response.status_code == 422
    assert 'id="id_periods-0-end_error"' in body
    assert not a_case.wage_claims.exists()


def test_it_refuses_a_deduction_for_a_period_that_is_not_there(client_of, caseworker, a_case):
    response = client_of(caseworker).post(
        reverse("rights:new", args=[a_case.pk]), claim_data(**{"deductions-0-period": "3"})
    )
    assert response.status_code == 422
    assert "pay period line 3" in response.content.decode()
    assert not a_case.wage_claims.exists()


def test_it_prints_the_claim_in_thai_and_in_khmer(client_of, caseworker, a_case):
    client = client_of(caseworker)
    client.post(reverse("rights:new", args=[a_case.pk]), claim_data())
    claim = a_case.wage_claims.get()
    url = reverse("rights:pdf", args=[a_case.pk, claim.pk])
    for language, script_word, font in (("th", "ค่าจ้าง", "Noto-Sans-Thai"), ("km", "ប្រាក់ឈ្នួល", "Noto-Sans-Khmer")):
        response = client.get(f"{url}?language={language}")
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        reader = PdfReader(io.BytesIO(response.content))
        text = "".join(page.extract_text() for page in reader.pages)
        assert "4,600.00" in text
        assert script_word in text, language
        fonts = {
            str(f.get_object()["/BaseFont"]) for page in reader.pages for f in page["/Resources"]["/Font"].values()
        }
        assert any(font in name for name in fonts), fonts
    assert AuditEntry.objects.filter(action="export", case_id=a_case.pk).count() == 2


def test_it_adds_the_confirmed_violations(client_of, caseworker, a_case):
    client = client_of(caseworker)
    client.post(reverse("rights:new", args=[a_case.pk]), claim_data())
    claim = a_case.wage_claims.get()
    client.post(
        reverse("rights:confirm", args=[a_case.pk, claim.pk]),
        {"violations": ["LR-BELOW-MINIMUM-WAGE", "LR-DOCUMENT-RETENTION"]},
    )
    assert set(a_case.violations.values_list("type_id", flat=True)) == {
        "LR-BELOW-MINIMUM-WAGE",
        "LR-DOCUMENT-RETENTION",
    }
    client.post(reverse("rights:confirm", args=[a_case.pk, claim.pk]), {"violations": ["LR-NO-REST-DAY"]})
    assert a_case.violations.count() == 2


def test_it_lets_a_viewer_read_but_not_compute(client_of, caseworker, a_case, org):
    client_of(caseworker).post(reverse("rights:new", args=[a_case.pk]), claim_data())
    claim = a_case.wage_claims.get()
    viewer = client_of(make_member(org, "viewer"))
    assert viewer.get(reverse("rights:detail", args=[a_case.pk, claim.pk])).status_code == 200
    assert viewer.get(reverse("rights:new", args=[a_case.pk])).status_code == 403


def test_it_hides_every_claim_page_from_other_organisations(client_of, caseworker, outsider, a_case):
    client_of(caseworker).post(reverse("rights:new", args=[a_case.pk]), claim_data())
    claim = a_case.wage_claims.get()
    client = client_of(outsider)
    for url in (
        reverse("rights:list", args=[a_case.pk]),
        reverse("rights:new", args=[a_case.pk]),
        reverse("rights:detail", args=[a_case.pk, claim.pk]),
        reverse("rights:pdf", args=[a_case.pk, claim.pk]),
    ):
        assert_denied(client.get(url))
    assert_denied(client.post(reverse("rights:new", args=[a_case.pk]), claim_data()))
    assert a_case.wage_claims.count() == 1

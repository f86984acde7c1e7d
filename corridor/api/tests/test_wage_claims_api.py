"""Wage claims through the API: the same calculator and revisions as the pages."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def claim_body(**changes) -> dict:
    """A Rayong worker paid 300 a day for 26 days of July 2025, with a 2,000 "passport fee" deducted."""
    body = {
        "province_code": "TH-21",
        "pay_basis": "daily",
        "agreed_rate": "300",
        "employment_start": "2025-07-01",
        "days_worked_per_week": 6,
        "documents_held_by": "employer",
        "as_of": "2025-07-31",
        "periods": [
            {
                "start": "2025-07-01",
                "end": "2025-07-31",
                "days_worked": 26,
                "wages_paid": "7800",
                "deductions": [{"purpose": "document_fee", "amount": "2000"}],
            }
        ],
    }
    return body | changes


def test_it_computes_and_keeps_a_claim(api, a_case):
    response = api.post(f"cases/{a_case.pk}/wage-claims", claim_body())
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["total"] == "4600.00"
    assert {line["code"] for line in body["lines"]} == {"basic_wages", "unlawful_deduction"}
    assert all(line["legal_basis"] for line in body["lines"])
    assert "LR-DOCUMENT-RETENTION" in {finding["violation"] for finding in body["findings"]}
    listed = api.get(f"cases/{a_case.pk}/wage-claims").json()
    assert [claim["id"] for claim in listed] == [body["id"]]
    assert api.get(f"cases/{a_case.pk}/wage-claims/{body['id']}").json()["total"] == "4600.00"


def test_it_reports_impossible_facts_by_their_path(api, a_case):
    period = claim_body()["periods"][0] | {"end": "2025-06-30"}
    response = api.post(f"cases/{a_case.pk}/wage-claims", claim_body(periods=[period]))
    assert response.status_code == 422
    assert "periods.0.end" in str(response.json())
    assert not a_case.wage_claims.exists()


def test_it_refuses_a_province_outside_the_wage_table(api, a_case):
    assert api.post(f"cases/{a_case.pk}/wage-claims", claim_body(province_code="TH-99")).status_code == 422
    assert not a_case.wage_claims.exists()


def test_it_lets_a_viewer_token_read_but_not_compute(api_as, a_case):
    viewer = api_as("viewer")
    assert viewer.get(f"cases/{a_case.pk}/wage-claims").status_code == 200
    assert viewer.post(f"cases/{a_case.pk}/wage-claims", claim_body()).status_code == 403


def test_it_hides_claims_from_other_organisations(api, outsider_api, a_case):
    saved = api.post(f"cases/{a_case.pk}/wage-claims", claim_body()).json()
    assert outsider_api.get(f"cases/{a_case.pk}/wage-claims").status_code == 404
    assert outsider_api.get(f"cases/{a_case.pk}/wage-claims/{saved['id']}").status_code == 404
    assert outsider_api.post(f"cases/{a_case.pk}/wage-claims", claim_body()).status_code == 404
    assert a_case.wage_claims.count() == 1

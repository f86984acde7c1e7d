"""Screening through the API: the same instruments, rule and revisions as the pages."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db

TRAFFICKING = [
    "DELPHI-AL-DR-01",
    "DELPHI-AL-DR-08",
    "DELPHI-AL-EX-01",
    "DELPHI-AL-EX-04",
    "DELPHI-AL-CD-01",
    "DELPHI-AL-CD-14",
]


def _answers(*yes: str, **extra: str) -> dict:
    return {indicator_id: {"answer": "yes"} for indicator_id in yes} | {
        key: {"answer": value} for key, value in extra.items()
    }


def test_it_lists_the_instruments_with_their_questions_in_three_languages(api):
    body = api.get("screening/instruments").json()
    codes = {item["code"] for item in body}
    assert {"ilo-ec-adult-labour", "ilo-11", "icls-2018", "palermo", "forced-criminality"} <= codes
    delphi = next(item for item in body if item["code"] == "ilo-ec-adult-labour")
    assert len(delphi["indicators"]) == 67
    assert delphi["indicators"][0]["question"]["th"]


def test_it_saves_an_assessment_and_computes_the_result_itself(api, a_case):
    response = api.post(
        f"cases/{a_case.pk}/assessments",
        {"instrument": "ilo-ec-adult-labour", "answers": _answers(*TRAFFICKING, child="no"), "job": "fish processing"},
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert (body["status"], body["revision"], body["instrument_version"]) == ("positive", 1, 1)
    assert body["result"]["trafficking_types"] == ["deceptive"]
    listed = api.get(f"cases/{a_case.pk}/assessments").json()
    assert [item["id"] for item in listed] == [body["id"]]
    assert api.get(f"cases/{a_case.pk}/assessments/{body['id']}").json()["status"] == "positive"


def test_it_refuses_questions_and_instruments_it_does_not_know(api, a_case):
    assert api.post(f"cases/{a_case.pk}/assessments", {"instrument": "no-such-thing"}).status_code == 422
    response = api.post(
        f"cases/{a_case.pk}/assessments", {"instrument": "ilo-11", "answers": _answers("DELPHI-AL-DR-01")}
    )
    assert response.status_code == 422
    maybe = api.post(
        f"cases/{a_case.pk}/assessments", {"instrument": "ilo-11", "answers": {"ILO11-01": {"answer": "maybe"}}}
    )
    assert maybe.status_code == 422
    assert not a_case.assessments.exists()


def test_it_lets_a_viewer_token_read_but_not_save(api_as, a_case):
    viewer = api_as("viewer")
    assert viewer.get(f"cases/{a_case.pk}/assessments").status_code == 200
    assert viewer.post(f"cases/{a_case.pk}/assessments", {"instrument": "ilo-11"}).status_code == 403


def test_it_hides_assessments_from_other_organisations(api, outsider_api, a_case):
    saved = api.post(f"cases/{a_case.pk}/assessments", {"instrument": "ilo-11"}).json()
    assert outsider_api.get(f"cases/{a_case.pk}/assessments").status_code == 404
    assert outsider_api.get(f"cases/{a_case.pk}/assessments/{saved['id']}").status_code == 404
    assert outsider_api.post(f"cases/{a_case.pk}/assessments", {"instrument": "ilo-11"}).status_code == 404
    assert a_case.assessments.count() == 1

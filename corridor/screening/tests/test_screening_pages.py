"""The screening pages: start, live result, save, detail with explanation, printable summary."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from conftest import actor_of, assert_denied, make_member
from corridor.audit.models import AuditEntry
from corridor.screening.rules import Answer
from corridor.screening.services import Response, assessment_save
from corridor.screening.tests.conftest import instrument_named

pytestmark = pytest.mark.django_db

YES = ["DELPHI-AL-DR-01", "DELPHI-AL-DR-08", "DELPHI-AL-EX-01", "DELPHI-AL-EX-04", "DELPHI-AL-CD-01", "DELPHI-AL-CD-14"]


def _post_data(yes=(), **extra):
    data = {"person": "", "job": "fish processing", "answer_child": "no", "answer_act": "yes"}
    data |= {f"answer_{indicator_id}": "yes" for indicator_id in yes}
    return data | extra


def test_it_lists_the_instruments_and_an_empty_state(client_of, caseworker, a_case):
    response = client_of(caseworker).get(reverse("screening:list", args=[a_case.pk]))
    body = response.content.decode()
    assert response.status_code == 200
    assert "No screening saved for this case yet." in body
    for code in ("ilo-ec-adult-labour", "ilo-11", "icls-2018", "palermo", "forced-criminality"):
        assert reverse("screening:new", args=[a_case.pk, code]) in body


def test_it_asks_the_questions_in_the_caseworkers_language(client_of, caseworker, a_case):
    caseworker.preferred_language = "th"
    caseworker.save(update_fields=["preferred_language"])
    client = client_of(caseworker)
    response = client.get(reverse("screening:new", args=[a_case.pk, "ilo-ec-adult-labour"]))
    body = response.content.decode()
    delphi = instrument_named("ilo-ec-adult-labour")
    assert response.status_code == 200
    assert delphi.by_id["DELPHI-AL-CD-01"].question.th in body
    assert delphi.by_id["DELPHI-AL-CD-01"].question.en not in body


def test_it_shows_the_result_live_without_saving(client_of, caseworker, a_case):
    url = reverse("screening:preview", args=[a_case.pk, "ilo-ec-adult-labour"])
    response = client_of(caseworker).post(url, _post_data(YES), HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert response.status_code == 200
    assert 'class="result result--positive"' in body
    assert "deceptive recruitment" in body
    assert not a_case.assessments.exists()


def test_it_checks_the_result_without_javascript_and_keeps_the_answers(client_of, caseworker, a_case):
    url = reverse("screening:new", args=[a_case.pk, "ilo-ec-adult-labour"])
    response = client_of(caseworker).post(url, _post_data(YES[:1], action="check"))
    body = response.content.decode()
    assert response.status_code == 200
    assert "result--undetermined" in body  # the questions not posted are unknown, not no
    assert 'value="yes" name="answer_DELPHI-AL-DR-01"' in body or 'name="answer_DELPHI-AL-DR-01" value="yes"' in body
    assert not a_case.assessments.exists()


def test_it_saves_and_shows_the_explanation(client_of, caseworker, a_case):
    client = client_of(caseworker)
    url = reverse("screening:new", args=[a_case.pk, "ilo-ec-adult-labour"])
    response = client.post(
        url, _post_data(YES, action="save", **{"note_DELPHI-AL-CD-01": "passport kept by supervisor"})
    )
    assessment = a_case.assessments.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("screening:detail", args=[a_case.pk, assessment.pk])
    body = client.get(response["Location"]).content.decode()
    assert "Rule fired: a recruitment dimension (deceptive recruitment)" in body
    assert "passport kept by supervisor" in body
    assert "not a legal determination" in body
    assert AuditEntry.objects.filter(action="view", summary="screening viewed", case_id=a_case.pk).count() == 1
    case_page = client.get(reverse("cases:detail", args=[a_case.pk])).content.decode()
    assert reverse("screening:detail", args=[a_case.pk, assessment.pk]) in case_page


def test_it_rejects_an_answer_that_is_not_yes_no_or_unknown(client_of, caseworker, a_case):
    url = reverse("screening:new", args=[a_case.pk, "ilo-11"])
    response = client_of(caseworker).post(url, {"action": "save", "answer_ILO11-01": "maybe"})
    assert response.status_code == 422
    assert not a_case.assessments.exists()


def test_it_prints_a_summary_in_thai(client_of, caseworker, a_case):
    assessment = assessment_save(
        actor=actor_of(caseworker),
        case=a_case,
        instrument=instrument_named("ilo-11"),
        responses={"ILO11-07": Response(Answer.YES, "นายจ้างเก็บพาสปอร์ต")},
    )
    response = client_of(caseworker).get(reverse("screening:pdf", args=[a_case.pk, assessment.pk]) + "?language=th")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "private, no-store"
    reader = PdfReader(io.BytesIO(response.content))
    text = "".join(page.extract_text() for page in reader.pages)
    assert a_case.reference in text
    assert "นายจ้าง" in text
    fonts = {
        str(font.get_object()["/BaseFont"]) for page in reader.pages for font in page["/Resources"]["/Font"].values()
    }
    assert any("Noto-Sans-Thai" in font for font in fonts), fonts
    assert AuditEntry.objects.filter(action="export", case_id=a_case.pk).exists()


def test_it_lets_a_viewer_read_but_not_screen(a_case, caseworker, org, client_of):
    assessment = assessment_save(
        actor=actor_of(caseworker), case=a_case, instrument=instrument_named("ilo-11"), responses={}
    )
    viewer = client_of(make_member(org, "viewer"))
    assert viewer.get(reverse("screening:detail", args=[a_case.pk, assessment.pk])).status_code == 200
    assert viewer.get(reverse("screening:new", args=[a_case.pk, "ilo-11"])).status_code == 403


def test_it_hides_every_screening_page_from_other_organisations(a_case, caseworker, outsider, client_of):
    assessment = assessment_save(
        actor=actor_of(caseworker), case=a_case, instrument=instrument_named("ilo-11"), responses={}
    )
    client = client_of(outsider)
    for url in (
        reverse("screening:list", args=[a_case.pk]),
        reverse("screening:new", args=[a_case.pk, "ilo-11"]),
        reverse("screening:detail", args=[a_case.pk, assessment.pk]),
        reverse("screening:pdf", args=[a_case.pk, assessment.pk]),
    ):
        assert_denied(client.get(url))
    assert_denied(
        client.post(reverse("screening:confirm", args=[a_case.pk, assessment.pk]), {"violations": ["ILO11-07"]})
    )
    assert not a_case.violations.exists()

import pytest

from corridor.intake.models import Report, ReportMessage, RoutingRule
from corridor.intake.tests.flow import code_and_pin, submit_report


@pytest.fixture
def sent(client, org):
    RoutingRule.objects.create(organisation=org)
    response = submit_report(client, language="km", concerns=["threats"])
    return Report.objects.get(), code_and_pin(response.content.decode())


def test_it_merges_a_report_into_an_open_case(sent, a_case, client_of, caseworker):
    report, _credentials = sent
    response = client_of(caseworker).post(f"/intake/{report.pk}/merge", {"reference": a_case.reference.lower()})
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.case == a_case and report.status == "linked"


def test_it_refuses_to_merge_into_another_organisations_case(sent, client_of, caseworker, outsider):
    from conftest import actor_of
    from corridor.cases.services import case_open

    report, _credentials = sent
    theirs = case_open(actor=actor_of(outsider), title="Theirs")
    response = client_of(caseworker).post(f"/intake/{report.pk}/merge", {"reference": theirs.reference})
    assert response.status_code == 422 and "No case of your organisation" in response.content.decode()


def test_it_closes_a_duplicate_only_with_a_note(sent, client_of, caseworker):
    report, _credentials = sent
    client = client_of(caseworker)
    refused = client.post(f"/intake/{report.pk}/close", {"reason": "duplicate"})
    assert refused.status_code == 422 and "which report or case" in refused.content.decode()
    assert (
        client.post(f"/intake/{report.pk}/close", {"reason": "duplicate", "note": "Same as AAAA-CCCC"}).status_code
        == 302
    )
    report.refresh_from_db()
    assert report.status == "closed" and report.close_reason == "duplicate"


def test_it_shows_the_caseworkers_question_on_the_status_page(sent, client, client_of, caseworker):
    report, (code, pin) = sent
    response = client_of(caseworker).post(f"/intake/{report.pk}/message", {"body": "តើអ្នកនៅឯណា?"})
    assert response.status_code == 302
    assert ReportMessage.objects.get().delivery == "status_page"
    client.cookies["corridor_language"] = "km"
    body = client.post("/report/status", {"code": code, "pin": pin}).content.decode()
    assert "តើអ្នកនៅឯណា?" in body


def test_it_lets_an_intake_officer_triage_but_not_another_organisation(sent, member_factory, client_of, outsider):
    report, _credentials = sent
    officer = member_factory("intake_officer")
    assert client_of(officer).post(f"/intake/{report.pk}/close", {"reason": "spam"}).status_code == 302
    assert client_of(outsider).post(f"/intake/{report.pk}/message", {"body": "hi"}).status_code == 404

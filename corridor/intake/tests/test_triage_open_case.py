import pytest

from corridor.cases.models import Case
from corridor.intake.models import Report, RoutingRule
from corridor.intake.tests.flow import code_and_pin, submit_report
from corridor.parties.models import Employer
from corridor.people.models import PersonIdentifier


@pytest.fixture
def sent(client, org, caseworker):
    RoutingRule.objects.create(organisation=org)
    Employer.objects.create(organisation=org, name="Rayong Seafood Co., Ltd.", province_id="TH-21")
    response = submit_report(
        client,
        language="km",
        concerns=["documents_taken", "not_paid"],
        details="They keep my passport.",
        province="TH-21",
        workplace_name="rayong seafood",
        contact_method="phone",
        contact_value="+66 81 234 5678",
        reporter_name="Sok Dara",
        files=[],
    )
    return Report.objects.get(), code_and_pin(response.content.decode())


def test_it_opens_a_case_with_the_worker_violations_and_employer(sent, client_of, caseworker):
    report, _credentials = sent
    client = client_of(caseworker)
    page = client.get(f"/intake/{report.pk}/").content.decode()
    assert "Rayong Seafood Co., Ltd." in page  # soft match shown
    response = client.post(
        f"/intake/{report.pk}/open-case",
        {"title": "Passport kept", "sensitivity": "standard", "violations": ["LR-DOCUMENT-RETENTION", "ILO11-07"]},
    )
    case = Case.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/cases/{case.pk}/"
    assert sorted(case.violations.values_list("type_id", flat=True)) == ["ILO11-07", "LR-DOCUMENT-RETENTION"]
    worker = case.person_links.get(role="worker").person
    assert worker.name_latin == "Sok Dara" and worker.current_province_id == "TH-21"
    assert PersonIdentifier.objects.get(person=worker).value == "+66812345678"
    assert case.party_links.get().employer.name == "Rayong Seafood Co., Ltd."
    report.refresh_from_db()
    assert report.status == "linked" and report.case == case and report.triaged_by == caseworker


def test_it_moves_the_workers_status_page_on_to_the_case(sent, client, client_of, caseworker):
    report, (code, pin) = sent
    client_of(caseworker).post(f"/intake/{report.pk}/open-case", {"title": "Passport kept", "sensitivity": "standard"})
    client.cookies["corridor_language"] = "en"
    body = client.post("/report/status", {"code": code, "pin": pin}).content.decode()
    assert "A caseworker is working on it" in body
    assert "Passport kept" not in body  # nothing of the case beyond its stage


def test_it_offers_the_person_already_known_by_phone(sent, client_of, caseworker):
    from conftest import actor_of
    from corridor.people import services as people

    report, _credentials = sent
    actor = actor_of(caseworker)
    known = people.person_create(actor=actor, name_latin="Dara S.")
    people.identifier_add(actor=actor, person=known, kind="phone", value="081 234 5678")
    client = client_of(caseworker)
    assert "Dara S." in client.get(f"/intake/{report.pk}/").content.decode()
    client.post(f"/intake/{report.pk}/open-case", {"title": "Passport", "sensitivity": "standard", "person": known.pk})
    assert Case.objects.get().person_links.get().person == known


def test_it_opens_only_once(sent, client_of, caseworker):
    report, _credentials = sent
    client = client_of(caseworker)
    client.post(f"/intake/{report.pk}/open-case", {"title": "One", "sensitivity": "standard"})
    again = client.post(f"/intake/{report.pk}/open-case", {"title": "Two", "sensitivity": "standard"})
    assert again.status_code == 422 and Case.objects.count() == 1

import pytest

from conftest import actor_of, make_organisation
from corridor.intake.models import Report, RoutingRule
from corridor.intake.routing import route
from corridor.intake.services import ReportDraft, report_submit, routing_rule_add


@pytest.mark.django_db
def test_it_routes_to_the_most_specific_rule():
    anywhere, rayong, khmer_in_rayong, thai_speakers = (
        make_organisation(slug) for slug in ("any", "ray", "kmr", "tha")
    )
    RoutingRule.objects.create(organisation=anywhere)
    RoutingRule.objects.create(organisation=rayong, province_id="TH-21")
    RoutingRule.objects.create(organisation=khmer_in_rayong, province_id="TH-21", language="km")
    RoutingRule.objects.create(organisation=thai_speakers, language="th")
    assert route(province_id="TH-21", language="km") == khmer_in_rayong
    assert route(province_id="TH-21", language="th") == rayong
    assert route(province_id="TH-10", language="th") == thai_speakers
    assert route(province_id=None, language="en") == anywhere


def test_it_keeps_a_report_no_rule_matches_and_hands_it_to_the_first_rule_that_does(org_admin):
    submission = report_submit(
        draft=ReportDraft(submission_key="unrouted-report-01", language="km", concerns=["other"])
    )
    assert submission.report.organisation is None
    routing_rule_add(actor=actor_of(org_admin), province_id=None, language="km")
    assert Report.objects.get().organisation == org_admin.memberships.get().organisation


def test_it_refuses_the_same_rule_twice(org_admin, client_of):
    client = client_of(org_admin)
    assert client.post("/intake/routing", {"province": "TH-74", "language": ""}).status_code == 302
    response = client.post("/intake/routing", {"province": "TH-74", "language": ""})
    assert response.status_code == 422 and "already has this rule" in response.content.decode()


def test_it_lets_only_organisation_admins_manage_rules(caseworker, client_of):
    assert client_of(caseworker).get("/intake/routing").status_code == 403

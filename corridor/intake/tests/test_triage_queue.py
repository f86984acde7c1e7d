import datetime as dt

import pytest
from django.test import override_settings
from django.utils import timezone

from corridor.intake.models import Report, RoutingRule
from corridor.intake.services import ReportDraft, report_submit


@pytest.fixture
def reports(org):
    RoutingRule.objects.create(organisation=org)
    made = []
    for number, (province, language, hours) in enumerate(
        [("TH-74", "km", 60), ("TH-21", "th", 30), ("TH-74", "km", 1)]
    ):
        draft = ReportDraft(
            submission_key=f"queue-report-{number:04d}", language=language, concerns=["not_paid"], province_id=province
        )
        report = report_submit(draft=draft).report
        Report.objects.filter(pk=report.pk).update(created_at=timezone.now() - dt.timedelta(hours=hours))
        made.append(report)
    return made


@override_settings(CORRIDOR_REPORT_SLA_HOURS=48)
def test_it_lists_waiting_reports_oldest_first_with_their_sla(reports, client_of, caseworker):
    body = client_of(caseworker).get("/intake/").content.decode()
    codes = [report.display_code for report in reports]
    assert body.index(codes[0]) < body.index(codes[1]) < body.index(codes[2])
    assert "sla--late" in body and "sla--due" in body and "sla--ok" in body
    assert "3 reports are waiting" in body


def test_it_filters_by_province_and_language(reports, client_of, caseworker):
    body = client_of(caseworker).get("/intake/", {"province": "TH-74", "language": "km"}).content.decode()
    assert reports[0].display_code in body and reports[2].display_code in body
    assert reports[1].display_code not in body


def test_it_shows_an_empty_state(org, client_of, caseworker):
    assert "No reports here" in client_of(caseworker).get("/intake/").content.decode()


def test_it_shows_nothing_of_another_organisations_reports(reports, client_of, outsider):
    body = client_of(outsider).get("/intake/").content.decode()
    assert not any(report.display_code in body for report in reports)
    assert client_of(outsider).get(f"/intake/{reports[0].pk}/").status_code == 404


def test_it_refuses_analysts(reports, client_of, analyst):
    assert client_of(analyst).get("/intake/").status_code == 403

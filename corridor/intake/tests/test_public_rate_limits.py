from django.test import override_settings

from corridor.intake.models import Report, RoutingRule
from corridor.intake.tests.flow import submit_report


@override_settings(CORRIDOR_REPORT_RATE="2/h")
def test_it_slows_down_one_client_sending_many_reports(client, org):
    RoutingRule.objects.create(organisation=org)
    statuses = [submit_report(client, concerns=["other"]).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    assert Report.objects.count() == 2


@override_settings(CORRIDOR_STATUS_RATE="2/h")
def test_it_slows_down_one_client_guessing_codes(client, org):
    statuses = [client.post("/report/status", {"code": f"AAAA-AAA{c}", "pin": "123456"}).status_code for c in "CDE"]
    assert statuses == [422, 422, 429]

from corridor.intake.models import Report, RoutingRule
from corridor.intake.tests.flow import FORM_URL, hidden_inputs, post_step


def test_it_creates_one_report_when_the_last_page_is_sent_twice(client, org):
    RoutingRule.objects.create(organisation=org)
    html = client.get(FORM_URL).content.decode()
    for answers in ({"concerns": ["not_paid"]}, {}, {}):
        html = post_step(client, html, answers).content.decode()
    first = post_step(client, html, {}, action="send")
    again = post_step(client, html, {}, action="send")
    assert Report.objects.count() == 1
    assert 'id="tracking-pin"' in first.content.decode()
    body = again.content.decode()
    assert "already sent" in body and 'id="tracking-pin"' not in body
    assert dict(hidden_inputs(html))["submission_key"]

import pytest

from corridor.intake.models import Report, RoutingRule
from corridor.intake.tests.flow import FORM_URL, post_step, submit_report


@pytest.fixture(autouse=True)
def routed(org):
    RoutingRule.objects.create(organisation=org, province=None, language="")


def test_it_asks_for_something_on_the_first_step(client):
    page = client.get(FORM_URL).content.decode()
    response = post_step(client, page, {})
    assert response.status_code == 422
    assert "Choose at least one thing that happened" in response.content.decode()


def test_it_explains_a_wrong_phone_number_at_the_contact_step(client):
    response = submit_report(client, concerns=["not_paid"], contact_method="phone", contact_value="12")
    assert response.status_code == 422
    body = response.content.decode()
    assert "Step 3 of 4" in body and "Enter a phone number" in body
    assert not Report.objects.exists()


def test_it_refuses_a_tampered_choice_and_stores_nothing(client):
    response = submit_report(client, concerns=["not_paid", "<script>"], province="XX-99")
    assert response.status_code == 422
    assert not Report.objects.exists()


def test_it_limits_the_length_of_free_text(client):
    response = submit_report(client, concerns=["other"], details="x" * 4001)
    assert response.status_code == 422
    assert "at most" in response.content.decode()
    assert not Report.objects.exists()


def test_it_stores_markup_as_text_and_shows_it_escaped(client, client_of, caseworker):
    submit_report(client, concerns=["other"], details="<b>boss</b> & <script>alert(1)</script>")
    report = Report.objects.get()
    assert report.details == "<b>boss</b> & <script>alert(1)</script>"
    page = client_of(caseworker).get(f"/intake/{report.pk}/").content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>alert(1)" not in page


def test_it_thanks_a_bot_that_fills_the_honeypot_and_keeps_nothing(client):
    page = client.get(FORM_URL).content.decode()
    response = post_step(client, page, {"concerns": ["not_paid"], "website": "http://spam.example"}, action="send")
    assert response.status_code == 200
    assert not Report.objects.exists()


def test_it_keeps_earlier_answers_when_going_back(client):
    page = client.get(FORM_URL).content.decode()
    second = post_step(client, page, {"concerns": ["fees_debt"], "details": "paid 20000 baht"})
    back = post_step(client, second.content.decode(), {"province": "TH-74"}, action="back")
    body = back.content.decode()
    assert "Step 1 of 4" in body and "paid 20000 baht" in body
    assert 'name="province" value="TH-74"' in body

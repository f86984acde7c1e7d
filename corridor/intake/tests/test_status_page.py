import pytest
from django.test import override_settings

from corridor.intake.models import ReportMessage, RoutingRule
from corridor.intake.tests.flow import code_and_pin, submit_report

STATUS_URL = "/report/status"


@pytest.fixture
def sent(client, org):
    RoutingRule.objects.create(organisation=org)
    credentials = code_and_pin(submit_report(client, language="th", concerns=["not_paid"]).content.decode())
    client.cookies["corridor_language"] = "en"  # the assertions below read English
    return credentials


def test_it_shows_the_stage_for_the_right_code_and_pin(client, sent):
    code, pin = sent
    response = client.post(STATUS_URL, {"code": code.lower().replace("-", " "), "pin": pin})
    assert response.status_code == 200
    body = response.content.decode()
    assert 'aria-current="step"' in body and code in body
    assert "no-store" in response["Cache-Control"]


def test_it_accepts_a_pin_typed_in_thai_digits(client, sent):
    code, pin = sent
    thai = pin.translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))
    assert client.post(STATUS_URL, {"code": code, "pin": thai}).status_code == 200


def test_it_says_the_same_thing_for_a_wrong_pin_and_an_unknown_code(client, sent):
    code, pin = sent
    wrong_pin = client.post(STATUS_URL, {"code": code, "pin": "000000" if pin != "000000" else "111111"})
    unknown = client.post(STATUS_URL, {"code": "AAAA-AAAA", "pin": pin})
    assert wrong_pin.status_code == unknown.status_code == 422
    assert "could not find a report" in wrong_pin.content.decode()
    assert "could not find a report" in unknown.content.decode()


@override_settings(CORRIDOR_PIN_FAILURES="3/h", CORRIDOR_STATUS_RATE="100/h")
def test_it_locks_a_code_after_too_many_wrong_pins_even_with_the_right_one(client, sent):
    code, pin = sent
    for attempt in range(3):
        client.post(STATUS_URL, {"code": code, "pin": f"99999{attempt}"})
    response = client.post(STATUS_URL, {"code": code, "pin": pin})
    assert response.status_code == 429
    assert "too many wrong PINs" in response.content.decode()


def test_it_keeps_the_workers_answer(client, sent):
    code, pin = sent
    response = client.post(f"{STATUS_URL}/reply", {"code": code, "pin": pin, "body": "ยังไม่ได้รับเงินค่ะ"})
    assert response.status_code == 200
    assert "Your message was sent" in response.content.decode()
    message = ReportMessage.objects.get()
    assert message.direction == "from_worker" and message.body == "ยังไม่ได้รับเงินค่ะ"


def test_it_refuses_an_answer_with_a_wrong_pin(client, sent):
    code, _pin = sent
    response = client.post(f"{STATUS_URL}/reply", {"code": code, "pin": "123", "body": "hello"})
    assert response.status_code == 422
    assert not ReportMessage.objects.exists()

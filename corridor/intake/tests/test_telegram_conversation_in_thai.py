"""A worker reports through Telegram in Thai, from /start to the tracking code, through the real
webhook URL; every reply reaches the local Bot API over HTTP via the outbox."""

from __future__ import annotations

import re

import pytest

from corridor.intake import tracking
from corridor.intake.choices import Channel, ContactMethod, MessageDirection
from corridor.intake.models import ChannelConversation, OutboundMessage, OutboundStatus, Report

pytestmark = pytest.mark.django_db


def report_in_thai(worker) -> None:
    worker.says("/start")
    worker.taps("lang:th")
    worker.taps("c:not_paid")
    worker.taps("c:documents_taken")
    worker.taps("c:done")
    worker.says("นายจ้างไม่จ่ายค่าจ้างสามเดือน และเก็บหนังสือเดินทางของเราไว้")
    worker.taps("p:other")
    worker.says("จังหวัดระยอง")
    worker.says("โรงงานแปรรูปอาหารทะเล")
    worker.taps("h:ongoing")
    worker.taps("w:6-20")
    worker.taps("cm:here")
    worker.taps("skip")
    worker.taps("send")


def test_it_creates_a_thai_report_from_a_full_conversation(telegram_api, telegram_worker, routing_to_org, org):
    worker = telegram_worker("th")

    report_in_thai(worker)

    report = Report.objects.get()
    assert report.channel == Channel.TELEGRAM
    assert report.language == "th"
    assert report.concerns == ["not_paid", "documents_taken"]
    assert report.details == "นายจ้างไม่จ่ายค่าจ้างสามเดือน และเก็บหนังสือเดินทางของเราไว้"
    assert report.province_id == "TH-21"
    assert report.workplace_name == "โรงงานแปรรูปอาหารทะเล"
    assert (report.happened, report.workers_affected) == ("ongoing", "6-20")
    assert report.contact_method == ContactMethod.TELEGRAM
    assert report.reporter_name is None
    assert report.organisation == org
    conversation = ChannelConversation.objects.get()
    assert report.conversation == conversation
    assert conversation.language == "th"
    assert conversation.answers is None  # the report holds the answers now


def test_it_sends_the_tracking_code_and_a_pin_that_opens_the_report(telegram_api, telegram_worker, routing_to_org):
    worker = telegram_worker("th")

    report_in_thai(worker)

    report = Report.objects.get()
    last = telegram_api.texts(worker.chat_id)[-1]
    assert report.display_code in last
    assert "http://testserver/report/status" in last
    pin = re.search(r"\b(\d{6})\b", last).group(1)
    assert tracking.pin_matches(report.tracking_code, pin, report.pin_digest)
    assert not OutboundMessage.objects.exclude(status=OutboundStatus.SENT).exists()
    assert all(message.text == "" for message in OutboundMessage.objects.all())  # the PIN is kept nowhere


def test_it_answers_every_step_with_buttons_for_the_choices(telegram_api, telegram_worker, routing_to_org):
    worker = telegram_worker("th")

    worker.says("/start")
    assert [b["callback_data"] for b in telegram_api.last_buttons(worker.chat_id)] == ["lang:km", "lang:th", "lang:en"]
    response = worker.taps("lang:th")
    assert response.json() == {
        "method": "answerCallbackQuery",
        "callback_query_id": worker.updates[-1]["callback_query"]["id"],
    }
    worker.taps("c:not_paid")

    buttons = telegram_api.last_buttons(worker.chat_id)
    assert buttons[0]["text"].startswith("✓ ")
    assert buttons[-1]["callback_data"] == "c:done"
    assert len(telegram_api.texts(worker.chat_id)) == 3


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("สมุทรสาคร", "TH-74"),
        ("มหาชัย", "TH-74"),
        ("กรุงเทพ", "TH-10"),
        ("จ.ชลบุรี", "TH-20"),
        ("Chon Buri", "TH-20"),
        ("chonburi province", "TH-20"),
        ("Rayng", "TH-21"),
        ("ខេត្តរ៉ាយ៉ុង", "TH-21"),
        ("Nakhon Ratchasima", "TH-30"),
    ],
)
def test_it_matches_a_province_typed_at_the_province_question(telegram_api, telegram_worker, typed, code):
    worker = telegram_worker("th")
    worker.says("/start")
    worker.taps("lang:th")
    worker.taps("c:threats")
    worker.taps("c:done")
    worker.taps("skip")

    worker.says(typed)

    conversation = ChannelConversation.objects.get()
    assert conversation.step == "workplace"
    assert f'"province": "{code}"' in conversation.answers


def test_it_asks_again_for_a_province_it_cannot_find(telegram_api, telegram_worker):
    worker = telegram_worker("th")
    worker.says("/start")
    for value in ("lang:th", "c:threats", "c:done", "skip"):
        worker.taps(value)

    worker.says("Phnom Penh")

    assert ChannelConversation.objects.get().step == "province_name"
    assert [b["callback_data"] for b in telegram_api.last_buttons(worker.chat_id)] == ["p:none"]


def test_it_adds_later_messages_to_the_report(telegram_api, telegram_worker, routing_to_org):
    worker = telegram_worker("th")
    report_in_thai(worker)

    worker.says("ตอนนี้นายจ้างขู่ว่าจะไล่ออก")

    message = Report.objects.get().messages.get()
    assert message.direction == MessageDirection.FROM_WORKER
    assert message.body == "ตอนนี้นายจ้างขู่ว่าจะไล่ออก"
    assert Report.objects.get().display_code in telegram_api.texts(worker.chat_id)[-1]


def test_it_asks_again_for_an_answer_the_report_refuses(telegram_api, telegram_worker, routing_to_org):
    worker = telegram_worker("en")
    worker.says("/start")
    for value in ("lang:en", "c:not_paid", "c:done", "skip", "p:TH-74", "skip", "h:this_week", "w:1", "cm:phone"):
        worker.taps(value)
    worker.says("call me maybe")
    worker.taps("skip")

    worker.taps("send")

    assert not Report.objects.exists()
    assert ChannelConversation.objects.get().step == "contact_value"
    assert telegram_api.texts(worker.chat_id)[-1].startswith("Please change this answer:")
    worker.says("081 234 5678")
    worker.taps("skip")
    worker.taps("send")
    assert Report.objects.get().contact_value == "0812345678"


def test_it_stops_on_cancel_and_keeps_nothing(telegram_api, telegram_worker, routing_to_org):
    worker = telegram_worker("km")
    worker.says("/start")
    worker.taps("lang:km")
    worker.taps("c:cannot_leave")
    worker.taps("c:done")
    worker.says("They keep us locked in at night")

    worker.says("/cancel")

    conversation = ChannelConversation.objects.get()
    assert (conversation.step, conversation.answers, conversation.language) == ("", None, "km")
    assert not Report.objects.exists()
    assert "/start" in telegram_api.texts(worker.chat_id)[-1]

"""Telegram redelivers an update when it did not see our answer: a replay changes nothing."""

from __future__ import annotations

import pytest

from corridor.intake.models import ChannelConversation, ChannelUpdate, OutboundMessage, Report
from corridor.intake.tests.test_telegram_conversation_in_thai import report_in_thai

pytestmark = pytest.mark.django_db


def test_it_creates_nothing_new_when_a_whole_conversation_is_replayed(telegram_api, telegram_worker, routing_to_org):
    worker = telegram_worker("th")
    report_in_thai(worker)
    counts = (ChannelUpdate.objects.count(), OutboundMessage.objects.count(), len(telegram_api.calls))
    conversation = ChannelConversation.objects.get()

    for update in worker.updates:
        assert worker.post(update).status_code == 200

    assert Report.objects.count() == 1
    assert Report.objects.get().messages.count() == 0
    assert (ChannelUpdate.objects.count(), OutboundMessage.objects.count(), len(telegram_api.calls)) == counts
    replayed = ChannelConversation.objects.get()
    assert (replayed.step, replayed.report_id, replayed.updated_at) == (
        conversation.step,
        conversation.report_id,
        conversation.updated_at,
    )


def test_it_answers_a_replayed_tap_without_advancing_the_questions(telegram_api, telegram_worker, routing_to_org):
    worker = telegram_worker("th")
    worker.says("/start")
    worker.taps("lang:th")
    worker.taps("c:not_paid")

    response = worker.post(worker.updates[-1])

    assert response.status_code == 200
    assert response.json()["method"] == "answerCallbackQuery"  # the button stops spinning either way
    # Tapped once, not toggled back off by the replay.
    assert "not_paid" in ChannelConversation.objects.get().answers
    assert len(telegram_api.texts(worker.chat_id)) == 3


def test_it_keeps_one_report_when_send_is_tapped_twice(telegram_api, telegram_worker, routing_to_org):
    worker = telegram_worker("th")
    report_in_thai(worker)

    worker.taps("send")

    assert Report.objects.count() == 1
    assert "/start" in telegram_api.texts(worker.chat_id)[-1]

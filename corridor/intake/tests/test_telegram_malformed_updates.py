"""A malformed webhook body gets a 4xx and changes nothing; traffic that is not a worker writing to
the bot in a private chat is acknowledged and ignored."""

from __future__ import annotations

import json

import pytest

from corridor.intake.models import ChannelConversation, ChannelUpdate, OutboundMessage
from corridor.intake.tests.conftest import TELEGRAM_SECRET, WEBHOOK_URL
from tests.fakes.telegram_bot_api import tap_update, text_update

pytestmark = pytest.mark.django_db

HEADERS = {"X-Telegram-Bot-Api-Secret-Token": TELEGRAM_SECRET}


def post_raw(client, body: bytes | str, **extra):
    return client.post(WEBHOOK_URL, data=body, content_type="application/json", headers=HEADERS, **extra)


def assert_nothing_stored(telegram_api) -> None:
    assert not ChannelUpdate.objects.exists()
    assert not ChannelConversation.objects.exists()
    assert not OutboundMessage.objects.exists()
    assert telegram_api.calls == []


def without(update: dict, *path: str) -> dict:
    target = update
    for key in path[:-1]:
        target = target[key]
    del target[path[-1]]
    return update


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"not json",
        b"\xff\xfe",
        b"[1, 2]",
        b'"update"',
        json.dumps({"message": text_update(1, 42, "hi")["message"]}),
        json.dumps({**text_update(1, 42, "hi"), "update_id": "1"}),
        json.dumps({**text_update(1, 42, "hi"), "update_id": True}),
        json.dumps({"update_id": 1, "message": "hi"}),
        json.dumps(without(text_update(1, 42, "hi"), "message", "chat")),
        json.dumps(without(text_update(1, 42, "hi"), "message", "chat", "id")),
        json.dumps({**text_update(1, 42, "hi"), "message": {**text_update(1, 42, "hi")["message"], "text": 5}}),
        json.dumps(without(tap_update(1, 42, "lang:th"), "callback_query", "id")),
        json.dumps(without(tap_update(1, 42, "lang:th"), "callback_query", "message", "chat")),
    ],
)
def test_it_refuses_a_malformed_update_with_400(telegram_api, client, body):
    response = post_raw(client, body)

    assert response.status_code == 400
    assert_nothing_stored(telegram_api)


def test_it_refuses_an_oversized_body_with_413(telegram_api, client):
    update = text_update(1, 42, "x" * 70_000)

    response = post_raw(client, json.dumps(update))

    assert response.status_code == 413
    assert_nothing_stored(telegram_api)


def test_it_refuses_a_body_declared_oversized_without_reading_it(telegram_api, client):
    response = post_raw(client, json.dumps(text_update(1, 42, "hi")), CONTENT_LENGTH="10000000")

    assert response.status_code == 413
    assert_nothing_stored(telegram_api)


@pytest.mark.parametrize(
    "update",
    [
        {"update_id": 1, "edited_message": text_update(1, 42, "changed")["message"]},
        {"update_id": 1, "my_chat_member": {"chat": {"id": 42, "type": "private"}}},
        {
            "update_id": 1,
            "message": {**text_update(1, -100123, "hi")["message"], "chat": {"id": -100123, "type": "group"}},
        },
        without(tap_update(1, 42, "lang:th"), "callback_query", "message"),
    ],
    ids=["edited", "membership", "group", "inline"],
)
def test_it_ignores_updates_that_are_not_a_worker_writing_privately(telegram_api, client, update):
    response = post_raw(client, json.dumps(update))

    assert response.status_code == 200
    assert_nothing_stored(telegram_api)


def test_it_asks_a_worker_who_sends_a_sticker_to_type(telegram_api, telegram_worker):
    worker = telegram_worker("en")
    worker.says("/start")
    update = text_update(900, worker.chat_id, "", language_code="en")
    del update["message"]["text"]
    update["message"]["sticker"] = {"file_id": "abc", "width": 512, "height": 512}

    response = worker.post(update)

    assert response.status_code == 200
    assert "tap one of the buttons" in telegram_api.texts(worker.chat_id)[-1]

"""Only Telegram may call the webhook: it proves itself with the secret token we registered."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import CommandError, call_command

from corridor.intake.models import ChannelConversation, ChannelUpdate, OutboundMessage
from corridor.intake.tests.conftest import TELEGRAM_SECRET, WEBHOOK_URL
from tests.fakes.telegram_bot_api import text_update

pytestmark = pytest.mark.django_db


def assert_nothing_stored(telegram_api) -> None:
    assert not ChannelUpdate.objects.exists()
    assert not ChannelConversation.objects.exists()
    assert not OutboundMessage.objects.exists()
    assert telegram_api.calls == []


def test_it_refuses_a_request_without_the_secret_token(telegram_api, telegram_worker):
    response = telegram_worker().post(text_update(1, 42, "/start"), secret=None)

    assert response.status_code == 403
    assert_nothing_stored(telegram_api)


@pytest.mark.parametrize("secret", ["wrong", TELEGRAM_SECRET[:-1], TELEGRAM_SECRET + "x", ""])
def test_it_refuses_a_wrong_secret_token(telegram_api, telegram_worker, secret):
    response = telegram_worker().post(text_update(1, 42, "/start"), secret=secret)

    assert response.status_code == 403
    assert_nothing_stored(telegram_api)


def test_it_refuses_everything_when_no_secret_is_configured(telegram_api, telegram_worker, settings):
    settings.TELEGRAM_WEBHOOK_SECRET = ""

    response = telegram_worker().post(text_update(1, 42, "/start"), secret="")

    assert response.status_code == 403
    assert_nothing_stored(telegram_api)


def test_it_accepts_the_right_secret_token(telegram_api, telegram_worker):
    response = telegram_worker().post(text_update(1, 42, "/start"))

    assert response.status_code == 200
    assert ChannelUpdate.objects.count() == 1


def test_it_is_not_there_while_the_channel_is_off(telegram_api, telegram_worker, settings):
    settings.TELEGRAM_BOT_TOKEN = ""

    response = telegram_worker().post(text_update(1, 42, "/start"))

    assert response.status_code == 404
    assert_nothing_stored(telegram_api)


def test_it_only_accepts_post(telegram_api, client):
    response = client.get(WEBHOOK_URL, headers={"X-Telegram-Bot-Api-Secret-Token": TELEGRAM_SECRET})

    assert response.status_code == 405


def test_it_needs_no_csrf_token(telegram_api):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    response = client.post(
        WEBHOOK_URL,
        data=json.dumps(text_update(1, 42, "/start")),
        content_type="application/json",
        headers={"X-Telegram-Bot-Api-Secret-Token": TELEGRAM_SECRET},
    )

    assert response.status_code == 200


def test_it_registers_the_webhook_with_the_secret_token(telegram_api):
    out = io.StringIO()

    call_command("telegram_webhook", "https://corridor.example.org/channels/telegram/webhook", stdout=out)

    registration = next(call.payload for call in telegram_api.calls if call.method == "setWebhook")
    assert registration == {
        "url": "https://corridor.example.org/channels/telegram/webhook",
        "secret_token": TELEGRAM_SECRET,
        "allowed_updates": ["message", "callback_query"],
        "max_connections": 20,
    }
    assert "@corridor_test_bot" in out.getvalue()


def test_it_will_not_register_without_a_usable_secret(telegram_api, settings):
    settings.TELEGRAM_WEBHOOK_SECRET = "short"

    with pytest.raises(CommandError, match="TELEGRAM_WEBHOOK_SECRET"):
        call_command("telegram_webhook", "https://corridor.example.org/channels/telegram/webhook")
    assert telegram_api.calls == []


def test_it_reports_a_wrong_token_without_showing_it(telegram_api, settings):
    settings.TELEGRAM_BOT_TOKEN = "999:wrong-token"

    with pytest.raises(CommandError) as refused:
        call_command("telegram_webhook", "https://corridor.example.org/channels/telegram/webhook")
    assert "401" in str(refused.value)
    assert "wrong-token" not in str(refused.value)

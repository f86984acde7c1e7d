"""The Telegram channel under test: a local Bot API server the outbox really talks to over HTTP, and
a worker who writes to the bot through the real webhook URL."""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.core.cache import cache
from django.http import HttpResponse
from django.test import Client

from corridor.intake.models import RoutingRule
from tests.fakes.telegram_bot_api import FakeBotApi, tap_update, text_update

TELEGRAM_TOKEN = "123456789:test-token_for-the-local-bot-api"
TELEGRAM_SECRET = "webhook-secret-for-tests_0123456789"
WEBHOOK_URL = "/channels/telegram/webhook"

_update_ids = itertools.count(500_000_001)


@pytest.fixture
def telegram_api(settings) -> Iterator[FakeBotApi]:
    """The channel switched on against a local Bot API; tasks run as soon as they are enqueued."""
    api = FakeBotApi(TELEGRAM_TOKEN).start()
    settings.TELEGRAM_BOT_TOKEN = TELEGRAM_TOKEN
    settings.TELEGRAM_WEBHOOK_SECRET = TELEGRAM_SECRET
    settings.TELEGRAM_API_BASE = api.base_url
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    cache.clear()  # rate-limit counters from earlier tests
    yield api
    api.stop()


@pytest.fixture
def routing_to_org(org) -> RoutingRule:
    return RoutingRule.objects.create(organisation=org, province=None, language="")


class TelegramWorker:
    """One worker's private chat with the bot, seen from Telegram's side of the webhook."""

    def __init__(self, client: Client, capture: Callable[..., Any], chat_id: int, language_code: str) -> None:
        self.client, self.capture = client, capture
        self.chat_id, self.language_code = chat_id, language_code
        self.updates: list[dict[str, Any]] = []

    def post(self, update: dict[str, Any], *, secret: str | None = TELEGRAM_SECRET) -> HttpResponse:
        """Deliver an update as Telegram would, then run what was queued for after the commit."""
        headers = {"X-Telegram-Bot-Api-Secret-Token": secret} if secret is not None else {}
        with self.capture(execute=True):
            return self.client.post(
                WEBHOOK_URL, data=json.dumps(update), content_type="application/json", headers=headers
            )

    def says(self, text: str) -> HttpResponse:
        return self._send(text_update(next(_update_ids), self.chat_id, text, language_code=self.language_code))

    def taps(self, value: str) -> HttpResponse:
        return self._send(tap_update(next(_update_ids), self.chat_id, value, language_code=self.language_code))

    def _send(self, update: dict[str, Any]) -> HttpResponse:
        self.updates.append(update)
        response = self.post(update)
        assert response.status_code == 200, response.content
        return response


@pytest.fixture
def telegram_worker(telegram_api, django_capture_on_commit_callbacks) -> Callable[..., TelegramWorker]:
    chat_ids = itertools.count(7_100_000_001)

    def make(language_code: str = "th", chat_id: int | None = None) -> TelegramWorker:
        return TelegramWorker(Client(), django_capture_on_commit_callbacks, chat_id or next(chat_ids), language_code)

    return make

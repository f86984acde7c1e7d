"""One chat cannot flood the bot: past CORRIDOR_CHANNEL_RATE its messages are dropped, with one
"please wait" per window, and other workers are not affected."""

from __future__ import annotations

import pytest

from corridor.intake.models import ChannelConversation, ChannelUpdate, OutboundMessage

pytestmark = pytest.mark.django_db


@pytest.fixture
def three_a_minute(settings, monkeypatch):
    settings.CORRIDOR_CHANNEL_RATE = "3/m"
    # One fixed moment, so the test never straddles two rate windows.
    monkeypatch.setattr("corridor.core.ratelimit.time.time", lambda: 1_800_000_000.0)


def test_it_drops_messages_past_the_limit_and_says_so_once(telegram_api, telegram_worker, three_a_minute):
    worker = telegram_worker("en")
    worker.says("/start")
    worker.taps("lang:en")
    worker.taps("c:not_paid")

    worker.taps("c:threats")
    worker.taps("c:fees_debt")
    worker.says("hello?")

    texts = telegram_api.texts(worker.chat_id)
    assert len(texts) == 4
    assert "very fast" in texts[-1]
    assert '"concerns": ["not_paid"]' in ChannelConversation.objects.get().answers  # the taps were dropped
    assert ChannelUpdate.objects.count() == 6  # recorded, so a redelivery stays dropped
    assert OutboundMessage.objects.count() == 4


def test_it_limits_each_chat_on_its_own(telegram_api, telegram_worker, three_a_minute):
    busy, other = telegram_worker("en"), telegram_worker("th")
    for _message in range(5):
        busy.says("/start")

    other.says("/start")

    assert len(telegram_api.texts(other.chat_id)) == 1
    assert "Choose your language" in telegram_api.texts(other.chat_id)[0]

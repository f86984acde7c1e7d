"""Messaging adapters by channel name. A new channel (Messenger, LINE, an SMS gateway) is one adapter
module, one entry here, one Channel choice and a three-line webhook view; intake logic stays as it is."""

from __future__ import annotations

from corridor.intake.channels.base import Adapter
from corridor.intake.channels.telegram import TelegramAdapter
from corridor.intake.choices import Channel

ADAPTERS: dict[str, Adapter] = {
    Channel.TELEGRAM: TelegramAdapter(),
}


def adapter_for(channel: str) -> Adapter | None:
    return ADAPTERS.get(channel)


def channel_enabled(channel: str) -> bool:
    adapter = adapter_for(channel)
    return adapter is not None and adapter.enabled()

"""The channel layer: what every messaging adapter (Telegram today; Messenger, LINE or an SMS gateway
tomorrow) turns provider traffic into and out of. Intake logic sees only these types."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from django.http import HttpRequest


class BadUpdate(Exception):
    """The provider's request is malformed: answer 400 and change nothing."""


class Unverified(Exception):
    """The request does not prove it comes from the provider: answer 403 and change nothing."""


class DeliveryFailed(Exception):
    """The provider did not take a message. `permanent` when retrying cannot help (the worker blocked
    the bot, the chat is gone); `retry_after` when the provider said how long to wait, in seconds."""

    def __init__(self, reason: str, *, permanent: bool = False, retry_after: int | None = None) -> None:
        super().__init__(reason)
        self.permanent = permanent
        self.retry_after = retry_after


@dataclass(frozen=True)
class Button:
    label: str
    value: str  # what comes back as Incoming.choice when the worker taps it


@dataclass(frozen=True)
class Outgoing:
    text: str
    buttons: Sequence[Button] = field(default_factory=tuple)


@dataclass(frozen=True)
class Incoming:
    update_id: str  # provider's id for this delivery, for idempotency
    user_ref: str  # provider's address for this worker (a chat id), to reply to
    text: str = ""  # free text typed by the worker
    choice: str = ""  # Button.value of a tapped button
    language_hint: str = ""  # the worker's app language, if the provider tells us
    ack_ref: str = ""  # provider's id for a button tap that must be acknowledged in the webhook answer


class Adapter(Protocol):
    channel: str

    def enabled(self) -> bool: ...

    def verify(self, request: HttpRequest) -> None:
        """Raise Unverified unless the request carries the provider's proof."""

    def parse(self, request: HttpRequest) -> Incoming | None:
        """The worker's message, None for provider traffic we ignore, BadUpdate if malformed."""

    def webhook_answer(self, incoming: Incoming | None) -> dict[str, object]:
        """JSON body of the 200 answer to a handled webhook call (empty for most providers)."""

    def send(self, user_ref: str, message: Outgoing) -> None:
        """Deliver one message; raise DeliveryFailed (or any error) so the outbox retries."""

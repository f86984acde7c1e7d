"""Telegram Bot API over webhooks: turns Updates into Incoming and Outgoing into sendMessage calls.

Only private chats are served: a report typed into a group would be read by everyone in it."""

from __future__ import annotations

import hmac
import json
import urllib.error
import urllib.request
from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.http import HttpRequest

from corridor.intake.channels.base import BadUpdate, Button, DeliveryFailed, Incoming, Outgoing, Unverified
from corridor.intake.choices import Channel

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
ALLOWED_UPDATES = ("message", "callback_query")
TIMEOUT_SECONDS = 10
MAX_TEXT = 4096  # Telegram's limit for one message
MAX_CALLBACK_DATA = 64  # bytes, Telegram's limit for a button's callback_data
# Telegram answers these when retrying cannot help: a bad request, or the worker blocked the bot.
PERMANENT_ERRORS = {400, 403}


class TelegramAdapter:
    channel: str = Channel.TELEGRAM

    def enabled(self) -> bool:
        return bool(settings.TELEGRAM_BOT_TOKEN)

    def verify(self, request: HttpRequest) -> None:
        expected = settings.TELEGRAM_WEBHOOK_SECRET
        given = request.headers.get(SECRET_HEADER, "")
        # Without a configured secret nothing can be verified, so everything is refused.
        if not expected or not hmac.compare_digest(given.encode(), expected.encode()):
            raise Unverified("missing or wrong secret token")

    def parse(self, request: HttpRequest) -> Incoming | None:
        try:
            update = json.loads(request.body)
        except (ValueError, UnicodeDecodeError) as error:
            raise BadUpdate("not JSON") from error
        if not isinstance(update, dict) or not _is_int(update.get("update_id")):
            raise BadUpdate("no update_id")
        update_id = str(update["update_id"])
        if "message" in update:
            return _message(update_id, _object(update["message"]))
        if "callback_query" in update:
            return _callback(update_id, _object(update["callback_query"]))
        return None  # edited messages, channel posts, membership changes: nothing a worker asked

    def webhook_answer(self, incoming: Incoming | None) -> dict[str, object]:
        # Telegram runs a method given in the webhook answer: the tapped button stops spinning at
        # once, without a request of our own that could be slow or fail.
        if incoming is not None and incoming.ack_ref:
            return {"method": "answerCallbackQuery", "callback_query_id": incoming.ack_ref}
        return {}

    def send(self, user_ref: str, message: Outgoing) -> None:
        payload: dict[str, Any] = {"chat_id": user_ref, "text": message.text[:MAX_TEXT]}
        if message.buttons:
            payload["reply_markup"] = {"inline_keyboard": keyboard(message.buttons)}
        call("sendMessage", payload)


def keyboard(buttons: Sequence[Button]) -> list[list[dict[str, str]]]:
    """Short labels (languages, Send / Start again) side by side, sentences one to a row."""
    for button in buttons:
        if len(button.value.encode()) > MAX_CALLBACK_DATA:
            raise ValueError(f"button value longer than {MAX_CALLBACK_DATA} bytes: {button.value!r}")
    keys = [{"text": button.label, "callback_data": button.value} for button in buttons]
    if all(len(button.label) <= 14 for button in buttons):
        return [keys[start : start + 3] for start in range(0, len(keys), 3)]
    return [[key] for key in keys]


def call(method: str, payload: dict[str, Any]) -> Any:
    """One Bot API call; its result, or DeliveryFailed. Errors never carry the URL (it holds the token)."""
    url = f"{settings.TELEGRAM_API_BASE.rstrip('/')}/bot{settings.TELEGRAM_BOT_TOKEN}/{method}"
    request = urllib.request.Request(  # noqa: S310 - the base is our own setting, https in production
        url, data=json.dumps(payload).encode(), headers={"Content-Type": "application/json"}, method="POST"
    )
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310
            body = _json(response.read())
    except urllib.error.HTTPError as error:
        body = _json(error.read())
        raise _failure(method, body, status=error.code) from None
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise DeliveryFailed(f"{method}: {type(error).__name__}: {reason}"[:200]) from None
    if not body.get("ok"):
        raise _failure(method, body, status=200)
    return body.get("result")


def set_webhook(url: str) -> None:
    """Point Telegram at our webhook, with the secret it must echo and only the updates we handle."""
    call(
        "setWebhook",
        {
            "url": url,
            "secret_token": settings.TELEGRAM_WEBHOOK_SECRET,
            "allowed_updates": list(ALLOWED_UPDATES),
            "max_connections": 20,
        },
    )


def bot_username() -> str:
    result = call("getMe", {})
    return str(result.get("username", "")) if isinstance(result, dict) else ""


def _failure(method: str, body: dict[str, Any], *, status: int) -> DeliveryFailed:
    code = body.get("error_code") if _is_int(body.get("error_code")) else status
    description = str(body.get("description") or f"HTTP {status}")[:200]
    parameters = body.get("parameters")
    retry_after = parameters.get("retry_after") if isinstance(parameters, dict) else None
    return DeliveryFailed(
        f"{method}: {code} {description}",
        permanent=code in PERMANENT_ERRORS,
        retry_after=retry_after if _is_int(retry_after) else None,
    )


def _json(raw: bytes) -> dict[str, Any]:
    try:
        body = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        return {}
    return body if isinstance(body, dict) else {}


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _object(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise BadUpdate("expected an object")
    return value


def _private_chat(message: dict[str, Any]) -> str | None:
    chat = _object(message.get("chat"))
    if not _is_int(chat.get("id")):
        raise BadUpdate("chat without id")
    return str(chat["id"]) if chat.get("type") == "private" else None


def _language(sender: Any) -> str:
    code = sender.get("language_code") if isinstance(sender, dict) else None
    return code[:2].lower() if isinstance(code, str) else ""


def _message(update_id: str, message: dict[str, Any]) -> Incoming | None:
    chat_id = _private_chat(message)
    if chat_id is None:
        return None
    text = message.get("text", "")
    if not isinstance(text, str):
        raise BadUpdate("text is not a string")
    # A sticker, photo or voice note arrives without text: the conversation asks the worker to type.
    return Incoming(update_id=update_id, user_ref=chat_id, text=text, language_hint=_language(message.get("from")))


def _callback(update_id: str, query: dict[str, Any]) -> Incoming | None:
    if not isinstance(query.get("id"), str) or not query["id"]:
        raise BadUpdate("callback query without id")
    data = query.get("data")
    if "message" not in query or not isinstance(data, str):
        return None  # taps on inline-mode messages and games: not ours
    chat_id = _private_chat(_object(query["message"]))
    if chat_id is None:
        return None
    return Incoming(
        update_id=update_id,
        user_ref=chat_id,
        choice=data,
        language_hint=_language(query.get("from")),
        ack_ref=query["id"],
    )

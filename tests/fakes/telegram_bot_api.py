"""A local stand-in for the Telegram Bot API, over real HTTP on a loopback port: the subset Corridor
calls (sendMessage, answerCallbackQuery, setWebhook, getMe), with the token checked, every call
recorded, and failures on demand."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

METHODS = {"sendMessage", "answerCallbackQuery", "setWebhook", "getMe"}


@dataclass(frozen=True)
class Call:
    method: str
    payload: dict[str, Any]


class FakeBotApi:
    def __init__(self, token: str, *, username: str = "corridor_test_bot") -> None:
        self.token = token
        self.username = username
        self.calls: list[Call] = []  # calls answered with success
        self.refused: list[Call] = []  # calls answered with a failure asked for by fail_next
        self._failures: list[str] = []
        # Runs in the server thread before each answer: lets a test look at the database as another
        # connection sees it at the moment a message goes out.
        self.on_call: Callable[[Call], None] | None = None
        self._lock = threading.Lock()
        self._message_id = 0
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> FakeBotApi:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def fail_next(self, count: int = 1, *, mode: str = "502") -> None:
        """The next `count` calls fail: "502" (a gateway error), "not_ok" (200 with ok: false),
        "blocked" (403, the worker blocked the bot) or "slow_down" (429 with retry_after)."""
        with self._lock:
            self._failures.extend([mode] * count)

    def sent(self, chat_id: str | int | None = None) -> list[dict[str, Any]]:
        """Payloads of sendMessage calls that succeeded, oldest first."""
        with self._lock:
            return [
                call.payload
                for call in self.calls
                if call.method == "sendMessage" and (chat_id is None or str(call.payload["chat_id"]) == str(chat_id))
            ]

    def texts(self, chat_id: str | int | None = None) -> list[str]:
        return [payload["text"] for payload in self.sent(chat_id)]

    def last_buttons(self, chat_id: str | int | None = None) -> list[dict[str, str]]:
        sent = self.sent(chat_id)
        rows = sent[-1].get("reply_markup", {}).get("inline_keyboard", []) if sent else []
        return [button for row in rows for button in row]

    def answer(self, path: str, body: bytes) -> tuple[int, dict[str, Any]]:
        prefix, _, method = path.rpartition("/")
        if prefix != f"/bot{self.token}":
            return 401, {"ok": False, "error_code": 401, "description": "Unauthorized"}
        if method not in METHODS:
            return 404, {"ok": False, "error_code": 404, "description": "Not Found"}
        try:
            payload = json.loads(body or b"{}")
        except ValueError:
            return 400, {"ok": False, "error_code": 400, "description": "Bad Request: can't parse JSON"}
        if self.on_call is not None:
            self.on_call(Call(method, payload))
        with self._lock:
            failure = self._failures.pop(0) if self._failures else None
            (self.calls if failure is None else self.refused).append(Call(method, payload))
            self._message_id += 1
            message_id = self._message_id
        if failure is not None:
            return _failure(failure)
        return 200, {"ok": True, "result": self._result(method, payload, message_id)}

    def _result(self, method: str, payload: dict[str, Any], message_id: int) -> Any:
        if method == "getMe":
            return {"id": 1, "is_bot": True, "first_name": "Corridor", "username": self.username}
        if method == "sendMessage":
            if not payload.get("text"):
                return {}
            chat = {"id": payload.get("chat_id"), "type": "private"}
            return {"message_id": message_id, "date": int(time.time()), "chat": chat, "text": payload["text"]}
        return True


def _failure(mode: str) -> tuple[int, dict[str, Any]]:
    if mode == "not_ok":
        return 200, {"ok": False, "error_code": 500, "description": "Internal Server Error"}
    if mode == "blocked":
        return 403, {"ok": False, "error_code": 403, "description": "Forbidden: bot was blocked by the user"}
    if mode == "slow_down":
        return 429, {
            "ok": False,
            "error_code": 429,
            "description": "Too Many Requests",
            "parameters": {"retry_after": 90},
        }
    return 502, {}


def _handler(api: FakeBotApi) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            status, body = api.answer(self.path, self.rfile.read(length))
            raw = json.dumps(body).encode() if body else b"<html>502 Bad Gateway</html>"
            self.send_response(status)
            self.send_header("Content-Type", "application/json" if body else "text/html")
            self.send_header("Content-Length", str(len(raw)))
            self.end_headers()
            self.wfile.write(raw)

        def log_message(self, format: str, *args: Any) -> None:  # keep test output quiet
            pass

    return Handler


def text_update(update_id: int, chat_id: int, text: str, *, language_code: str = "th") -> dict[str, Any]:
    """An Update carrying a message a worker typed in a private chat with the bot."""
    sender = {"id": chat_id, "is_bot": False, "first_name": "Worker", "language_code": language_code}
    message = {
        "message_id": update_id,
        "from": sender,
        "chat": {"id": chat_id, "type": "private", "first_name": "Worker"},
        "date": int(time.time()),
        "text": text,
    }
    return {"update_id": update_id, "message": message}


def tap_update(update_id: int, chat_id: int, data: str, *, language_code: str = "th") -> dict[str, Any]:
    """An Update carrying a tap on one of the bot's inline buttons."""
    sender = {"id": chat_id, "is_bot": False, "first_name": "Worker", "language_code": language_code}
    message = {
        "message_id": update_id,
        "from": {"id": 1, "is_bot": True, "first_name": "Corridor"},
        "chat": {"id": chat_id, "type": "private", "first_name": "Worker"},
        "date": int(time.time()),
        "text": "…",
    }
    query = {"id": f"cq{update_id}", "from": sender, "message": message, "chat_instance": "1", "data": data}
    return {"update_id": update_id, "callback_query": query}

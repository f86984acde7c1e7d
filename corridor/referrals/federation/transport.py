"""HTTP between Corridor servers: one POST per envelope, one GET for a directory. Standard library only."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from dataclasses import dataclass

TIMEOUT_SECONDS = 15
MAX_RESPONSE_BYTES = 2 * 1024 * 1024
USER_AGENT = "Corridor-federation/1"


class TransportError(Exception):
    """The peer could not be reached or answered with an error. `permanent` when retrying cannot help."""

    def __init__(self, reason: str, *, permanent: bool = False) -> None:
        super().__init__(reason)
        self.permanent = permanent


@dataclass(frozen=True)
class Answer:
    status: int
    body: dict[str, object]


def _read(response: object) -> bytes:
    return response.read(MAX_RESPONSE_BYTES + 1)  # type: ignore[attr-defined, no-any-return]


def post_envelope(url: str, envelope: bytes) -> Answer:
    request = urllib.request.Request(  # noqa: S310 - the URL is a peer's, checked to be http(s) when added
        f"{url}/federation/inbox",
        data=envelope,
        method="POST",
        headers={"Content-Type": "application/json", "User-Agent": USER_AGENT},
    )
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310
            return Answer(response.status, _json(_read(response)))
    except urllib.error.HTTPError as error:
        body = _json(_read(error))
        # 422: the peer understood the message and refuses what it asks (an organisation it no longer
        # has, say); sending it again changes nothing. Anything else may pass later.
        raise TransportError(
            f"HTTP {error.code}: {body.get('reason', '')} {body.get('detail', '')}".strip(),
            permanent=error.code == 422,
        ) from None
    except (urllib.error.URLError, TimeoutError, ConnectionError, OSError) as error:
        raise TransportError(f"unreachable: {error}") from None


def get_document(url: str, path: str) -> bytes:
    request = urllib.request.Request(f"{url}{path}", headers={"User-Agent": USER_AGENT})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310
            data = _read(response)
    except urllib.error.HTTPError as error:
        raise TransportError(f"HTTP {error.code}") from None
    except (urllib.error.URLError, TimeoutError, ConnectionError, OSError) as error:
        raise TransportError(f"unreachable: {error}") from None
    if len(data) > MAX_RESPONSE_BYTES:
        raise TransportError("answer too large")
    return data


def _json(data: bytes) -> dict[str, object]:
    try:
        value = json.loads(data[:MAX_RESPONSE_BYTES])
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}

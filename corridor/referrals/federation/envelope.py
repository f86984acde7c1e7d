"""Wire format and cryptography for messages between Corridor nodes.

A node holds one 32-byte secret seed and derives from it an Ed25519 key (to sign) and an X25519 key (to receive
encrypted messages), so operators back up a single secret. Peers know each other by a public key text that admins
exchange out of band and confirm by reading the fingerprint aloud.

An envelope is a canonical JSON object whose body is encrypted for one recipient with a fresh ephemeral X25519 key
and AES-GCM, and whose every other field, ciphertext included, is signed by the sender. The receiver checks the
signature before decrypting anything. Replay storage, idempotency and transport belong to the caller: this module
only says whether a message is authentic, fresh and readable, and why not.

A signed document is the unencrypted sibling, for what a node publishes to anyone (its directory).
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

REASONS = ("malformed", "unknown_sender", "wrong_recipient", "bad_signature", "stale", "undecryptable")
MAX_ENVELOPE_BYTES = 2 * 1024 * 1024

KEY_PREFIX = "corridor-node-v1:"
SEED_BYTES = 32
NONCE_BYTES = 16
_KEY_BYTES = 32
_SIGNATURE_BYTES = 64
_GCM_TAG_BYTES = 16

_NODE_ID = re.compile(r"[0-9a-f]{32}")
_MESSAGE_ID = re.compile(r"[A-Za-z0-9_.:-]{1,64}")
_KIND = re.compile(r"[a-z0-9_.]{1,64}")

_ENVELOPE_FIELDS = frozenset(
    {"v", "sender", "recipient", "id", "kind", "sent_at", "nonce", "ephemeral", "ciphertext", "signature"}
)
_DOCUMENT_FIELDS = frozenset({"v", "kind", "signed_at", "signer", "body", "signature"})


class EnvelopeError(Exception):
    """A message that must be rejected. `reason` is one of REASONS; str(error) is a short English detail for logs."""

    def __init__(self, reason: str, detail: str = "") -> None:
        if reason not in REASONS:
            raise ValueError(f"unknown rejection reason {reason!r}")
        super().__init__(detail or reason)
        self.reason = reason


class KeyFormatError(ValueError):
    """A public key text that cannot be parsed; the message is meant for the admin who pasted it."""


@dataclass(frozen=True)
class PublicNodeKey:
    signing: bytes
    agreement: bytes

    def __post_init__(self) -> None:
        if len(self.signing) != _KEY_BYTES or len(self.agreement) != _KEY_BYTES:
            raise KeyFormatError("each half of a node key must be 32 bytes")

    def to_text(self) -> str:
        return KEY_PREFIX + _b64encode(self.signing + self.agreement)

    @classmethod
    def from_text(cls, text: str) -> PublicNodeKey:
        """Parse a key an admin pasted; every failure names what is wrong so they can ask the peer again."""
        text = text.strip()
        if not text.startswith(KEY_PREFIX):
            raise KeyFormatError(f"a node key starts with {KEY_PREFIX!r}")
        try:
            raw = _b64decode(text.removeprefix(KEY_PREFIX))
        except ValueError:
            raise KeyFormatError("the node key is not valid base64url") from None
        if len(raw) != 2 * _KEY_BYTES:
            raise KeyFormatError(f"a node key holds {2 * _KEY_BYTES} bytes, this one holds {len(raw)}")
        key = cls(signing=raw[:_KEY_BYTES], agreement=raw[_KEY_BYTES:])
        _require_contributory(key.agreement)
        return key

    @property
    def node_id(self) -> str:
        return hashlib.sha256(self.signing + self.agreement).hexdigest()[:32]

    @property
    def fingerprint(self) -> str:
        """The node id grouped for reading aloud, so two admins can confirm a key over the phone."""
        digits = self.node_id.upper()
        return " ".join(digits[start : start + 4] for start in range(0, len(digits), 4))


def _require_contributory(agreement: bytes) -> None:
    # A low-order X25519 point makes every shared secret all-zero, so anything "encrypted" to it would be readable by
    # anyone; cryptography refuses the exchange, which is the cheapest way to detect such a point.
    try:
        X25519PrivateKey.generate().exchange(X25519PublicKey.from_public_bytes(agreement))
    except ValueError:
        raise KeyFormatError("the node key's agreement half is not a usable X25519 key") from None


@dataclass(frozen=True)
class NodeKeys:
    signing: Ed25519PrivateKey
    agreement: X25519PrivateKey

    @classmethod
    def from_seed(cls, seed: bytes) -> NodeKeys:
        """Derive both keys from one seed with separate HKDF labels, so neither key reveals the other."""
        if len(seed) != SEED_BYTES:
            raise ValueError(f"a node seed is {SEED_BYTES} bytes, got {len(seed)}")
        return cls(
            signing=Ed25519PrivateKey.from_private_bytes(_hkdf(seed, salt=None, info=b"corridor node signing v1")),
            agreement=X25519PrivateKey.from_private_bytes(_hkdf(seed, salt=None, info=b"corridor node agreement v1")),
        )

    @property
    def public(self) -> PublicNodeKey:
        return PublicNodeKey(
            signing=self.signing.public_key().public_bytes_raw(),
            agreement=self.agreement.public_key().public_bytes_raw(),
        )


def generate_seed() -> bytes:
    return os.urandom(SEED_BYTES)


@dataclass(frozen=True)
class Opened:
    sender: str
    message_id: str
    kind: str
    sent_at: int
    nonce: str
    body: dict[str, Any]


def seal(
    *,
    keys: NodeKeys,
    recipient: PublicNodeKey,
    message_id: str,
    kind: str,
    body: dict[str, Any],
    now: int | None = None,
) -> bytes:
    """Encrypt `body` for `recipient` and sign the result; a ValueError means the caller passed a bad id or kind."""
    _require_pattern(_MESSAGE_ID, message_id, "message id")
    _require_pattern(_KIND, kind, "kind")
    sender = keys.public.node_id
    nonce = os.urandom(NONCE_BYTES)
    ephemeral = X25519PrivateKey.generate()
    header: dict[str, Any] = {
        "v": 1,
        "sender": sender,
        "recipient": recipient.node_id,
        "id": message_id,
        "kind": kind,
        "sent_at": _current(now),
        "nonce": _b64encode(nonce),
        "ephemeral": _b64encode(ephemeral.public_key().public_bytes_raw()),
    }
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient.agreement))
    cipher = _message_cipher(shared, nonce, sender=sender, recipient=recipient.node_id)
    ciphertext = cipher.encrypt(_gcm_nonce(nonce), canonical(body), canonical(header))
    return _signed(keys, {**header, "ciphertext": _b64encode(ciphertext)})


def open_envelope(
    raw: bytes,
    *,
    keys: NodeKeys,
    sender_key: Callable[[str], PublicNodeKey | None],
    now: int | None = None,
    window: int = 300,
) -> Opened:
    """Authenticate, then decrypt. The checks run cheapest and least revealing first, and nothing is decrypted
    before the signature verifies, so an unauthenticated party learns nothing from the decryption step."""
    fields, decoded = _parse_envelope(raw)
    if fields["recipient"] != keys.public.node_id:
        raise EnvelopeError("wrong_recipient", "the envelope is addressed to another node")
    sender_public = _known_sender(sender_key, fields["sender"])
    _verify(sender_public, decoded["signature"], _without_signature(fields))
    _require_fresh(fields["sent_at"], now=now, window=window, what="envelope")
    body = _decrypt(keys, fields, decoded)
    return Opened(
        sender=fields["sender"],
        message_id=fields["id"],
        kind=fields["kind"],
        sent_at=fields["sent_at"],
        nonce=fields["nonce"],
        body=body,
    )


def sign_document(*, keys: NodeKeys, kind: str, body: dict[str, Any], now: int | None = None) -> bytes:
    """Sign without encrypting, for what a node publishes to everyone but readers must be able to attribute."""
    _require_pattern(_KIND, kind, "kind")
    return _signed(
        keys, {"v": 1, "kind": kind, "signed_at": _current(now), "signer": keys.public.node_id, "body": body}
    )


def verify_document(
    raw: bytes, *, key: PublicNodeKey, kind: str, now: int | None = None, window: int = 300
) -> dict[str, Any]:
    """Return the body of a document `key` signed recently; the kind must match so one document cannot stand in for
    another the same node signed."""
    fields = _load_object(raw, _DOCUMENT_FIELDS, what="document")
    _check_version(fields)
    if _text_field(fields, "kind", _KIND) != kind:
        raise EnvelopeError("malformed", f"expected a {kind!r} document")
    _int_field(fields, "signed_at")
    _text_field(fields, "signer", _NODE_ID)
    if not isinstance(fields["body"], dict):
        raise EnvelopeError("malformed", "the document body is not a JSON object")
    signature = _bytes_field(fields, "signature", length=_SIGNATURE_BYTES)
    if fields["signer"] != key.node_id:
        raise EnvelopeError("unknown_sender", "the document was signed by a different node")
    _verify(key, signature, _without_signature(fields))
    _require_fresh(fields["signed_at"], now=now, window=window, what="document")
    return fields["body"]


def canonical(obj: Any) -> bytes:
    """The one byte form that is signed and authenticated; NaN and infinities are refused because JSON has none."""
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False).encode("utf-8")


def _signed(keys: NodeKeys, fields: dict[str, Any]) -> bytes:
    return canonical({**fields, "signature": _b64encode(keys.signing.sign(canonical(fields)))})


def _without_signature(fields: dict[str, Any]) -> bytes:
    return canonical({name: value for name, value in fields.items() if name != "signature"})


def _known_sender(sender_key: Callable[[str], PublicNodeKey | None], sender: str) -> PublicNodeKey:
    key = sender_key(sender)
    # A registry entry stored under the wrong id must not let one peer's key vouch for another peer's name.
    if key is None or key.node_id != sender:
        raise EnvelopeError("unknown_sender", f"no peer key for node {sender}")
    return key


def _verify(key: PublicNodeKey, signature: bytes, signed: bytes) -> None:
    try:
        Ed25519PublicKey.from_public_bytes(key.signing).verify(signature, signed)
    except InvalidSignature:
        raise EnvelopeError("bad_signature", "the signature does not verify") from None


def _require_fresh(stamp: int, *, now: int | None, window: int, what: str) -> None:
    # Both directions: a stamp far in the future would stay "fresh" past the window the replay store remembers.
    if abs(_current(now) - stamp) > window:
        raise EnvelopeError("stale", f"the {what} timestamp is more than {window} seconds from now")


def _decrypt(keys: NodeKeys, fields: dict[str, Any], decoded: dict[str, bytes]) -> dict[str, Any]:
    header = {name: value for name, value in fields.items() if name not in ("ciphertext", "signature")}
    try:
        shared = keys.agreement.exchange(X25519PublicKey.from_public_bytes(decoded["ephemeral"]))
        cipher = _message_cipher(shared, decoded["nonce"], sender=fields["sender"], recipient=fields["recipient"])
        plaintext = cipher.decrypt(_gcm_nonce(decoded["nonce"]), decoded["ciphertext"], canonical(header))
    except (InvalidTag, ValueError):  # ValueError: a low-order ephemeral key, which yields no shared secret
        raise EnvelopeError("undecryptable", "the ciphertext does not decrypt with this node's key") from None
    body = _load_json(plaintext, what="body")
    if not isinstance(body, dict):
        raise EnvelopeError("malformed", "the decrypted body is not a JSON object")
    return body


def _message_cipher(shared: bytes, nonce: bytes, *, sender: str, recipient: str) -> AESGCM:
    # Binding both node ids into the key means a ciphertext cannot be re-addressed, even by a key holder.
    info = b"corridor envelope v1|" + sender.encode() + b"|" + recipient.encode()
    return AESGCM(_hkdf(shared, salt=nonce, info=info))


def _gcm_nonce(nonce: bytes) -> bytes:
    # The key is fresh per message, so any fixed derivation is unique; hashing keeps it tied to the signed nonce.
    return hashlib.sha256(nonce).digest()[:12]


def _hkdf(secret: bytes, *, salt: bytes | None, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=info).derive(secret)


def _current(now: int | None) -> int:
    return int(time.time()) if now is None else now


def _parse_envelope(raw: bytes) -> tuple[dict[str, Any], dict[str, bytes]]:
    """Validate every field's shape; returns the fields as received and the decoded binary ones."""
    fields = _load_object(raw, _ENVELOPE_FIELDS, what="envelope")
    _check_version(fields)
    _text_field(fields, "sender", _NODE_ID)
    _text_field(fields, "recipient", _NODE_ID)
    _text_field(fields, "id", _MESSAGE_ID)
    _text_field(fields, "kind", _KIND)
    _int_field(fields, "sent_at")
    decoded = {
        "nonce": _bytes_field(fields, "nonce", length=NONCE_BYTES),
        "ephemeral": _bytes_field(fields, "ephemeral", length=_KEY_BYTES),
        "ciphertext": _bytes_field(fields, "ciphertext", minimum=_GCM_TAG_BYTES),
        "signature": _bytes_field(fields, "signature", length=_SIGNATURE_BYTES),
    }
    return fields, decoded


def _load_object(raw: bytes, names: frozenset[str], *, what: str) -> dict[str, Any]:
    if len(raw) > MAX_ENVELOPE_BYTES:
        raise EnvelopeError("malformed", f"the {what} is larger than {MAX_ENVELOPE_BYTES} bytes")
    fields = _load_json(raw, what=what)
    if not isinstance(fields, dict):
        raise EnvelopeError("malformed", f"the {what} is not a JSON object")
    if fields.keys() != names:
        missing, extra = sorted(names - fields.keys()), sorted(fields.keys() - names)
        raise EnvelopeError("malformed", f"the {what} fields are wrong (missing {missing}, unexpected {extra})")
    return fields


def _load_json(raw: bytes, *, what: str) -> Any:
    """Parse strictly, and only what can be put back into canonical form: duplicate keys, NaN and unpaired
    surrogates would otherwise make the signed bytes differ from what a reader sees, or crash re-encoding."""
    try:
        value = json.loads(raw.decode("utf-8"), object_pairs_hook=_unique_keys, parse_constant=_no_constant)
        canonical(value)
    except (ValueError, RecursionError):  # UnicodeError and JSONDecodeError are ValueErrors
        raise EnvelopeError("malformed", f"the {what} is not valid UTF-8 JSON") from None
    return value


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise ValueError("duplicate key")
    return result


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def _check_version(fields: dict[str, Any]) -> None:
    if _int_field(fields, "v") != 1:
        raise EnvelopeError("malformed", f"unsupported version {fields['v']}")


def _text_field(fields: dict[str, Any], name: str, pattern: re.Pattern[str]) -> str:
    value = fields[name]
    if not isinstance(value, str) or not pattern.fullmatch(value):
        raise EnvelopeError("malformed", f"field {name!r} is not a valid value")
    return value


def _int_field(fields: dict[str, Any], name: str) -> int:
    value = fields[name]
    if type(value) is not int:  # bool is a subclass of int, and true is not a timestamp
        raise EnvelopeError("malformed", f"field {name!r} is not an integer")
    return value


def _bytes_field(fields: dict[str, Any], name: str, *, length: int | None = None, minimum: int = 0) -> bytes:
    value = fields[name]
    if not isinstance(value, str):
        raise EnvelopeError("malformed", f"field {name!r} is not a string")
    try:
        decoded = _b64decode(value)
    except ValueError:
        raise EnvelopeError("malformed", f"field {name!r} is not base64url") from None
    if (length is not None and len(decoded) != length) or len(decoded) < minimum:
        raise EnvelopeError("malformed", f"field {name!r} has the wrong length")
    return decoded


def _require_pattern(pattern: re.Pattern[str], value: str, name: str) -> None:
    if not pattern.fullmatch(value):
        raise ValueError(f"{name} {value!r} does not match {pattern.pattern}")


def _b64encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _b64decode(text: str) -> bytes:
    """Accept only the canonical unpadded form, so that no two texts decode to the same bytes."""
    data = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    if _b64encode(data) != text:
        raise ValueError("not canonical base64url")
    return data

"""Encryption at rest for identifying data, with a rotatable key ring and keyed blind indexes.

Ciphertext layout: b"C1" | key-id length (1 byte) | key id | 12-byte nonce | AES-GCM ciphertext+tag.
The key id travels with the ciphertext so that old rows stay readable after a new primary key is
added; `manage.py rotate_keys` re-encrypts them under the primary key. Blind indexes use a separate
HMAC key because they cannot be rotated without recomputing every index.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
import re
from dataclasses import dataclass
from functools import cache

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

MAGIC = b"C1"
NONCE_BYTES = 12
_KEY_ID = re.compile(r"^[A-Za-z0-9_-]{1,32}$")


class DecryptionError(Exception):
    """The ciphertext is damaged or was written under a key this ring does not hold."""


@dataclass(frozen=True)
class KeyRing:
    primary_id: str
    keys: dict[str, bytes]

    def encrypt(self, plaintext: bytes, *, context: str) -> bytes:
        nonce = os.urandom(NONCE_BYTES)
        key_id = self.primary_id.encode()
        sealed = AESGCM(self.keys[self.primary_id]).encrypt(nonce, plaintext, context.encode())
        return MAGIC + bytes([len(key_id)]) + key_id + nonce + sealed

    def decrypt(self, blob: bytes, *, context: str) -> bytes:
        key_id, nonce, sealed = _split(blob)
        key = self.keys.get(key_id)
        if key is None:
            raise DecryptionError(f"no key {key_id!r} in the key ring")
        try:
            return AESGCM(key).decrypt(nonce, sealed, context.encode())
        except InvalidTag:
            raise DecryptionError("ciphertext failed authentication") from None

    def key_id_of(self, blob: bytes) -> str:
        return _split(blob)[0]


def _split(blob: bytes) -> tuple[str, bytes, bytes]:
    if len(blob) < 4 or blob[:2] != MAGIC:
        raise DecryptionError("not a Corridor ciphertext")
    id_length = blob[2]
    start = 3 + id_length
    key_id = blob[3:start].decode("ascii", errors="replace")
    nonce = blob[start : start + NONCE_BYTES]
    sealed = blob[start + NONCE_BYTES :]
    if len(nonce) != NONCE_BYTES or len(sealed) < 16:
        raise DecryptionError("ciphertext is truncated")
    return key_id, nonce, sealed


def decode_key(text: str, *, name: str) -> bytes:
    try:
        key = base64.urlsafe_b64decode(text.strip() + "=" * (-len(text.strip()) % 4))
    except (binascii.Error, ValueError):
        raise ImproperlyConfigured(f"{name}: key is not valid base64") from None
    if len(key) != 32:
        raise ImproperlyConfigured(f"{name}: each key must be 32 bytes (base64 of 32 random bytes)")
    return key


def parse_key_ring(spec: str) -> KeyRing:
    """Parse "id:base64key,id2:base64key2"; the first entry is the primary key."""
    keys: dict[str, bytes] = {}
    primary = ""
    for entry in spec.split(","):
        key_id, sep, encoded = entry.strip().partition(":")
        if not sep or not _KEY_ID.match(key_id):
            raise ImproperlyConfigured(
                "CORRIDOR_ENCRYPTION_KEYS must look like 'k2:<base64>,k1:<base64>' (key ids: letters, digits, - and _)"
            )
        if key_id in keys:
            raise ImproperlyConfigured(f"CORRIDOR_ENCRYPTION_KEYS lists key id {key_id!r} twice")
        keys[key_id] = decode_key(encoded, name="CORRIDOR_ENCRYPTION_KEYS")
        primary = primary or key_id
    return KeyRing(primary_id=primary, keys=keys)


def new_key() -> str:
    return base64.urlsafe_b64encode(os.urandom(32)).decode().rstrip("=")


@cache
def _ring_for(spec: str) -> KeyRing:
    return parse_key_ring(spec)


def key_ring() -> KeyRing:
    return _ring_for(settings.CORRIDOR_ENCRYPTION_KEYS)


def encrypt_text(value: str, *, context: str) -> bytes:
    return key_ring().encrypt(value.encode("utf-8"), context=context)


def decrypt_text(blob: bytes, *, context: str) -> str:
    return key_ring().decrypt(bytes(blob), context=context).decode("utf-8")


def blind_index(value: str, *, kind: str) -> str:
    """Keyed, deterministic digest of a normalised value, for exact search without decrypting."""
    key = decode_key(settings.CORRIDOR_BLIND_INDEX_KEY, name="CORRIDOR_BLIND_INDEX_KEY")
    message = f"{kind}\x1f{value}".encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()

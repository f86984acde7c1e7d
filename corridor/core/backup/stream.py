"""The encrypted container of a backup: a fixed header, then AES-256-GCM segments (STREAM).

    header   = magic(16) | version(1) | kdf(1) | segment log2(1) | scrypt log2 N(1) | r(1) | p(1)
               | salt(32) | nonce prefix(8) | key check(32)                                  = 94 bytes
    segment  = AES-GCM(content key, nonce = prefix | index u32 BE,
                       plaintext = up to 2**log2 bytes,
                       associated data = header | index u64 BE | final flag u8)

Every segment but the last holds exactly 2**log2 plaintext bytes; the last one (possibly empty) carries
the final flag. Reordering, dropping or duplicating segments changes an index, cutting the file
anywhere leaves a last segment without the flag, and appending makes the flagged one non-final: each
fails authentication. The content key and the key check come from HKDF-SHA256 over the backup key
(or an scrypt hash of a passphrase) with the archive's random salt, so every archive has its own key
and the check tells a wrong key from a damaged file without decrypting anything.
"""

from __future__ import annotations

import base64
import hmac
import os
import re
import struct
from dataclasses import dataclass
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

ENV_NAME = "CORRIDOR_BACKUP_KEY"
MAGIC = b"CORRIDOR-BACKUP\x00"
VERSION = 1
KDF_KEY = 1  # CORRIDOR_BACKUP_KEY is 32 random bytes in url-safe base64
KDF_SCRYPT = 2  # CORRIDOR_BACKUP_KEY is a passphrase
SEGMENT_LOG2 = 20  # 1 MiB of plaintext per segment
SCRYPT_LOG2_N, SCRYPT_R, SCRYPT_P = 17, 8, 1  # 128 MiB and about half a second per derivation
MIN_PASSPHRASE = 16
TAG = 16
_HEADER = struct.Struct(">16sBBBBBB32s8s32s")
HEADER_SIZE = _HEADER.size
_BASE64_KEY = re.compile(r"^[A-Za-z0-9_-]{43}=?$")


class ArchiveError(Exception):
    """The archive cannot be used; the message says why and never contains key or plaintext material."""


class WrongKeyError(ArchiveError):
    pass


class DamagedError(ArchiveError):
    pass


class KeyMissingError(ArchiveError):
    pass


@dataclass(frozen=True)
class Secret:
    """CORRIDOR_BACKUP_KEY, understood either as a raw key or as a passphrase."""

    kdf: int
    material: bytes

    def __repr__(self) -> str:  # never print the key
        return f"Secret(kdf={self.kdf})"


def secret_from(value: str | None) -> Secret:
    if value is None or not value.strip():
        raise KeyMissingError(
            f"{ENV_NAME} is not set. Give the backup key (32 random bytes in url-safe base64, e.g. from "
            "`python -c 'import secrets; print(secrets.token_urlsafe(32))'`) or a passphrase of at least "
            f"{MIN_PASSPHRASE} characters. Keep it apart from the server: without it the archive cannot be read."
        )
    value = value.strip()
    if _BASE64_KEY.match(value):
        return Secret(KDF_KEY, base64.urlsafe_b64decode(value.rstrip("=") + "="))
    if len(value) < MIN_PASSPHRASE:
        raise KeyMissingError(
            f"{ENV_NAME} is neither a 32-byte url-safe base64 key nor a passphrase of at least "
            f"{MIN_PASSPHRASE} characters."
        )
    return Secret(KDF_SCRYPT, value.encode("utf-8"))


@dataclass(frozen=True)
class Header:
    kdf: int
    segment_log2: int
    scrypt_log2_n: int
    scrypt_r: int
    scrypt_p: int
    salt: bytes
    nonce_prefix: bytes
    key_check: bytes

    def pack(self) -> bytes:
        return _HEADER.pack(
            MAGIC,
            VERSION,
            self.kdf,
            self.segment_log2,
            self.scrypt_log2_n,
            self.scrypt_r,
            self.scrypt_p,
            self.salt,
            self.nonce_prefix,
            self.key_check,
        )

    @property
    def segment_size(self) -> int:
        return 1 << self.segment_log2


def _derive(secret: Secret, salt: bytes, n_log2: int, r: int, p: int) -> tuple[bytes, bytes]:
    """(content key, key check) for this archive's salt."""
    if secret.kdf == KDF_SCRYPT:
        ikm = Scrypt(salt=salt, length=32, n=1 << n_log2, r=r, p=p).derive(secret.material)
    else:
        ikm = secret.material
    okm = HKDF(algorithm=hashes.SHA256(), length=64, salt=salt, info=b"corridor-backup/1").derive(ikm)
    return okm[:32], okm[32:]


def read_header(stream: BinaryIO, secret: Secret) -> tuple[Header, AESGCM]:
    raw = stream.read(HEADER_SIZE)
    if len(raw) < len(MAGIC) or raw[: len(MAGIC)] != MAGIC:
        raise ArchiveError("This file is not a Corridor backup archive.")
    if len(raw) < HEADER_SIZE:
        raise DamagedError("The archive is truncated: its header is incomplete.")
    _, version, kdf, seg_log2, n_log2, r, p, salt, prefix, check = _HEADER.unpack(raw)
    if version != VERSION:
        raise ArchiveError(f"This archive uses format version {version}; this Corridor reads version {VERSION}.")
    if kdf not in {KDF_KEY, KDF_SCRYPT} or not 12 <= seg_log2 <= 26 or (kdf == KDF_SCRYPT and not 10 <= n_log2 <= 22):
        raise DamagedError("The archive header is damaged.")
    if kdf != secret.kdf:
        made_with = "a passphrase" if kdf == KDF_SCRYPT else "a base64 key"
        raise WrongKeyError(f"The archive was made with {made_with} in {ENV_NAME}; the value given now is not one.")
    header = Header(kdf, seg_log2, n_log2, r, p, salt, prefix, check)
    content_key, key_check = _derive(secret, salt, n_log2, r, p)
    if not hmac.compare_digest(key_check, check):
        raise WrongKeyError(
            f"The archive was not made with this {ENV_NAME} (or its header is damaged). Nothing was restored."
        )
    return header, AESGCM(content_key)


def _associated(header: bytes, index: int, final: bool) -> bytes:
    return header + struct.pack(">QB", index, 1 if final else 0)


def _nonce(prefix: bytes, index: int) -> bytes:
    if index >= 1 << 32:
        raise ArchiveError("The archive is too large for its segment size.")
    return prefix + struct.pack(">I", index)


class EncryptingWriter:
    """A write-only file object: plaintext in, header and sealed segments out to `sink`."""

    def __init__(self, sink: BinaryIO, secret: Secret) -> None:
        salt, prefix = os.urandom(32), os.urandom(8)
        n_log2, r, p = (SCRYPT_LOG2_N, SCRYPT_R, SCRYPT_P) if secret.kdf == KDF_SCRYPT else (0, 0, 0)
        content_key, key_check = _derive(secret, salt, n_log2, r, p)
        self.header = Header(secret.kdf, SEGMENT_LOG2, n_log2, r, p, salt, prefix, key_check)
        self._header_bytes = self.header.pack()
        self._aead = AESGCM(content_key)
        self._sink = sink
        self._buffer = bytearray()
        self._index = 0
        self._closed = False
        self.bytes_in = 0
        sink.write(self._header_bytes)

    def writable(self) -> bool:
        return True

    def write(self, data: bytes) -> int:
        if self._closed:
            raise ValueError("write to a closed archive")
        self._buffer += data
        self.bytes_in += len(data)
        size = self.header.segment_size
        while len(self._buffer) > size:  # keep at least one byte back: the last segment must be final
            self._seal(bytes(self._buffer[:size]), final=False)
            del self._buffer[:size]
        return len(data)

    def flush(self) -> None:
        self._sink.flush()

    def close(self) -> None:
        """Seal what is left as the final segment (possibly empty). Does not close the sink."""
        if not self._closed:
            self._seal(bytes(self._buffer), final=True)
            self._buffer.clear()
            self._closed = True

    def _seal(self, chunk: bytes, *, final: bool) -> None:
        nonce = _nonce(self.header.nonce_prefix, self._index)
        self._sink.write(self._aead.encrypt(nonce, chunk, _associated(self._header_bytes, self._index, final)))
        self._index += 1


class DecryptingReader:
    """A read-only file object over an archive whose header has been checked: only authenticated
    plaintext is ever returned. Reaching the end of the file without a final segment, or finding
    data after it, raises DamagedError."""

    def __init__(self, source: BinaryIO, header: Header, aead: AESGCM) -> None:
        self._source = source
        self._header = header
        self._header_bytes = header.pack()
        self._aead = aead
        self._chunk = header.segment_size + TAG
        self._pending = source.read(self._chunk)
        self._plain = bytearray()
        self._index = 0
        self._done = False

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        while not self._done and (size < 0 or len(self._plain) < size):
            self._open_next()
        if size < 0:
            size = len(self._plain)
        out = bytes(self._plain[:size])
        del self._plain[:size]
        return out

    def drain(self) -> int:
        """Authenticate the rest of the file (e.g. the tar padding after its end marker)."""
        count = 0
        while not self._done:
            self._open_next()
            count += len(self._plain)
            self._plain.clear()
        return count

    @property
    def segments(self) -> int:
        return self._index

    def _open_next(self) -> None:
        sealed = self._pending
        self._pending = self._source.read(self._chunk) if len(sealed) == self._chunk else b""
        final = not self._pending
        position = HEADER_SIZE + self._index * self._chunk
        if len(sealed) < TAG:
            raise DamagedError(
                f"The archive is truncated or damaged: it ends at byte {position + len(sealed)}, before its "
                "final segment. Nothing was restored."
            )
        nonce = _nonce(self._header.nonce_prefix, self._index)
        try:
            plain = self._aead.decrypt(nonce, sealed, _associated(self._header_bytes, self._index, final))
        except InvalidTag:
            if final and len(sealed) == self._chunk:
                try:  # a whole segment that is not marked final: the file was cut after it
                    self._aead.decrypt(nonce, sealed, _associated(self._header_bytes, self._index, False))
                except InvalidTag:
                    pass
                else:
                    raise DamagedError(
                        f"The archive is truncated: it ends after segment {self._index} (byte "
                        f"{position + len(sealed)}), which is not its last. Nothing was restored."
                    ) from None
            raise DamagedError(
                f"The archive is damaged: segment {self._index} (bytes {position}-{position + len(sealed) - 1}) "
                "failed authentication, so it was changed, cut or reordered after it was written. "
                "Nothing was restored."
            ) from None
        if not final and len(plain) != self._header.segment_size:
            raise DamagedError("The archive is damaged: a segment has the wrong size.")
        self._plain += plain
        self._index += 1
        self._done = final

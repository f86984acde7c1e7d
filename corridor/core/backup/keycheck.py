"""The restored data must be readable by this instance: its key ring must hold the keys that encrypted
the identifiers and attachments, and its blind-index key must be the one that indexed them. A restore
with the wrong keys would succeed and leave unreadable ciphertext, found out only later; so one sample
per key id is decrypted, and one blind index recomputed, before anything is committed."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from uuid import UUID

from corridor.core.crypto import DecryptionError, key_ring

_ENV_RING = "CORRIDOR_ENCRYPTION_KEYS"


class KeyProblem(Exception):
    pass


class KeyTally:
    """The first ciphertext seen under each key id, per encrypted column."""

    def __init__(self) -> None:
        self.samples: dict[tuple[str, str], bytes] = {}  # (context, key id) -> ciphertext

    def note(self, context: str, blob: bytes) -> None:
        try:
            key_id = key_ring().key_id_of(blob)
        except DecryptionError:
            key_id = "?"
        self.samples.setdefault((context, key_id), blob)

    def verify(self) -> None:
        ring = key_ring()
        for (context, key_id), blob in sorted(self.samples.items()):
            _decrypt_or_explain(ring, blob, context, key_id, what=f"values of {context.rsplit('.', 1)[0]}")


def _decrypt_or_explain(ring: Any, blob: bytes, context: str, key_id: str, *, what: str) -> None:
    if key_id not in ring.keys:
        raise KeyProblem(
            f"The {what} were encrypted with key {key_id!r}, which {_ENV_RING} does not hold. Restore with the "
            f"key ring of the instance that made the backup (newer keys may go in front of it)."
        )
    try:
        ring.decrypt(blob, context=context)
    except DecryptionError:
        raise KeyProblem(
            f"Key {key_id!r} in {_ENV_RING} is not the key {key_id!r} that encrypted the {what}. Restore with the "
            "key ring of the instance that made the backup."
        ) from None


def verify_attachment_files(staged: list[Path]) -> None:
    """Decrypt one staged attachment file per key id (the names are `<attachment id>.bin`)."""
    ring = key_ring()
    seen: set[str] = set()
    for path in staged:
        with path.open("rb") as handle:
            head = handle.read(64)
        try:
            key_id = ring.key_id_of(head)
        except DecryptionError:
            key_id = "?"
        if key_id in seen:
            continue
        seen.add(key_id)
        context = f"attachment:{UUID(path.stem)}"
        _decrypt_or_explain(ring, path.read_bytes(), context, key_id, what="attachment files")


def verify_blind_index() -> None:
    """One stored blind index, recomputed from its decrypted number with this instance's key."""
    from corridor.core.crypto import blind_index
    from corridor.people.models import PersonIdentifier

    identifier = PersonIdentifier.objects.order_by("pk").first()
    if identifier is not None and blind_index(identifier.value, kind=identifier.kind) != identifier.blind_index:
        raise KeyProblem(
            "CORRIDOR_BLIND_INDEX_KEY is not the key of the instance that made the backup: no search by "
            "number would find anything. Restore with that key."
        )

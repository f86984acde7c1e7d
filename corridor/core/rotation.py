"""Re-encrypting stored data under the key ring's primary key, after a new key was added."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import connection, transaction

from corridor.cases import attachments as files
from corridor.cases.models import Attachment
from corridor.core.crypto import key_ring
from corridor.people.models import PersonIdentifier


@dataclass
class RotationReport:
    identifiers: int = 0
    attachments: int = 0


def _identifier_batch(after: Any, size: int) -> list[tuple[Any, bytes]]:
    """Raw ciphertexts, read without decrypting, to see which key wrote them."""
    table = connection.ops.quote_name(PersonIdentifier._meta.db_table)
    with connection.cursor() as cursor:
        if after is None:
            cursor.execute(f"SELECT id, value FROM {table} ORDER BY id LIMIT %s", [size])  # noqa: S608
        else:
            cursor.execute(f"SELECT id, value FROM {table} WHERE id > %s ORDER BY id LIMIT %s", [after, size])  # noqa: S608
        return [(pk, bytes(blob)) for pk, blob in cursor.fetchall()]


def rotate_to_primary_key(*, batch_size: int = 1000) -> RotationReport:
    """Rewrite every identifier and attachment still encrypted under an older key.

    Safe to interrupt and run again: each batch commits on its own, and what is already under the
    primary key is skipped."""
    ring = key_ring()
    report = RotationReport()
    after: Any = None
    while rows := _identifier_batch(after, batch_size):
        stale = [pk for pk, blob in rows if ring.key_id_of(blob) != ring.primary_id]
        with transaction.atomic():
            for identifier in PersonIdentifier.objects.filter(pk__in=stale):
                # Reading decrypted the value; writing it back encrypts it under the primary key.
                PersonIdentifier.objects.filter(pk=identifier.pk).update(value=identifier.value)
        report.identifiers += len(stale)
        after = rows[-1][0]
    for attachment_id in Attachment.objects.order_by("pk").values_list("pk", flat=True).iterator():
        if ring.key_id_of(files.read_blob(attachment_id)) != ring.primary_id:
            files.store_encrypted(attachment_id, files.read_decrypted(attachment_id))
            report.attachments += 1
    return report

"""Walk the audit chain and report the first entry that does not match its digest or link."""

from __future__ import annotations

from dataclasses import dataclass

from corridor.audit.chain import CHAINED_FIELDS, GENESIS, entry_digest
from corridor.audit.models import AuditEntry


@dataclass(frozen=True)
class VerifyResult:
    checked: int
    head: str
    problem: str = ""
    entry_id: int | None = None

    @property
    def ok(self) -> bool:
        return not self.problem


def audit_chain_verify(*, batch_size: int = 5000) -> VerifyResult:
    expected_prev = GENESIS
    checked = 0
    last_id = 0
    while True:
        batch = list(
            AuditEntry.objects.filter(id__gt=last_id)
            .order_by("id")
            .values("id", "prev_digest", "digest", *CHAINED_FIELDS)[:batch_size]
        )
        if not batch:
            return VerifyResult(checked=checked, head=expected_prev)
        for row in batch:
            if row["prev_digest"] != expected_prev:
                return VerifyResult(
                    checked, expected_prev, "an entry before this one was deleted or reordered", row["id"]
                )
            if entry_digest(row, row["prev_digest"]) != row["digest"]:
                return VerifyResult(checked, expected_prev, "this entry was modified after it was written", row["id"])
            expected_prev = row["digest"]
            checked += 1
            last_id = row["id"]

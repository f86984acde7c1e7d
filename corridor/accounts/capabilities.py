"""Which role may do what: one table (data/capabilities.csv), read once at import."""

from __future__ import annotations

import csv
from pathlib import Path

from corridor.accounts.models import Role

_TABLE = Path(__file__).with_name("data") / "capabilities.csv"


def _load() -> dict[str, frozenset[str]]:
    grants: dict[str, set[str]] = {role.value: set() for role in Role}
    with _TABLE.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            for role in grants:
                if row[role] == "1":
                    grants[role].add(row["capability"])
    return {role: frozenset(caps) for role, caps in grants.items()}


ROLE_CAPABILITIES: dict[str, frozenset[str]] = _load()
ALL_CAPABILITIES: frozenset[str] = frozenset().union(*ROLE_CAPABILITIES.values())


def role_has(role: str, capability: str) -> bool:
    if capability not in ALL_CAPABILITIES:
        raise KeyError(f"unknown capability {capability!r}")
    return capability in ROLE_CAPABILITIES.get(role, frozenset())

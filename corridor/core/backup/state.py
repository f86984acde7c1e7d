"""What a backup records about the instance it came from, and checks on the one it goes into."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.migrations.loader import MigrationLoader

from corridor.audit.chain import CHAINED_FIELDS, GENESIS, entry_digest

FORMAT = "corridor-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"


def corridor_version() -> str:
    try:
        with (Path(settings.BASE_DIR) / "pyproject.toml").open("rb") as handle:
            return str(tomllib.load(handle)["project"]["version"])
    except (OSError, KeyError, tomllib.TOMLDecodeError):
        return "unknown"


def migration_state(connection: BaseDatabaseWrapper) -> dict[str, list[str]]:
    """The latest applied migrations of each app (usually one name; more if its graph branches)."""
    loader = MigrationLoader(connection, ignore_no_migrations=True)
    applied: dict[str, set[str]] = {}
    for app_label, name in loader.applied_migrations:
        applied.setdefault(app_label, set()).add(name)
    latest: dict[str, list[str]] = {}
    for app_label, names in sorted(applied.items()):
        leaves = []
        for name in names:
            node = loader.graph.node_map.get((app_label, name))
            children = {child.key for child in node.children} if node is not None else set()
            if not any(child_app == app_label and child in names for child_app, child in children):
                leaves.append(name)
        latest[app_label] = sorted(leaves)
    return latest


def migration_differences(recorded: dict[str, list[str]], current: dict[str, list[str]]) -> list[str]:
    problems = []
    for app_label in sorted(set(recorded) | set(current)):
        theirs, ours = recorded.get(app_label, []), current.get(app_label, [])
        if theirs != ours:
            problems.append(
                f"app '{app_label}': the archive was made at {', '.join(theirs) or 'no migrations'}, "
                f"this instance is at {', '.join(ours) or 'no migrations'}"
            )
    return problems


class ChainCheck:
    """audit_chain_verify, fed the rows one at a time in id order (as the backup reads them)."""

    def __init__(self) -> None:
        self.expected_prev = GENESIS
        self.checked = 0
        self.problem = ""
        self.entry_id: int | None = None

    def feed(self, row: dict[str, Any]) -> None:
        if self.problem:
            return
        if row["prev_digest"] != self.expected_prev:
            self.problem, self.entry_id = "an entry before this one was deleted or reordered", row["id"]
        elif entry_digest({name: row[name] for name in CHAINED_FIELDS}, row["prev_digest"]) != row["digest"]:
            self.problem, self.entry_id = "this entry was modified after it was written", row["id"]
        else:
            self.expected_prev = row["digest"]
            self.checked += 1

    def summary(self) -> dict[str, Any]:
        return {
            "checked": self.checked,
            "head": self.expected_prev,
            "intact": not self.problem,
            "problem": self.problem,
            "entry_id": self.entry_id,
        }

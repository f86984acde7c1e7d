"""Writing a scale run: the setup rows, then chunk after chunk, each in one transaction together with
the progress recorded in core.ScaleRun, so that an interrupted run leaves whole chunks and resumes.

Rows go in as they are (see tables.py): COPY on PostgreSQL, executemany on SQLite. That is the only
code that differs between the two databases.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from django.apps import apps
from django.db import connection, transaction
from django.utils import timezone

from corridor.accounts.models import Organisation, User
from corridor.audit.models import AuditAction
from corridor.audit.services import audit_record
from corridor.core.crypto import key_ring
from corridor.core.models import ScaleRun
from corridor.core.scale.generator import ChunkGenerator
from corridor.core.scale.plan import ScalePlan
from corridor.core.scale.tables import CHUNK_TABLES, COLUMNS, IDENTIFIER_VALUE, SETUP_TABLES
from corridor.core.scale.world import World, world_build

AUDIT_LABEL = "seed_scale"
SQLITE_CACHE_KIB = 1024 * 1024
Row = tuple[object, ...]


class ScaleConflict(Exception):
    """The database already holds other scale data, or organisations and accounts with the same names."""


def rows_insert(label: str, rows: Sequence[Row]) -> None:
    if not rows:
        return
    quote = connection.ops.quote_name
    table = quote(apps.get_model(label)._meta.db_table)
    columns = ", ".join(quote(column) for column in COLUMNS[label])
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor, cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
    else:
        connection.ensure_connection()
        placeholders = ", ".join("?" * len(COLUMNS[label]))
        sql = f"INSERT INTO {table} ({columns}) VALUES ({placeholders})"  # noqa: S608 - names from the models
        connection.connection.executemany(sql, rows)


def identifiers_seal(rows: list[Row]) -> list[Row]:
    """Encrypt the clear numbers exactly as EncryptedTextField would (same key ring, same context)."""
    encrypt, context, at = key_ring().encrypt, "people.personidentifier.value", IDENTIFIER_VALUE
    return [(*row[:at], encrypt(str(row[at]).encode(), context=context), *row[at + 1 :]) for row in rows]


def _arguments(plan: ScalePlan) -> dict[str, object]:
    return {
        "seed": plan.seed,
        "people": plan.people,
        "cases": plan.cases,
        "chunk_size": plan.chunk_size,
        "organisations": plan.organisations,
        "anchor": plan.anchor,
    }


def run_find(plan: ScalePlan, world: World) -> ScaleRun | None:
    """This plan's earlier run, or None on a database without scale data; anything else is a conflict."""
    run = ScaleRun.objects.filter(**_arguments(plan)).first()
    if run is not None:
        return run
    other = ScaleRun.objects.first()
    if other is not None:
        raise ScaleConflict(
            f"This database already holds a different scale run ({other}). Load into a fresh database, "
            "or rerun with that run's arguments to resume it."
        )
    slugs = [org.slug for org in world.orgs]
    prefixes = [org.prefix for org in world.orgs]
    if (
        Organisation.objects.filter(slug__in=slugs).exists()
        or Organisation.objects.filter(case_prefix__in=prefixes).exists()
        or User.objects.filter(email__in=[m.email for m in world.members]).exists()
    ):
        raise ScaleConflict("Organisations or accounts with the scale run's names already exist; use a fresh database.")
    return None


def _setup(plan: ScalePlan, world: World) -> ScaleRun:
    """Organisations, members and parties, the run's record and its audit entry: all or nothing."""
    joined = timezone.make_aware(dt.datetime.fromordinal(plan.first_day - 1), dt.UTC)
    with transaction.atomic():
        rows_insert("accounts.organisation", world.rows["accounts.organisation"])
        User.objects.bulk_create(
            User(
                email=m.email,
                full_name=m.full_name,
                password=world.password,
                preferred_language=m.language,
                date_joined=joined,
            )
            for m in world.members
        )
        rows_insert("accounts.membership", world.membership_rows(user_ids(world)))
        for label in SETUP_TABLES[2:]:
            rows_insert(label, world.rows[label])
        run = ScaleRun.objects.create(**_arguments(plan), chunks_total=plan.chunks)
        audit_record(
            actor=None,
            action=AuditAction.CREATE,
            obj=run,
            label=AUDIT_LABEL,
            summary=(
                f"synthetic scale data loaded: {plan.organisations} organisations, {plan.people:,} people, "
                f"{plan.cases:,} cases (seed {plan.seed}, anchor {plan.anchor})"
            ),
            changes={
                "synthetic": [None, True],
                "organisations": [None, plan.organisations],
                "members": [None, len(world.members)],
                "people": [None, plan.people],
                "cases": [None, plan.cases],
                "seed": [None, plan.seed],
                "anchor": [None, str(plan.anchor)],
            },
        )
    return run


def user_ids(world: World) -> dict[str, int]:
    emails = [m.email for m in world.members]
    return dict(User.objects.filter(email__in=emails).values_list("email", "id"))


def chunk_write(run: ScaleRun, world: World, rows: dict[str, list[Row]], index: int) -> None:
    """One chunk's rows, the organisations' case counters and the run's progress, in one transaction."""
    plan = world.plan
    with transaction.atomic():
        for label in CHUNK_TABLES:
            rows_insert(label, identifiers_seal(rows[label]) if label == "people.personidentifier" else rows[label])
        new_cases = world.case_counts(index)
        for org, counter, added in zip(world.orgs, world.counters_before(index + 1), new_cases, strict=True):
            if added:
                Organisation.objects.filter(pk=org.id).update(case_counter=counter)
        finished = timezone.now() if index + 1 == plan.chunks else None
        updated = ScaleRun.objects.filter(pk=run.pk, chunks_done=index).update(
            chunks_done=index + 1, finished_at=finished, updated_at=timezone.now()
        )
        if updated != 1:
            raise ScaleConflict("Another seed_scale is writing this run; stopped without writing this chunk.")
    run.chunks_done, run.finished_at = index + 1, finished


@dataclass(frozen=True)
class RunResult:
    outcome: str  # "finished", "already loaded" or "stopped"
    chunks_written: int
    chunks_done: int
    chunks_total: int


def scale_load(
    plan: ScalePlan,
    *,
    progress: Callable[[int], None] | None = None,
    stop_after_chunks: int | None = None,
) -> RunResult:
    """Load (or resume loading) the plan's data. `stop_after_chunks` stops early: a testing aid that
    behaves like a run killed between two chunks."""
    world = world_build(plan)
    run = run_find(plan, world)
    if run is not None and run.finished_at is not None:
        return RunResult("already loaded", 0, run.chunks_done, run.chunks_total)
    if run is None:
        run = _setup(plan, world)
    generator = ChunkGenerator(world, user_ids(world))
    if connection.vendor == "sqlite":
        # This connection only: keep the growing indexes in memory rather than re-reading their pages.
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA cache_size = -{SQLITE_CACHE_KIB}")
    first = run.chunks_done
    last = plan.chunks if stop_after_chunks is None else min(plan.chunks, first + stop_after_chunks)
    # The next chunk is generated in a second thread while this one is written: the database driver
    # releases the GIL while it waits, so generation and writing overlap on two cores.
    with ThreadPoolExecutor(max_workers=1) as background:
        upcoming = background.submit(generator.generate, first) if first < last else None
        for index in range(first, last):
            assert upcoming is not None
            rows = upcoming.result()
            upcoming = background.submit(generator.generate, index + 1) if index + 1 < last else None
            chunk_write(run, world, rows, index)
            if progress is not None:
                progress(index)
    if last < plan.chunks:
        return RunResult("stopped", last - first, run.chunks_done, plan.chunks)
    # Fresh planner statistics now: PostgreSQL would wait for autovacuum, and SQLite never gathers
    # them by itself (without them it picks poor plans for searches at this size).
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return RunResult("finished", last - first, run.chunks_done, plan.chunks)

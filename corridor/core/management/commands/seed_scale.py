"""`manage.py seed_scale`: load corridor-scale synthetic data (1.2 million people) for benchmarks."""

from __future__ import annotations

import datetime as dt
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection
from django.utils import timezone

from corridor.core.scale.loader import ScaleConflict, scale_load
from corridor.core.scale.plan import ANCHOR, ScalePlan
from corridor.core.scale.progress import Progress, duration


class Command(BaseCommand):
    help = (
        "Load synthetic corridor-scale data in bulk: organisations scale-01.., their staff and employers, "
        "then people and cases with violations, events, notes, tasks and outcomes. Deterministic for a seed; "
        "written in chunks, each in one transaction, so a rerun with the same arguments resumes."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--people", type=int, required=True, help="How many people (at least --cases).")
        parser.add_argument("--cases", type=int, required=True, help="How many cases.")
        parser.add_argument("--seed", type=int, default=2026, help="Random seed (default 2026).")
        parser.add_argument(
            "--chunk", type=int, default=20_000, help="People per chunk and transaction (default 20000)."
        )
        parser.add_argument("--organisations", type=int, default=12, help="How many organisations (1-99, default 12).")
        parser.add_argument(
            "--anchor",
            type=dt.date.fromisoformat,
            default=ANCHOR,
            help=f"The day generated dates lead up to (default {ANCHOR}); not after today.",
        )
        parser.add_argument("--quiet", action="store_true", help="No progress lines.")
        parser.add_argument(
            "--stop-after-chunks",
            type=int,
            default=None,
            help="Testing aid: stop after writing this many chunks, as if killed between two; rerun to resume.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        people, cases, chunk = options["people"], options["cases"], options["chunk"]
        if cases < 0 or people < cases:
            raise CommandError("--cases must be zero or more, and --people at least --cases (every case has a worker).")
        if chunk < 1:
            raise CommandError("--chunk must be at least 1.")
        if not 1 <= options["organisations"] <= 99:
            raise CommandError("--organisations must be between 1 and 99.")
        if options["anchor"] > timezone.localdate():
            raise CommandError("--anchor cannot be after today: the pages refuse dates in the future.")
        plan = ScalePlan(
            seed=options["seed"],
            people=people,
            cases=cases,
            chunk_size=chunk,
            organisations=options["organisations"],
            anchor=options["anchor"],
        )
        progress = None if options["quiet"] else Progress(plan, self.stderr)
        started = time.monotonic()
        try:
            result = scale_load(plan, progress=progress, stop_after_chunks=options["stop_after_chunks"])
        except ScaleConflict as error:
            raise CommandError(str(error)) from None
        elapsed = duration(time.monotonic() - started)
        if result.outcome == "already loaded":
            self.stdout.write(
                f"Scale data already loaded ({people:,} people, {cases:,} cases, seed {plan.seed}); "
                "nothing was changed."
            )
        elif result.outcome == "stopped":
            self.stdout.write(
                f"Stopped after {result.chunks_written} chunks ({result.chunks_done}/{result.chunks_total} done) "
                f"in {elapsed}; rerun the same command to resume."
            )
        else:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Scale data loaded on {connection.vendor} in {elapsed}: {plan.organisations} organisations, "
                    f"{people:,} people, {cases:,} cases ({result.chunks_written} of {result.chunks_total} chunks "
                    "written by this run)."
                )
            )

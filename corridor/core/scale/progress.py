"""The progress line of a scale run: chunks, people and cases done, rate and time left."""

from __future__ import annotations

import time
from typing import Protocol

from corridor.core.scale.plan import ScalePlan


class Stream(Protocol):
    def write(self, msg: str) -> object: ...

    def flush(self) -> None: ...


def duration(seconds: float) -> str:
    minutes, secs = divmod(round(seconds), 60)
    return f"{minutes}m{secs:02d}s" if minutes else f"{secs}s"


class Progress:
    def __init__(self, plan: ScalePlan, stream: Stream) -> None:
        self.plan, self.stream = plan, stream
        self.first_chunk: int | None = None  # the first chunk this process wrote (a resumed run starts later)
        self.started = time.monotonic()

    def __call__(self, index: int) -> None:
        plan, done = self.plan, index + 1
        if self.first_chunk is None:
            self.first_chunk = index
        elapsed = max(time.monotonic() - self.started, 1e-6)
        people, cases = plan.people_start(done), plan.case_start(done)
        this_session = people - plan.people_start(self.first_chunk)
        left = elapsed / (done - self.first_chunk) * (plan.chunks - done)
        self.stream.write(
            f"seed_scale: chunk {done}/{plan.chunks}, {people:,}/{plan.people:,} people, "
            f"{cases:,}/{plan.cases:,} cases, {this_session / elapsed:,.0f} people/s, "
            f"{duration(elapsed)} elapsed, ETA {duration(left)}\n"
        )
        self.stream.flush()

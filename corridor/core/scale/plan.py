"""The arguments of a scale run and the arithmetic of its chunks. Pure: no randomness, no database.

Chunk i holds people [people_start(i), people_start(i+1)) and cases [case_start(i), case_start(i+1)) of
the whole run, and its cases were opened in the i-th slice of the run's case-opening calendar (equal
numbers of cases per slice, so busy months make short slices). Chunks therefore follow each other in
time, and each organisation's case counter grows with the opening date, as case_open makes it.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
from dataclasses import dataclass
from functools import cached_property

from corridor.core.demo.plan import BORDER_CLASHES

ANCHOR = dt.date(2026, 11, 1)
COVID_CLOSURE = (dt.date(2020, 4, 1), dt.date(2021, 10, 1))  # borders closed, few new migrants
MASS_RETURNS_END = dt.date(2025, 12, 1)  # the returns after the July 2025 border clashes


@dataclass(frozen=True)
class ScalePlan:
    seed: int
    people: int
    cases: int
    chunk_size: int = 20_000
    organisations: int = 12
    anchor: dt.date = ANCHOR

    @cached_property
    def chunks(self) -> int:
        return max(1, -(-max(self.people, self.cases) // self.chunk_size))

    def case_start(self, index: int) -> int:
        return self.cases * index // self.chunks

    def people_start(self, index: int) -> int:
        """Each chunk has at least one person for each of its cases (people >= cases), then its share
        of the rest."""
        return self.case_start(index) + (self.people - self.cases) * index // self.chunks

    def cases_in(self, index: int) -> int:
        return self.case_start(index + 1) - self.case_start(index)

    def people_in(self, index: int) -> int:
        return self.people_start(index + 1) - self.people_start(index)

    # The calendar: days as ordinals (date.toordinal()).

    @cached_property
    def first_day(self) -> int:
        return dt.date(self.anchor.year - 7, 1, 1).toordinal()

    @cached_property
    def last_day(self) -> int:
        return self.anchor.toordinal()

    @cached_property
    def _calendar(self) -> tuple[float, ...]:
        """Cumulative weight of case openings day by day: growing use of the system, a dip while the
        borders were closed for COVID-19, a surge with the returns after the July 2025 clashes."""
        first = dt.date.fromordinal(self.first_day)
        weights = []
        for day in range(self.first_day, self.last_day + 1):
            date = dt.date.fromordinal(day)
            weight = 1.0 + 0.35 * (date - first).days / 365.25
            if COVID_CLOSURE[0] <= date < COVID_CLOSURE[1]:
                weight *= 0.55
            if BORDER_CLASHES <= date < MASS_RETURNS_END:
                weight *= 2.2
            weights.append(weight)
        return tuple(itertools.accumulate(weights))

    def day_at(self, index: int, fraction: float) -> int:
        """The opening day at `fraction` (0..1) of chunk `index`'s slice of the calendar."""
        calendar = self._calendar
        total = calendar[-1]
        position = total * (index + fraction) / self.chunks
        return self.first_day + min(bisect.bisect_right(calendar, position), len(calendar) - 1)

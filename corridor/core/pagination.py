"""Pages without a count, for lists whose matching set is expensive to count (a broad name search).

Django's Paginator counts every matching row before it shows one page, which runs the search twice. A
window page asks for one row more than it shows: that row says whether there is a next page, and the
total is known exactly only on the last page."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet


@dataclass(frozen=True)
class _Unknown:
    """Stands where templates read `page_obj.paginator`: no count, no number of pages."""

    count: int | None = None
    num_pages: int | None = None
    per_page: int = 0


@dataclass(frozen=True)
class WindowPage:
    object_list: Sequence[Any]
    number: int
    per_page: int
    more: bool

    @property
    def paginator(self) -> _Unknown:
        return _Unknown(per_page=self.per_page)

    @property
    def shown_until(self) -> int:
        """How many rows the pages up to this one hold: the exact total on the last page."""
        return (self.number - 1) * self.per_page + len(self.object_list)

    def has_next(self) -> bool:
        return self.more

    def has_previous(self) -> bool:
        return self.number > 1

    def has_other_pages(self) -> bool:
        return self.more or self.number > 1

    def next_page_number(self) -> int:
        return self.number + 1

    def previous_page_number(self) -> int:
        return self.number - 1

    def __len__(self) -> int:
        return len(self.object_list)


def window_page(queryset: QuerySet[Any], number: str | int | None, per_page: int) -> WindowPage:
    """The page asked for; the first page when the number is missing, not a positive integer, or past the end
    (Django's get_page turns to the last page there, which a window page cannot know without counting)."""
    try:
        page = max(1, int(number or 1))
    except (TypeError, ValueError):
        page = 1
    page = min(page, 10_000)  # a bound on OFFSET, far beyond any page a person reads
    start = (page - 1) * per_page
    rows = list(queryset[start : start + per_page + 1])
    if not rows and page > 1:
        return window_page(queryset, 1, per_page)
    return WindowPage(object_list=rows[:per_page], number=page, per_page=per_page, more=len(rows) > per_page)

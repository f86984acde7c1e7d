from __future__ import annotations

from collections.abc import Callable, Iterable

import pytest

from corridor.screening.instruments import Instrument, latest
from corridor.screening.rules import Answer, Result, evaluate


def instrument_named(code: str) -> Instrument:
    item = latest(code)
    assert item is not None, code
    return item


def answered(item: Instrument, yes: Iterable[str] = (), unknown: Iterable[str] = (), **contexts: str) -> Result:
    """Evaluate with the given indicators yes, the given ones unknown, and every other indicator no."""
    yes, unknown = set(yes), set(unknown)
    assert (yes | unknown) <= set(item.by_id), sorted((yes | unknown) - set(item.by_id))
    answers = {
        indicator_id: Answer.YES if indicator_id in yes else Answer.UNKNOWN if indicator_id in unknown else Answer.NO
        for indicator_id in item.by_id
    }
    return evaluate(item, answers, {key: Answer(value) for key, value in contexts.items()})


@pytest.fixture
def delphi() -> Instrument:
    return instrument_named("ilo-ec-adult-labour")


@pytest.fixture
def answer() -> Callable[..., Result]:
    return answered

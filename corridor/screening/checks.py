"""A system check that reads every instrument file, so a broken data change fails `manage.py check`
(and every test run) instead of the first assessment that uses it."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from django.core.checks import CheckMessage, Error, register

from corridor.screening.instruments import DIRECTORY, InstrumentError, load_directory

VIOLATION_TYPES = Path(__file__).resolve().parents[1] / "cases" / "data" / "violation_types.csv"


@register()
def instrument_files(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    with VIOLATION_TYPES.open(encoding="utf-8", newline="") as handle:
        codes = frozenset(row["code"] for row in csv.DictReader(handle))
    try:
        load_directory(DIRECTORY, codes)
    except (InstrumentError, KeyError, ValueError) as error:
        return [Error(f"Screening instrument data: {error}", id="screening.E001")]
    return []

"""Screening instruments, read from the versioned TOML files in data/instruments/ (see data/README.md).

An instrument is immutable data: the indicators, their questions in English, Khmer and Thai, and the
parameters of the rule that combines the answers. Saved assessments name the code and version they
were answered with, so an old assessment is always shown with the wording and rule it was made under.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, cast

from django.utils.translation import get_language

DIRECTORY = Path(__file__).resolve().parent / "data" / "instruments"
LANGUAGES = ("en", "km", "th")
Kind = Literal["delphi", "all_dimensions"]
Strength = Literal["strong", "medium", "weak"]
STRENGTHS: tuple[Strength, ...] = ("strong", "medium", "weak")
CONTEXT_IDS = frozenset({"child", "act"})


class InstrumentError(ValueError):
    """A data file that does not follow data/README.md: the message names the file and the entry."""


@dataclass(frozen=True, slots=True)
class Text:
    """One text in the three languages; shown in the active language."""

    en: str
    km: str
    th: str

    def __str__(self) -> str:
        return self.in_language(get_language() or "en")

    def in_language(self, language: str) -> str:
        return cast(str, getattr(self, language[:2], "")) or self.en


@dataclass(frozen=True, slots=True)
class Context:
    id: str
    question: Text
    help: Text


@dataclass(frozen=True, slots=True)
class Dimension:
    id: str
    role: str
    label: Text
    trafficking_type: str = ""
    min: int = 1
    child_exempt: bool = False


@dataclass(frozen=True, slots=True)
class Indicator:
    id: str
    dimension: str
    label: Text
    question: Text
    help: Text
    strength: Strength | None = None
    violations: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Instrument:
    code: str
    version: int
    kind: Kind
    own_list: bool
    source: str
    rule_source: str
    title: Text
    purpose: Text
    finding: Text  # what a positive result indicates, e.g. "indicators of forced labour"
    suggests_trafficking_status: bool
    positive_when: tuple[Mapping[Strength, int], ...]
    contexts: tuple[Context, ...]
    dimensions: tuple[Dimension, ...]
    indicators: tuple[Indicator, ...]
    by_id: Mapping[str, Indicator] = field(repr=False, compare=False, default_factory=dict)

    @property
    def key(self) -> str:
        return f"{self.code}-v{self.version}"

    def dimension(self, dimension_id: str) -> Dimension:
        return next(dimension for dimension in self.dimensions if dimension.id == dimension_id)

    def indicators_of(self, dimension_id: str) -> tuple[Indicator, ...]:
        return tuple(indicator for indicator in self.indicators if indicator.dimension == dimension_id)

    def context(self, context_id: str) -> Context | None:
        return next((context for context in self.contexts if context.id == context_id), None)


def _text(entry: Mapping[str, object], key: str, where: str) -> Text:
    value = entry.get(key)
    if not isinstance(value, Mapping) or any(not str(value.get(language, "")).strip() for language in LANGUAGES):
        raise InstrumentError(f"{where}: '{key}' needs non-empty en, km and th texts")
    return Text(**{language: str(value[language]).strip() for language in LANGUAGES})


def _parse(path: Path, violation_codes: frozenset[str] | None) -> Instrument:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    name = path.name
    kind = data.get("kind")
    if kind not in ("delphi", "all_dimensions"):
        raise InstrumentError(f"{name}: kind must be 'delphi' or 'all_dimensions'")
    code, version = str(data.get("code", "")), data.get("version")
    if not isinstance(version, int) or name != f"{code}-v{version}.toml":
        raise InstrumentError(f"{name}: the file name must be <code>-v<version>.toml")
    rule = data.get("rule", {})
    positive_when: tuple[Mapping[Strength, int], ...] = ()
    if kind == "delphi":
        positive_when = tuple(
            {cast(Strength, strength): int(count) for strength, count in combination.items()}
            for combination in rule.get("positive_when", [])
        )
        if not positive_when or any(set(combo) - set(STRENGTHS) for combo in positive_when):
            raise InstrumentError(f"{name}: rule.positive_when needs combinations of strong, medium and weak")
        if any(set(combo) == {"weak"} for combo in positive_when):
            raise InstrumentError(f"{name}: weak indicators alone never make a dimension positive")
    contexts = tuple(
        Context(
            id=str(entry["id"]),
            question=_text(entry, "question", f"{name} context {entry.get('id')}"),
            help=_text(entry, "help", f"{name} context {entry.get('id')}"),
        )
        for entry in data.get("contexts", [])
    )
    if unknown := {context.id for context in contexts} - CONTEXT_IDS:
        raise InstrumentError(f"{name}: unknown context {sorted(unknown)}; the rules know {sorted(CONTEXT_IDS)}")
    dimensions = tuple(
        Dimension(
            id=str(entry["id"]),
            role=str(entry["role"]),
            label=_text(entry, "label", f"{name} dimension {entry.get('id')}"),
            trafficking_type=str(entry.get("trafficking_type", "")),
            min=int(entry.get("min", 1)),
            child_exempt=bool(entry.get("child_exempt", False)),
        )
        for entry in data.get("dimensions", [])
    )
    dimension_ids = [dimension.id for dimension in dimensions]
    if not dimensions or len(set(dimension_ids)) != len(dimension_ids):
        raise InstrumentError(f"{name}: dimensions are missing or repeated")
    if kind == "delphi":
        roles = {dimension.role for dimension in dimensions}
        if roles != {"recruitment", "exploitation", "destination"}:
            raise InstrumentError(f"{name}: a delphi instrument needs recruitment, exploitation and destination roles")
        if not all(dimension.trafficking_type for dimension in dimensions if dimension.role == "recruitment"):
            raise InstrumentError(f"{name}: every recruitment dimension names its trafficking_type")
    indicators = []
    for entry in data.get("indicators", []):
        where = f"{name} indicator {entry.get('id')}"
        strength = entry.get("strength")
        if entry.get("dimension") not in dimension_ids:
            raise InstrumentError(f"{where}: unknown dimension {entry.get('dimension')!r}")
        if kind == "delphi" and strength not in STRENGTHS:
            raise InstrumentError(f"{where}: strength must be strong, medium or weak")
        violations = tuple(str(code) for code in entry.get("violations", []))
        if violation_codes is not None and (unknown := set(violations) - violation_codes):
            raise InstrumentError(f"{where}: unknown violation codes {sorted(unknown)}")
        indicators.append(
            Indicator(
                id=str(entry["id"]),
                dimension=str(entry["dimension"]),
                label=_text(entry, "label", where),
                question=_text(entry, "question", where),
                help=_text(entry, "help", where),
                strength=cast(Strength, strength) if kind == "delphi" else None,
                violations=violations,
            )
        )
    ids = [indicator.id for indicator in indicators]
    if len(set(ids)) != len(ids) or set(ids) & {context.id for context in contexts}:
        raise InstrumentError(f"{name}: indicator ids must be unique")
    return Instrument(
        code=code,
        version=version,
        kind=cast(Kind, kind),
        own_list=bool(data.get("own_list", False)),
        source=str(data.get("source", "")),
        rule_source=str(rule.get("source", "")),
        title=_text(data, "title", name),
        purpose=_text(data, "purpose", name),
        finding=_text(data, "finding", name),
        suggests_trafficking_status=bool(data.get("suggests_trafficking_status", False)),
        positive_when=positive_when,
        contexts=contexts,
        dimensions=dimensions,
        indicators=tuple(indicators),
        by_id={indicator.id: indicator for indicator in indicators},
    )


def load_directory(directory: Path, violation_codes: frozenset[str] | None = None) -> dict[str, Instrument]:
    """Every instrument version in a directory, by key (`code-vN`)."""
    loaded = (_parse(path, violation_codes) for path in sorted(directory.glob("*.toml")))
    return {instrument.key: instrument for instrument in loaded}


@functools.cache
def _all() -> dict[str, Instrument]:
    return load_directory(DIRECTORY)


def instrument(code: str, version: int) -> Instrument | None:
    return _all().get(f"{code}-v{version}")


def latest(code: str) -> Instrument | None:
    versions = [item for item in _all().values() if item.code == code]
    return max(versions, key=lambda item: item.version, default=None)


def current_instruments() -> list[Instrument]:
    """The latest version of each instrument, in a stable order for menus."""
    order = ["ilo-ec-adult-labour", "ilo-11", "icls-2018", "palermo", "forced-criminality"]
    latest_ones = [item for code in sorted({item.code for item in _all().values()}) if (item := latest(code))]
    return sorted(latest_ones, key=lambda item: order.index(item.code) if item.code in order else len(order))

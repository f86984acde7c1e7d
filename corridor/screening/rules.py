"""The rule engine: answers in, a result with its reasons out.

Answers are three-valued. "Unknown" is never read as "no": every rule is evaluated in Kleene's
three-valued logic, so a result is POSITIVE only when the "yes" answers alone satisfy the rule, NEGATIVE
only when no way of answering the unknown questions could satisfy it, and UNDETERMINED otherwise; the
unknown questions that could change it are returned as gaps. The thresholds come from the instrument's
data file, never from here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any

from corridor.screening.instruments import STRENGTHS, Dimension, Instrument, Strength


class Answer(StrEnum):
    YES = "yes"
    NO = "no"
    UNKNOWN = "unknown"


class Tri(StrEnum):
    """A three-valued truth: what the rule says given the answers so far."""

    POSITIVE = "positive"
    NEGATIVE = "negative"
    UNDETERMINED = "undetermined"


def tri_all(values: Iterable[Tri]) -> Tri:
    values = list(values)
    if Tri.NEGATIVE in values:
        return Tri.NEGATIVE
    return Tri.POSITIVE if all(value is Tri.POSITIVE for value in values) else Tri.UNDETERMINED


def tri_any(values: Iterable[Tri]) -> Tri:
    values = list(values)
    if Tri.POSITIVE in values:
        return Tri.POSITIVE
    return Tri.NEGATIVE if all(value is Tri.NEGATIVE for value in values) else Tri.UNDETERMINED


def tri_of(answer: Answer) -> Tri:
    return {Answer.YES: Tri.POSITIVE, Answer.NO: Tri.NEGATIVE}.get(answer, Tri.UNDETERMINED)


@dataclass(frozen=True, slots=True)
class DimensionResult:
    id: str
    status: Tri
    yes: tuple[str, ...]  # indicator ids answered yes
    unknown: tuple[str, ...]  # unanswered or "unknown"
    rule: dict[str, int] | None = None  # delphi: the combination of strengths that made it positive
    counts: dict[str, int] = field(default_factory=dict)  # delphi: yes answers by strength


@dataclass(frozen=True, slots=True)
class Result:
    status: Tri
    rule_fired: str  # "adult", "child" or "" (none)
    child: Tri  # was the person a child: positive = yes
    trafficking_types: tuple[str, ...]  # delphi: the positive recruitment dimensions' types
    dimensions: tuple[DimensionResult, ...]
    gaps: tuple[str, ...]  # unknown questions (indicators or contexts) that could change the result
    suggested_violations: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Result:
        return cls(
            status=Tri(data["status"]),
            rule_fired=data["rule_fired"],
            child=Tri(data["child"]),
            trafficking_types=tuple(data["trafficking_types"]),
            dimensions=tuple(
                DimensionResult(
                    id=item["id"],
                    status=Tri(item["status"]),
                    yes=tuple(item["yes"]),
                    unknown=tuple(item["unknown"]),
                    rule=item.get("rule"),
                    counts=dict(item.get("counts", {})),
                )
                for item in data["dimensions"]
            ),
            gaps=tuple(data["gaps"]),
            suggested_violations=tuple(data["suggested_violations"]),
        )

    def dimension(self, dimension_id: str) -> DimensionResult:
        return next(item for item in self.dimensions if item.id == dimension_id)


def _meets(counts: Mapping[Strength, int], combination: Mapping[Strength, int]) -> bool:
    return all(counts.get(strength, 0) >= needed for strength, needed in combination.items())


def _delphi_dimension(instrument: Instrument, dimension: Dimension, answers: Mapping[str, Answer]) -> DimensionResult:
    indicators = instrument.indicators_of(dimension.id)
    yes = [item for item in indicators if answers.get(item.id) is Answer.YES]
    unknown = [item for item in indicators if answers.get(item.id, Answer.UNKNOWN) is Answer.UNKNOWN]
    counts = {strength: sum(item.strength == strength for item in yes) for strength in STRENGTHS}
    possible = {
        strength: counts[strength] + sum(item.strength == strength for item in unknown) for strength in STRENGTHS
    }
    combos = instrument.positive_when
    fired = next(({str(key): n for key, n in combo.items()} for combo in combos if _meets(counts, combo)), None)
    if fired is not None:
        status = Tri.POSITIVE
    elif any(_meets(possible, combo) for combo in instrument.positive_when):
        status = Tri.UNDETERMINED
    else:
        status = Tri.NEGATIVE
    return DimensionResult(
        id=dimension.id,
        status=status,
        yes=tuple(item.id for item in yes),
        unknown=tuple(item.id for item in unknown),
        rule=fired,
        counts={str(strength): count for strength, count in counts.items()},
    )


def _counted_dimension(instrument: Instrument, dimension: Dimension, answers: Mapping[str, Answer]) -> DimensionResult:
    indicators = instrument.indicators_of(dimension.id)
    yes = tuple(item.id for item in indicators if answers.get(item.id) is Answer.YES)
    unknown = tuple(item.id for item in indicators if answers.get(item.id, Answer.UNKNOWN) is Answer.UNKNOWN)
    if len(yes) >= dimension.min:
        status = Tri.POSITIVE
    elif len(yes) + len(unknown) >= dimension.min:
        status = Tri.UNDETERMINED
    else:
        status = Tri.NEGATIVE
    return DimensionResult(id=dimension.id, status=status, yes=yes, unknown=unknown)


def evaluate(instrument: Instrument, answers: Mapping[str, Answer], contexts: Mapping[str, Answer]) -> Result:
    """The screening result for one set of answers (missing answers count as unknown)."""
    if instrument.kind == "delphi":
        dimensions = {d.id: _delphi_dimension(instrument, d, answers) for d in instrument.dimensions}
    else:
        dimensions = {d.id: _counted_dimension(instrument, d, answers) for d in instrument.dimensions}
    status_of = {dimension_id: result.status for dimension_id, result in dimensions.items()}
    child = tri_of(contexts.get("child", Answer.UNKNOWN)) if instrument.context("child") else Tri.NEGATIVE

    if instrument.kind == "delphi":
        by_role: dict[str, list[Tri]] = {}
        for dimension in instrument.dimensions:
            by_role.setdefault(dimension.role, []).append(status_of[dimension.id])
        # Adults: a recruitment dimension, and exploitation, and coercion or abuse of vulnerability at destination.
        adult = tri_all(
            [tri_any(by_role["recruitment"]), tri_any(by_role["exploitation"]), tri_any(by_role["destination"])]
        )
        # Children: the means are not required; the act (being recruited, moved or received) and exploitation are.
        act = tri_of(contexts.get("act", Answer.UNKNOWN)) if instrument.context("act") else Tri.UNDETERMINED
        child_rule = tri_all([act, tri_any(by_role["exploitation"])])
    else:
        adult = tri_all(status_of.values())
        child_rule = tri_all(status_of[d.id] for d in instrument.dimensions if not d.child_exempt)

    child_path = tri_all([child, child_rule])
    status = tri_any([adult, child_path])
    rule_fired = "adult" if adult is Tri.POSITIVE else "child" if child_path is Tri.POSITIVE else ""
    types = tuple(
        dimension.trafficking_type
        for dimension in instrument.dimensions
        if dimension.role == "recruitment" and status_of[dimension.id] is Tri.POSITIVE
    )
    return Result(
        status=status,
        rule_fired=rule_fired,
        child=child,
        trafficking_types=types if instrument.kind == "delphi" else (),
        dimensions=tuple(dimensions.values()),
        gaps=_gaps(instrument, dimensions, contexts) if status is Tri.UNDETERMINED else (),
        suggested_violations=_violations(instrument, answers),
    )


def _gaps(
    instrument: Instrument, dimensions: Mapping[str, DimensionResult], contexts: Mapping[str, Answer]
) -> tuple[str, ...]:
    """The unknown answers that could still change an undetermined result: those in undetermined
    dimensions, and the context questions the rule reads."""
    gaps = [
        indicator_id
        for result in dimensions.values()
        if result.status is Tri.UNDETERMINED
        for indicator_id in result.unknown
    ]
    gaps += [
        context.id for context in instrument.contexts if contexts.get(context.id, Answer.UNKNOWN) is Answer.UNKNOWN
    ]
    return tuple(gaps)


def _violations(instrument: Instrument, answers: Mapping[str, Answer]) -> tuple[str, ...]:
    codes: dict[str, None] = {}
    for indicator in instrument.indicators:
        if answers.get(indicator.id) is Answer.YES:
            codes.update(dict.fromkeys(indicator.violations))
    return tuple(codes)

"""The result in words, in the reader's language: which indicators and which rule made it, and what is
still unknown. Stored results are structured (rules.Result), so the same assessment reads in Khmer for
one caseworker and in Thai for another."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from corridor.screening.instruments import Instrument
from corridor.screening.rules import DimensionResult, Result, Tri

TYPE_LABELS = {
    "deceptive": lambda: _("deceptive recruitment"),
    "coercive": lambda: _("coercive recruitment"),
    "vulnerability": lambda: _("recruitment by abuse of vulnerability"),
}


@dataclass(frozen=True, slots=True)
class Line:
    status: str  # a Tri value, or "" for a plain line
    text: str


def strength_label(strength: str) -> str:
    return {"strong": _("strong"), "medium": _("medium"), "weak": _("weak")}.get(strength, strength)


def _listing(items: list[str]) -> str:
    return _(", ").join(items)


def _indicator_names(instrument: Instrument, ids: tuple[str, ...]) -> str:
    return _listing([f"{instrument.by_id[i].label!s} ({i})" for i in ids if i in instrument.by_id])


def _combination(rule: dict[str, int]) -> str:
    parts = [
        ngettext("%(count)d %(strength)s indicator", "%(count)d %(strength)s indicators", count)
        % {"count": count, "strength": strength_label(strength)}
        for strength, count in rule.items()
    ]
    return _(" and ").join(parts)


def headline(instrument: Instrument, result: Result) -> str:
    finding = str(instrument.finding)
    if result.status is Tri.POSITIVE:
        return _("The answers show %(finding)s.") % {"finding": finding}
    if result.status is Tri.UNDETERMINED:
        return _("Not enough answers yet: %(finding)s may be present. See the unknown answers below.") % {
            "finding": finding
        }
    return _("The answers do not show %(finding)s.") % {"finding": finding}


def disclaimer() -> str:
    return _("A screening aid for the caseworker, not a legal determination.")


def _dimension_line(instrument: Instrument, item: DimensionResult) -> Line:
    label = str(instrument.dimension(item.id).label)
    if item.status is Tri.POSITIVE:
        if item.rule:
            reason = _("rule met: %(rule)s") % {"rule": _combination(item.rule)}
        else:
            reason = ngettext("%(count)d indicator", "%(count)d indicators", len(item.yes)) % {"count": len(item.yes)}
        text = _("%(dimension)s: present (%(reason)s): %(indicators)s.") % {
            "dimension": label,
            "reason": reason,
            "indicators": _indicator_names(instrument, item.yes),
        }
    elif item.status is Tri.UNDETERMINED:
        # A count, not the names: the unknown questions are listed once, under the result, when they matter.
        text = ngettext(
            "%(dimension)s: could be present; %(count)d question is still unknown.",
            "%(dimension)s: could be present; %(count)d questions are still unknown.",
            len(item.unknown),
        ) % {"dimension": label, "count": len(item.unknown)}
    elif item.yes:
        text = _("%(dimension)s: not enough for the rule (%(indicators)s).") % {
            "dimension": label,
            "indicators": _indicator_names(instrument, item.yes),
        }
    else:
        text = _("%(dimension)s: no indicator answered yes.") % {"dimension": label}
    return Line(item.status.value, text)


def _rule_line(instrument: Instrument, result: Result) -> Line | None:
    if result.rule_fired == "child":
        return Line(
            Tri.POSITIVE.value,
            _("Rule for a child: the means are not required (Palermo Protocol, art. 3(c)); this rule fired."),
        )
    if result.rule_fired != "adult":
        return None
    if instrument.kind == "delphi":
        types = _listing([TYPE_LABELS[kind]() for kind in result.trafficking_types if kind in TYPE_LABELS])
        return Line(
            Tri.POSITIVE.value,
            _(
                "Rule fired: a recruitment dimension (%(types)s), the exploitation dimension, and coercion or "
                "abuse of vulnerability at destination are all present."
            )
            % {"types": types},
        )
    return Line(Tri.POSITIVE.value, _("Rule fired: every required element is present."))


def explanation(instrument: Instrument, result: Result) -> list[Line]:
    lines = [_dimension_line(instrument, item) for item in result.dimensions]
    if rule := _rule_line(instrument, result):
        lines.append(rule)
    if result.child is Tri.UNDETERMINED and any(context.id == "child" for context in instrument.contexts):
        lines.append(Line("", _("Age not known: for a child under 18 the means are not required.")))
    return lines


def gap_labels(instrument: Instrument, result: Result) -> list[str]:
    labels = []
    for gap in result.gaps:
        if gap in instrument.by_id:
            labels.append(f"{instrument.by_id[gap].label!s} ({gap})")
        elif context := instrument.context(gap):
            labels.append(str(context.question))
    return labels


def type_labels(result: Result) -> str:
    return _listing([TYPE_LABELS[kind]() for kind in result.trafficking_types if kind in TYPE_LABELS])

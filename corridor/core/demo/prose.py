"""The short English case summary that both the demo and the scale generator write."""

from __future__ import annotations

from typing import Any

from corridor.core.demo import names

NUMBER_WORDS = ("two", "three", "four")


def case_summary(
    *,
    age: int,
    gender: str,
    scenario: str,
    channel: str,
    with_broker: bool,
    codes: list[str],
    text: dict[str, Any],
    workers: int,
    returned: bool | None,
    exited: bool,
) -> str:
    """`returned`: True once home, False while waiting for the handover, None if no return is planned."""
    noun = {"Feminine": "woman", "Masculine": "man"}.get(gender, "worker")
    route = "scam" if scenario == "scam" else channel
    how = names.CHANNEL_PHRASES[route].format(**text).rstrip(".")
    if route == "irregular" and with_broker:
        how += " with a broker's help"
    parts = [f"A {age}-year-old {noun} from {text['home']} {how}."]
    if workers > 1:
        parts.append(
            "A co-worker from the same village reports the same."
            if workers == 2
            else f"{NUMBER_WORDS[workers - 3].capitalize()} co-workers from the same village report the same."
        )
    phrases = [names.VIOLATION_PHRASES[c].format(**text) for c in codes if c in names.VIOLATION_PHRASES]
    if phrases:
        joined = phrases[0] if len(phrases) == 1 else ", ".join(phrases[:-1]) + " and " + phrases[-1]
        parts.append(f"Reports {joined}.")
    if returned is True:
        parts.append(f"Now back home in {text['home']}.")
    elif returned is False:
        parts.append("Waiting to be handed over at the border.")
    else:
        parts.append("Has left the job." if exited else f"Still working at {text['workplace']}.")
    return " ".join(parts)

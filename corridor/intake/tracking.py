"""Tracking codes and PINs: short enough to write on a hand, never stored in a form that reveals the PIN."""

from __future__ import annotations

import hmac
import secrets

from corridor.core.crypto import blind_index
from corridor.people.identifiers import ascii_digits

# No letters or digits that look alike on a cheap phone screen (0/O, 1/I/L, 2/Z, 5/S, 8/B).
CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"
CODE_LENGTH = 8
PIN_LENGTH = 6


def new_tracking_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def new_pin() -> str:
    return "".join(secrets.choice("0123456789") for _ in range(PIN_LENGTH))


def normalise_code(text: str) -> str:
    """What a worker types back: any case, with or without the dash or spaces."""
    cleaned = "".join(character for character in text.upper() if character.isalnum())
    return cleaned


def normalise_pin(text: str) -> str:
    return "".join(character for character in ascii_digits(text) if character.isdigit())


def pin_digest(code: str, pin: str) -> str:
    """Keyed with the blind-index key, which never lives in the database: a copy of the database
    alone cannot be searched for PINs, and the code binds each digest to its report."""
    return blind_index(f"{code}:{pin}", kind="report-pin")


def pin_matches(code: str, pin: str, digest: str) -> bool:
    return hmac.compare_digest(pin_digest(code, pin), digest)

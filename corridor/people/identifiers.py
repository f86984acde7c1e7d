"""Normalising identifier numbers so that the same number always gives the same blind index."""

from __future__ import annotations

import re
import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from corridor.people.models import IdentifierKind

_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_KHMER_DIGITS = str.maketrans("០១២៣៤៥៦៧៨៩", "0123456789")


def ascii_digits(text: str) -> str:
    """Khmer and Thai keyboards type their own digits; numbers are compared in ASCII ones."""
    return text.translate(_THAI_DIGITS).translate(_KHMER_DIGITS)


def normalise_identifier(kind: str, raw: str) -> str:
    """Upper-case, ASCII digits, no spaces or dashes; phone numbers in international form."""
    text = ascii_digits(unicodedata.normalize("NFKC", raw))
    text = re.sub(r"[\s\-./]", "", text).upper()
    if kind == IdentifierKind.PHONE:
        return _normalise_phone(text)
    if not text:
        raise ValidationError(_("Enter the number."))
    if not re.fullmatch(r"[A-Z0-9]{3,30}", text):
        raise ValidationError(_("Use only letters and digits (3 to 30 of them)."))
    return text


def _normalise_phone(text: str) -> str:
    digits = re.sub(r"[()]", "", text)
    if digits.startswith("+"):
        digits = digits[1:]
    elif digits.startswith("00"):
        digits = digits[2:]
    elif digits.startswith("0"):
        # A local number: Thai mobiles are 0 + 9 digits, Cambodian ones 0 + 8 or 9 digits.
        # Without a country code we cannot tell them apart, so keep the local form.
        return digits if re.fullmatch(r"0\d{8,9}", digits) else _invalid_phone()
    if not re.fullmatch(r"\d{8,15}", digits):
        return _invalid_phone()
    return "+" + digits


def _invalid_phone() -> str:
    raise ValidationError(_("Enter a phone number such as +66 81 234 5678 or 012 345 678."))


# Country codes of the corridor: a number written locally ("081…") may have been saved in
# international form ("+6681…") or the other way round.
CORRIDOR_COUNTRY_CODES = ("66", "855")


def phone_variants(normalised: str) -> set[str]:
    """Every form under which the same corridor phone number may have been saved."""
    variants = {normalised}
    if normalised.startswith("0"):
        variants.update(f"+{code}{normalised[1:]}" for code in CORRIDOR_COUNTRY_CODES)
    for code in CORRIDOR_COUNTRY_CODES:
        if normalised.startswith(f"+{code}"):
            variants.add("0" + normalised[1 + len(code) :])
    return variants

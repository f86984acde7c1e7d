"""Province lists for forms, read once per process: the table is reference data written by a
migration and never edited at run time, and the public report form shows it on every page."""

from __future__ import annotations

from functools import cache

from django.utils.translation import get_language, override

from corridor.core.models import Province


@cache
def _choices(country: str, language: str) -> tuple[tuple[str, str], ...]:
    with override(language):
        named = [(province.pk, province.name) for province in Province.objects.filter(country=country)]
    return tuple(sorted(named, key=lambda item: item[1]))


def province_choices(country: str) -> list[tuple[str, str]]:
    """(code, name in the active language), sorted by name."""
    return list(_choices(country, (get_language() or "en")[:2]))


@cache
def province_codes(country: str) -> frozenset[str]:
    return frozenset(Province.objects.filter(country=country).values_list("pk", flat=True))

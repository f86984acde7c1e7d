"""Public pages on a migrant worker's rights in Thailand: no account, no scripts, every fact with its source
(the legal facts come from shared/reference/thai_labour_law.md and data/thai_minimum_wage.csv)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone, translation
from django.views.decorators.http import require_GET

from corridor.core import minimum_wage
from corridor.core.minimum_wage import ProvinceRate, WageRate
from corridor.core.provinces import province_choices


def _page(request: HttpRequest, name: str, context: dict[str, Any] | None = None) -> HttpResponse:
    response = render(request, f"intake/rights/{name}.html", context or {})
    # The same address serves three languages (chosen by cookie): say which one this is.
    response["Content-Language"] = translation.get_language() or "en"
    return response


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    return _page(request, "index")


@require_GET
def documents(request: HttpRequest) -> HttpResponse:
    return _page(request, "documents")


@require_GET
def overtime(request: HttpRequest) -> HttpResponse:
    return _page(request, "overtime")


@require_GET
def hotlines(request: HttpRequest) -> HttpResponse:
    return _page(request, "hotlines")


@require_GET
def privacy(request: HttpRequest) -> HttpResponse:
    return _page(request, "privacy")


@require_GET
def wages(request: HttpRequest) -> HttpResponse:
    """A province chosen with a plain GET form (works without scripts), its rate today, and every province."""
    today = timezone.localdate()
    provinces = province_choices("TH")
    names = dict(provinces)
    rates = {rate.province_code: rate for rate in minimum_wage.rates_in_force(today)}
    code = request.GET.get("province", "")
    chosen = rates.get(code) if code in names else None
    context = {
        "provinces": provinces,
        "table": sorted(((names[c], rate) for c, rate in rates.items() if c in names), key=lambda row: row[0]),
        "code": code,
        "chosen": chosen,
        "chosen_name": names.get(code, ""),
        "special": _worth_mentioning(chosen) if chosen else [],
        "not_found": bool(code) and chosen is None,
        "chosen_sources": _sources([chosen]) if chosen else [],
        "sources": _sources(rates.values()),
    }
    return _page(request, "wages", context)


def _sources(rates: Iterable[ProvinceRate]) -> list[str]:
    return sorted({row.source for rate in rates for row in rate.area_rates})


def _worth_mentioning(rate: ProvinceRate) -> list[WageRate]:
    # A sector rate no higher than the lowest rate that covers every workplace changes nothing for the worker
    # (Bangkok's hotel rate once the general rate reached 400): listing it would only suggest a difference.
    return [sector for sector in rate.sectors if sector.daily_rate > rate.lowest]

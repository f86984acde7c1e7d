"""Findings and line items of a wage claim as sentences in the active language.

The calculator keeps its numbers as plain strings in `params` (Decimal text, ISO dates) so that a claim can be
stored and rendered later in any language; this module formats them when the text is asked for. Every msgid has
named placeholders, so translators can reorder them.

Amounts are written 1,234.56 in every language: a claim is read by the worker, the caseworker and the employer,
and Corridor's Khmer and Thai pages already write figures that way.
"""

from __future__ import annotations

import csv
import functools
from collections.abc import Callable, Mapping
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

from django.utils import formats
from django.utils.functional import lazy
from django.utils.translation import get_language, gettext, override
from django.utils.translation import gettext_lazy as _

from corridor.core.minimum_wage import DATA as WAGE_DATA

if TYPE_CHECKING:
    from corridor.rights.facts import Basis, Finding, LineItem

GEOGRAPHY = WAGE_DATA.parent / "geography.csv"
CENT = Decimal("0.01")

PURPOSES = {  # completes "... baht was deducted for ..."
    "tax_social_security": _("tax or social security"),
    "union_dues": _("union dues"),
    "welfare_debt": _("savings or a debt for the worker's own benefit"),
    "deposit_or_damages": _("a guarantee deposit or damages"),
    "provident_fund": _("a provident fund"),
    "document_fee": _("documents (such as a passport fee)"),
    "recruitment_fee": _("recruitment"),
    "fine": _("a fine"),
    "other": _("another reason"),
}
FEE_KINDS = {
    "service": _("A recruitment service fee"),
    "visa": _("A visa fee"),
    "stay_permit": _("A stay permit fee"),
    "work_permit": _("A work permit fee"),
    "medical_check": _("A medical check fee"),
    "other": _("Another recruitment fee"),
}
HOLDERS = {"employer": _("the employer"), "recruiter": _("the recruiter or agency")}
SOURCES = {
    "basic_wages": _("basic pay"),
    "overtime_and_holiday": _("overtime and holiday pay"),
    "unlawful_deduction": _("unlawful deduction"),
    "deduction_over_cap": _("deductions over the limit"),
    "severance": _("severance pay"),
}


def format_money(value: Decimal | str) -> str:
    return f"{Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP):,.2f}"


def format_quantity(value: Decimal | str) -> str:
    """Hours or days: whole numbers without decimals, otherwise two."""
    number = Decimal(value)
    return f"{number:,.0f}" if number == number.to_integral_value() else f"{number:,.2f}"


def format_percent(value: Decimal | str) -> str:
    return format_quantity(Decimal(value) * 100)


def format_date(value: date | str) -> str:
    day = value if isinstance(value, date) else date.fromisoformat(value)
    return formats.date_format(day, "DATE_FORMAT")


@functools.cache
def _province_names() -> dict[str, dict[str, str]]:
    with GEOGRAPHY.open(newline="", encoding="utf-8") as handle:
        return {
            row["code"]: {"en": row["name_common_en"], "km": row["name_km"], "th": row["name_th"]}
            for row in csv.DictReader(handle)
        }


def province_name(code: str) -> str:
    """The province's name in the active language; the code itself when it is not a province we know."""
    names = _province_names().get(code)
    if names is None:
        return code
    return names.get((get_language() or "en")[:2]) or names["en"]


def _render(msgid: str, params: Mapping[str, object]) -> str:
    return gettext(msgid) % {key: str(value) for key, value in params.items()}


# Renders when the text is used, so a message built before the language is known still comes out in the reader's.
lazy_text = lazy(_render, str)
lazy_date = lazy(format_date, str)
lazy_province_name = lazy(province_name, str)


def basis_text(basis: Basis, language: str) -> str:
    """The citation in `language`, marked when nobody has yet checked it against the text of the law."""
    citation = basis.citation.get(language) or basis.citation["en"]
    if not basis.unconfirmed:
        return citation
    with override(language):
        return gettext("%(citation)s (not yet checked)") % {"citation": citation}


def _period(params: Mapping[str, str]) -> dict[str, str]:
    return {"start": format_date(params["from"]), "end": format_date(params["to"])}


def _rate_range(low: str, high: str) -> str:
    return format_money(low) if Decimal(low) == Decimal(high) else f"{format_money(low)}–{format_money(high)}"


def _line_basic_wages(params: Mapping[str, str]) -> str:
    return gettext("Basic pay from %(start)s to %(end)s: %(due)s baht was due and %(paid)s baht was paid.") % {
        **_period(params),
        "due": format_money(params["due"]),
        "paid": format_money(params["paid"]),
    }


def _line_overtime(params: Mapping[str, str]) -> str:
    values = {
        **_period(params),
        "overtime_hours": format_quantity(params["overtime_hours"]),
        "holiday_hours": format_quantity(params["holiday_hours"]),
        "holiday_overtime_hours": format_quantity(params["holiday_overtime_hours"]),
        "hourly_rate": _rate_range(params["hourly_rate_low"], params["hourly_rate_high"]),
        "due": format_money(params["due"]),
        "paid": format_money(params["paid"]),
    }
    if Decimal(params["holiday_hours"]) == 0 and Decimal(params["holiday_overtime_hours"]) == 0:
        return (
            gettext(
                "Overtime from %(start)s to %(end)s: %(overtime_hours)s hours, at %(hourly_rate)s baht an hour before "
                "the overtime rate. %(due)s baht was due and %(paid)s baht was paid."
            )
            % values
        )
    return (
        gettext(
            "Overtime and holiday work from %(start)s to %(end)s: %(overtime_hours)s overtime hours, %(holiday_hours)s "
            "hours on holidays and %(holiday_overtime_hours)s overtime hours on holidays, at %(hourly_rate)s baht an "
            "hour before the overtime and holiday rates. %(due)s baht was due and %(paid)s baht was paid."
        )
        % values
    )


def _line_unlawful_deduction(params: Mapping[str, str]) -> str:
    if params["reason"] == "no_consent":
        msgid = gettext(
            "%(deducted)s baht was deducted from the pay from %(start)s to %(end)s for %(purpose)s, without the "
            "worker's consent. The law allows this deduction only with consent, so all of it is owed."
        )
    else:
        msgid = gettext(
            "%(deducted)s baht was deducted from the pay from %(start)s to %(end)s for %(purpose)s. The law does not "
            "allow this deduction, so all of it is owed."
        )
    return msgid % {
        **_period(params),
        "purpose": PURPOSES[params["purpose"]],
        "deducted": format_money(params["deducted"]),
    }


def _line_deduction_over_cap(params: Mapping[str, str]) -> str:
    return gettext(
        "Deductions of %(deducted)s baht were taken from the pay from %(start)s to %(end)s, but at most "
        "%(allowed)s baht was allowed."
    ) % {**_period(params), "deducted": format_money(params["deducted"]), "allowed": format_money(params["allowed"])}


def _line_recruitment_fee(params: Mapping[str, str]) -> str:
    return gettext("%(kind)s of %(paid)s baht, paid on %(paid_on)s. The worker should not pay it.") % {
        "kind": FEE_KINDS[params["kind"]],
        "paid": format_money(params["paid"]),
        "paid_on": format_date(params["paid_on"]),
    }


def _line_severance(params: Mapping[str, str]) -> str:
    return gettext(
        "Severance pay for %(service_days)s days of service, dismissed on %(end)s: %(pay_days)s days at "
        "%(daily_rate)s baht a day make %(due)s baht, and %(paid)s baht was paid."
    ) % {
        "service_days": format_quantity(params["service_days"]),
        "end": format_date(params["to"]),
        "pay_days": format_quantity(params["pay_days"]),
        "daily_rate": format_money(params["daily_rate"]),
        "due": format_money(params["due"]),
        "paid": format_money(params["paid"]),
    }


def _line_late_interest(params: Mapping[str, str]) -> str:
    return gettext(
        "Interest of %(rate)s%% a year on %(principal)s baht of %(source)s, for %(days)s days from %(start)s to "
        "%(end)s."
    ) % {
        **_period(params),
        "rate": format_percent(params["rate"]),
        "principal": format_money(params["principal"]),
        "source": SOURCES[params["source"]],
        "days": format_quantity(params["days"]),
    }


def _line_wilful_surcharge(params: Mapping[str, str]) -> str:
    return gettext(
        "Surcharge for not paying on purpose: %(rate)s%% of %(principal)s baht of %(source)s for each full 7 days "
        "late, %(periods)s times from %(start)s to %(end)s."
    ) % {
        **_period(params),
        "rate": format_percent(params["rate"]),
        "principal": format_money(params["principal"]),
        "source": SOURCES[params["source"]],
        "periods": format_quantity(params["periods"]),
    }


_LINES: dict[str, Callable[[Mapping[str, str]], str]] = {
    "basic_wages": _line_basic_wages,
    "overtime_and_holiday": _line_overtime,
    "unlawful_deduction": _line_unlawful_deduction,
    "deduction_over_cap": _line_deduction_over_cap,
    "recruitment_fee": _line_recruitment_fee,
    "severance": _line_severance,
    "late_interest": _line_late_interest,
    "wilful_surcharge": _line_wilful_surcharge,
}


def describe_line(line: LineItem) -> str:
    """What the amount is for and how it was reached, then the amount owed."""
    owed = gettext("Owed: %(amount)s baht.") % {"amount": format_money(line.amount)}
    return f"{_LINES[line.code](line.params)} {owed}"


def _finding_below_minimum_wage(params: Mapping[str, str]) -> str:
    return gettext(
        "From %(start)s to %(end)s, the pay was %(paid_per_day)s baht a day, less than the minimum wage of "
        "%(minimum)s baht a day."
    ) % {
        **_period(params),
        "paid_per_day": format_money(params["paid_per_day"]),
        "minimum": _rate_range(params["minimum_low"], params["minimum_high"]),
    }


def _finding_unpaid_wages(params: Mapping[str, str]) -> str:
    return gettext("From %(start)s to %(end)s, %(due)s baht of pay was due, but only %(paid)s baht was paid.") % {
        **_period(params),
        "due": format_money(params["due"]),
        "paid": format_money(params["paid"]),
    }


def _finding_unpaid_overtime(params: Mapping[str, str]) -> str:
    return gettext("From %(start)s to %(end)s, %(hours)s hours of overtime were not paid in full.") % {
        **_period(params),
        "hours": format_quantity(params["hours"]),
    }


def _finding_holiday_pay(params: Mapping[str, str]) -> str:
    return gettext("From %(start)s to %(end)s, %(hours)s hours of work on holidays were not paid in full.") % {
        **_period(params),
        "hours": format_quantity(params["hours"]),
    }


def _finding_unlawful_deduction(params: Mapping[str, str]) -> str:
    if params["reason"] == "no_consent":
        msgid = gettext(
            "From %(start)s to %(end)s, the employer deducted %(amount)s baht for %(purpose)s without the worker's "
            "consent."
        )
    else:
        msgid = gettext(
            "From %(start)s to %(end)s, the employer deducted %(amount)s baht for %(purpose)s, which the law does not "
            "allow."
        )
    return msgid % {**_period(params), "amount": format_money(params["amount"]), "purpose": PURPOSES[params["purpose"]]}


def _finding_deduction_over_cap(params: Mapping[str, str]) -> str:
    return gettext(
        "From %(start)s to %(end)s, the employer deducted %(deducted)s baht, more than the %(allowed)s baht the law "
        "allows without the worker's consent."
    ) % {**_period(params), "deducted": format_money(params["deducted"]), "allowed": format_money(params["allowed"])}


def _finding_pay_less_than_monthly(params: Mapping[str, str]) -> str:
    return gettext(
        "The pay for %(start)s to %(end)s covered %(days)s days: wages must be paid at least once a month."
    ) % {**_period(params), "days": format_quantity(params["days"])}


def _finding_hours_over_daily_limit(params: Mapping[str, str]) -> str:
    return gettext(
        "From %(start)s to %(end)s, the normal working day was %(hours)s hours, more than the limit of %(limit)s."
    ) % {**_period(params), "hours": format_quantity(params["hours"]), "limit": format_quantity(params["limit"])}


def _finding_hours_over_weekly_limit(params: Mapping[str, str]) -> str:
    return gettext(
        "From %(start)s to %(end)s, the normal working week was %(hours)s hours, more than the limit of %(limit)s."
    ) % {**_period(params), "hours": format_quantity(params["hours"]), "limit": format_quantity(params["limit"])}


def _finding_overtime_over_weekly_cap(params: Mapping[str, str]) -> str:
    return gettext(
        "From %(start)s to %(end)s, overtime and holiday work came to %(hours)s hours a week, more than the limit of "
        "%(limit)s."
    ) % {**_period(params), "hours": format_quantity(params["hours"]), "limit": format_quantity(params["limit"])}


def _finding_no_weekly_rest_day(params: Mapping[str, str]) -> str:
    return gettext("The worker worked %(days)s days a week, with no weekly day off.") % {
        "days": format_quantity(params["days"])
    }


def _finding_documents_retained(params: Mapping[str, str]) -> str:
    return gettext("The worker's passport or work permit is kept by %(holder)s.") % {
        "holder": HOLDERS[params["holder"]]
    }


def _finding_recruitment_fee_charged(params: Mapping[str, str]) -> str:
    return gettext("%(kind)s of %(amount)s baht was charged to the worker on %(paid_on)s.") % {
        "kind": FEE_KINDS[params["kind"]],
        "amount": format_money(params["amount"]),
        "paid_on": format_date(params["paid_on"]),
    }


def _finding_severance_unpaid(params: Mapping[str, str]) -> str:
    return gettext(
        "The employer dismissed the worker on %(end)s after %(service_days)s days of service: %(due)s baht of "
        "severance pay was due and %(paid)s baht was paid."
    ) % {
        "end": format_date(params["to"]),
        "service_days": format_quantity(params["service_days"]),
        "due": format_money(params["due"]),
        "paid": format_money(params["paid"]),
    }


_FINDINGS: dict[str, Callable[[Mapping[str, str]], str]] = {
    "below_minimum_wage": _finding_below_minimum_wage,
    "unpaid_wages": _finding_unpaid_wages,
    "unpaid_overtime": _finding_unpaid_overtime,
    "holiday_pay": _finding_holiday_pay,
    "unlawful_deduction": _finding_unlawful_deduction,
    "deduction_over_cap": _finding_deduction_over_cap,
    "pay_less_than_monthly": _finding_pay_less_than_monthly,
    "hours_over_daily_limit": _finding_hours_over_daily_limit,
    "hours_over_weekly_limit": _finding_hours_over_weekly_limit,
    "overtime_over_weekly_cap": _finding_overtime_over_weekly_cap,
    "no_weekly_rest_day": _finding_no_weekly_rest_day,
    "documents_retained": _finding_documents_retained,
    "recruitment_fee_charged": _finding_recruitment_fee_charged,
    "severance_unpaid": _finding_severance_unpaid,
}


def describe_finding(finding: Finding) -> str:
    return _FINDINGS[finding.code](finding.params)

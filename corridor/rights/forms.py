"""The employment facts form: the employment, its pay periods, deductions and recruitment fees.

Rows are formsets with spare lines and an "add a line" button that re-renders the page, so the form works
without JavaScript and nothing typed is lost when it grows."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from corridor.core.minimum_wage import rates_in_force
from corridor.core.provinces import province_choices
from corridor.rights.facts import EmploymentFacts
from corridor.rights.storage import facts_from_json, json_values

ZERO = Decimal("0")
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def money(label: Any, *, required: bool = True, initial: Decimal | None = None) -> forms.DecimalField:
    """An amount in baht: up to 12 digits, satang, never negative."""
    return forms.DecimalField(
        label=label, max_digits=12, decimal_places=2, min_value=ZERO, required=required, initial=initial
    )


def hours(label: Any, *, initial: Decimal = ZERO) -> forms.DecimalField:
    return forms.DecimalField(label=label, max_digits=6, decimal_places=2, min_value=ZERO, initial=initial)


def wage_scope_choices(on: date) -> list[tuple[str, Any]]:
    """The whole-province rate, then every district or sector rate in force, named with its province."""
    names = dict(province_choices("TH"))
    special = sorted(
        {
            (rate.area_scope, f"{names.get(rate.province_code, rate.province_code)}: {rate.area_scope}")
            for province in rates_in_force(on)
            for rate in (*province.districts, *province.sectors)
        },
        key=lambda choice: choice[1],
    )
    return [("general", _("The province's general rate")), *special]


class EmploymentForm(forms.Form):
    person = forms.ChoiceField(label=_("Worker"), required=False)
    province_code = forms.ChoiceField(label=_("Province of work in Thailand"))
    wage_scope = forms.ChoiceField(
        label=_("Minimum wage that applies"),
        help_text=_("Most workers: the province's general rate. Some districts and hotels have their own rate."),
    )
    hazardous = forms.BooleanField(label=_("Work harmful to health or safety (7-hour day)"), required=False)
    pay_basis = forms.ChoiceField(label=_("Paid by"), choices=[("daily", _("the day")), ("monthly", _("the month"))])
    agreed_rate = money(_("Agreed wage (THB per day or per month)"))
    employment_start = forms.DateField(label=_("Started work on"), widget=DATE)
    days_worked_per_week = forms.IntegerField(label=_("Days worked in a usual week"), min_value=1, max_value=7)
    documents_held_by = forms.ChoiceField(
        label=_("Who holds the passport or work permit?"),
        choices=[
            ("worker", _("The worker")),
            ("employer", _("The employer")),
            ("recruiter", _("A broker or recruitment agency")),
            ("other", _("Someone else")),
            ("unknown", _("Not known")),
        ],
    )
    wilful_nonpayment = forms.BooleanField(
        label=_("The employer deliberately refuses to pay, without a reasonable excuse"),
        # xgettext:no-python-format
        help_text=_("Adds the surcharge of section 9 paragraph 2: 15% of the unpaid amount for every 7 days."),
        required=False,
    )
    terminated = forms.BooleanField(label=_("The employment has ended"), required=False)
    termination_on = forms.DateField(label=_("Last day of employment"), widget=DATE, required=False)
    terminated_by_employer = forms.BooleanField(label=_("The employer ended it (dismissal)"), required=False)
    serious_misconduct = forms.BooleanField(
        label=_("The employer claims serious misconduct (section 119)"), required=False
    )
    severance_paid = money(_("Severance already paid (THB)"), required=False)
    as_of = forms.DateField(label=_("Calculate as of"), widget=DATE)

    def __init__(self, *args: Any, people: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._choices("person", [("", _("Not linked to one person")), *people])
        self._choices("province_code", [("", "—"), *province_choices("TH")])
        self._choices("wage_scope", wage_scope_choices(timezone.localdate()))

    def _choices(self, name: str, choices: list[tuple[str, Any]]) -> None:
        field = self.fields[name]
        assert isinstance(field, forms.ChoiceField)
        field.choices = choices

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("terminated") and not data.get("termination_on"):
            self.add_error("termination_on", _("Give the last day of employment."))
        return data


class PeriodForm(forms.Form):
    start = forms.DateField(label=_("From"), widget=DATE)
    end = forms.DateField(label=_("To"), widget=DATE)
    days_worked = forms.IntegerField(label=_("Days worked"), min_value=0)
    normal_hours_per_day = hours(_("Normal hours a day"), initial=Decimal(8))
    overtime_hours = hours(_("Overtime hours"))
    holiday_hours = hours(_("Hours on holidays"))
    holiday_overtime_hours = hours(_("Overtime hours on holidays"))
    wages_paid = money(_("Wages paid (THB)"))
    overtime_paid = money(_("Overtime and holiday pay paid (THB)"), initial=ZERO)
    consented_to_exceed_caps = forms.BooleanField(label=_("Worker agreed to deductions above the caps"), required=False)


class DeductionForm(forms.Form):
    period = forms.IntegerField(label=_("Pay period (line number)"), min_value=1)
    purpose = forms.ChoiceField(
        label=_("Deducted for"),
        choices=[
            ("", "—"),  # a spare row left blank must submit nothing, or it would count as filled in
            ("tax_social_security", _("Income tax or social security")),
            ("union_dues", _("Trade union dues")),
            ("welfare_debt", _("Savings or a debt for the worker's own benefit")),
            ("deposit_or_damages", _("Guarantee deposit or damages")),
            ("provident_fund", _("Provident fund")),
            ("document_fee", _("Passport, visa or work permit fee")),
            ("recruitment_fee", _("Recruitment or broker fee")),
            ("fine", _("Fine or penalty")),
            ("other", _("Something else")),
        ],
    )
    amount = money(_("Amount (THB)"))
    consented = forms.BooleanField(label=_("Worker agreed in writing"), required=False)


class FeeForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Fee paid for"),
        choices=[
            ("", "—"),
            ("service", _("Broker or agency service fee")),
            ("visa", _("Visa (government fee)")),
            ("stay_permit", _("Permission to stay (government fee)")),
            ("work_permit", _("Work permit (government fee)")),
            ("medical_check", _("Medical check")),
            ("other", _("Something else")),
        ],
    )
    amount = money(_("Amount (THB)"))
    paid_on = forms.DateField(label=_("Paid on"), widget=DATE)


PeriodFormSet = forms.formset_factory(PeriodForm, extra=1, max_num=60, validate_max=True)
DeductionFormSet = forms.formset_factory(DeductionForm, extra=1, max_num=120, validate_max=True)
FeeFormSet = forms.formset_factory(FeeForm, extra=1, max_num=20, validate_max=True)


def facts_from_forms(
    employment: dict[str, Any],
    periods: list[dict[str, Any]],
    deductions: list[dict[str, Any]],
    fees: list[dict[str, Any]],
) -> EmploymentFacts:
    """The calculator's input from the cleaned forms; deductions join the period their line number names.

    The rows are put in the shape saved claims have, so one function (storage.facts_from_json) builds
    the facts for the pages, the API and a saved claim alike."""
    fields = (
        "province_code",
        "wage_scope",
        "hazardous",
        "pay_basis",
        "agreed_rate",
        "employment_start",
        "days_worked_per_week",
        "documents_held_by",
        "wilful_nonpayment",
        "as_of",
    )
    termination = None
    if employment.get("terminated"):
        termination = {
            "on": employment["termination_on"],
            "by_employer": employment["terminated_by_employer"],
            "serious_misconduct": employment["serious_misconduct"],
            "severance_paid": employment.get("severance_paid") or ZERO,
        }
    data = {
        **{name: employment[name] for name in fields},
        "periods": [
            {**row, "deductions": [d for d in deductions if d["period"] - 1 == index]}
            for index, row in enumerate(periods)
        ],
        "recruitment_fees": fees,
        "termination": termination,
    }
    return facts_from_json(json_values(data))


def initial_from_facts(
    data: dict[str, Any],
) -> tuple[dict[str, Any], list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
    """Form initial values from saved facts (JSON), so recomputing starts from what was entered."""
    termination = data.get("termination") or {}
    employment = {
        key: data[key]
        for key in (
            "province_code",
            "wage_scope",
            "hazardous",
            "pay_basis",
            "agreed_rate",
            "employment_start",
            "days_worked_per_week",
            "documents_held_by",
            "wilful_nonpayment",
            "as_of",
        )
    } | {
        "terminated": bool(termination),
        "termination_on": termination.get("on"),
        "terminated_by_employer": termination.get("by_employer", False),
        "serious_misconduct": termination.get("serious_misconduct", False),
        "severance_paid": termination.get("severance_paid"),
    }
    periods, deductions = [], []
    for index, period in enumerate(data["periods"], start=1):
        periods.append({key: value for key, value in period.items() if key != "deductions"})
        deductions += [{"period": index, **item} for item in period.get("deductions", [])]
    return employment, periods, deductions, list(data.get("recruitment_fees", []))

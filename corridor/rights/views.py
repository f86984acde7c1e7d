"""Wage-claim pages inside a case: enter the employment facts, compute, read the findings, print."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from corridor.accounts.decorators import actor_required, not_found
from corridor.accounts.scope import Actor
from corridor.cases.models import Case, ViolationType
from corridor.cases.selectors import case_people_choices, case_person
from corridor.cases.views.common import case_or_404
from corridor.core.http import private_download
from corridor.core.pdf import render_pdf
from corridor.rights import explain, selectors, services
from corridor.rights.forms import (
    DeductionFormSet,
    EmploymentForm,
    FeeFormSet,
    PeriodFormSet,
    facts_from_forms,
    initial_from_facts,
)
from corridor.rights.models import WageClaim
from corridor.rights.storage import claim_from_json

PDF_LANGUAGES = ("th", "km", "en")
FormSet = forms.BaseFormSet[Any]
FORMSETS: dict[str, type[FormSet]] = {"periods": PeriodFormSet, "deductions": DeductionFormSet, "fees": FeeFormSet}


def _with_extra_row(data: QueryDict, prefix: str) -> QueryDict:
    """The posted data with one more blank row in a formset: "add a line" without JavaScript."""
    grown = data.copy()
    total = int(grown.get(f"{prefix}-TOTAL_FORMS") or 0)
    grown[f"{prefix}-TOTAL_FORMS"] = str(min(total + 1, 120))
    return grown


def _bound_forms(request: HttpRequest, case: Case) -> tuple[EmploymentForm, dict[str, FormSet]]:
    data: QueryDict = request.POST
    action = data.get("action", "")
    if action.startswith("add_") and action[4:] in FORMSETS:
        data = _with_extra_row(data, action[4:])
    employment = EmploymentForm(data, people=case_people_choices(case=case))
    formsets = {prefix: formset(data, prefix=prefix) for prefix, formset in FORMSETS.items()}
    return employment, formsets


def _blank_forms(case: Case, previous: WageClaim | None) -> tuple[EmploymentForm, dict[str, FormSet]]:
    if previous is not None:
        employment, periods, deductions, fees = initial_from_facts(previous.facts)
        employment |= {"person": str(previous.person_id or ""), "as_of": timezone.localdate()}
        rows = {"periods": periods, "deductions": deductions, "fees": fees}
    else:
        worker = case.person_links.filter(role="worker").first()
        employment = {
            "person": str(worker.person_id) if worker else "",
            "province_code": case.work_province_id or "",
            "wage_scope": "general",
            "pay_basis": "daily",
            "days_worked_per_week": 6,
            "documents_held_by": "unknown",
            "as_of": timezone.localdate(),
        }
        rows = {"periods": [], "deductions": [], "fees": []}
    formsets = {prefix: formset(prefix=prefix, initial=rows[prefix]) for prefix, formset in FORMSETS.items()}
    return EmploymentForm(initial=employment, people=case_people_choices(case=case)), formsets


def _place_errors(error: ValidationError, employment: EmploymentForm, formsets: dict[str, FormSet]) -> None:
    """Put each calculator problem next to the field it names ("periods.0.end" → the first period's end)."""
    renamed = {"termination.on": "termination_on", "termination.severance_paid": "severance_paid"}
    deduction_rows = [
        (form.cleaned_data["period"] - 1, form) for form in formsets["deductions"].forms if form.cleaned_data
    ]
    for path, messages_ in error.message_dict.items():
        parts = path.split(".")
        target: forms.Form | None = None
        field: str | None = None
        if parts[0] == "periods" and len(parts) >= 3 and parts[1].isdigit():
            period = int(parts[1])
            if parts[2] == "deductions" and len(parts) >= 5:
                rows = [form for index, form in deduction_rows if index == period]
                if int(parts[3]) < len(rows):
                    target, field = rows[int(parts[3])], parts[4]
            elif period < len(formsets["periods"].forms):
                target, field = formsets["periods"].forms[period], parts[2]
        elif parts[0] == "recruitment_fees" and len(parts) >= 3 and int(parts[1]) < len(formsets["fees"].forms):
            target, field = formsets["fees"].forms[int(parts[1])], parts[2]
        else:
            target, field = employment, renamed.get(path, path)
        for message in messages_:
            if target is not None and field in target.fields:
                target.add_error(field, message)
            else:
                employment.add_error(None, message)


def _form_page(
    request: HttpRequest, case: Case, employment: EmploymentForm, formsets: dict[str, Any], status: int = 200
) -> HttpResponse:
    return render(request, "rights/form.html", {"case": case, "form": employment, **formsets}, status=status)


@actor_required("case.view")
def claim_list(request: HttpRequest, actor: Actor, case_id: UUID) -> HttpResponse:
    case = case_or_404(request, actor, case_id)
    return render(request, "rights/list.html", {"case": case, "claims": selectors.wage_claims_for_case(case=case)[:50]})


@actor_required("claim.compute")
def claim_new(request: HttpRequest, actor: Actor, case_id: UUID) -> HttpResponse:
    case = case_or_404(request, actor, case_id)
    if request.method != "POST":
        previous = selectors.wage_claims_for_case(case=case).first()
        employment, formsets = _blank_forms(case, previous)
        return _form_page(request, case, employment, formsets)
    employment, formsets = _bound_forms(request, case)
    if request.POST.get("action") != "compute":
        return _form_page(request, case, employment, formsets)
    valid = employment.is_valid() & all([formset.is_valid() for formset in formsets.values()])
    if valid:
        rows = {
            prefix: [form.cleaned_data for form in formset.forms if form.cleaned_data]
            for prefix, formset in formsets.items()
        }
        if not rows["periods"] and not rows["fees"] and not employment.cleaned_data.get("terminated"):
            employment.add_error(None, _("Enter at least one pay period, a recruitment fee or the end of employment."))
        for row in rows["deductions"]:
            if row["period"] > len(rows["periods"]):
                employment.add_error(
                    None,
                    _("A deduction names pay period line %(line)d, which is not filled in.") % {"line": row["period"]},
                )
        if not employment.errors:
            person = case_person(case=case, person_id=employment.cleaned_data.get("person"))
            try:
                facts = facts_from_forms(employment.cleaned_data, rows["periods"], rows["deductions"], rows["fees"])
                claim = services.wage_claim_save(actor=actor, case=case, facts=facts, person=person)
            except ValidationError as error:
                _place_errors(error, employment, formsets)
            else:
                messages.success(
                    request, _("Wage claim computed and saved as revision %(revision)d.") % {"revision": claim.revision}
                )
                return redirect("rights:detail", case_id=case.pk, claim_id=claim.pk)
    return _form_page(request, case, employment, formsets, status=422)


def _claim_or_404(request: HttpRequest, actor: Actor, case_id: UUID, claim_id: UUID) -> WageClaim:
    claim = selectors.wage_claim_get(actor=actor, case_id=case_id, claim_id=claim_id)
    if claim is None:
        raise not_found(request, actor)
    return claim


def claim_context(claim: WageClaim, language: str) -> dict[str, Any]:
    """Everything the page and the PDF show, in one language."""
    stored = claim_from_json(claim.result)
    lines = [
        {
            "line": line,
            "text": explain.describe_line(line),
            "basis": explain.basis_text(line.basis, language),
            "amount": explain.format_money(line.amount),
            "period": line.period_index + 1 if line.period_index is not None else None,
        }
        for line in stored.lines
    ]
    findings = [
        {
            "finding": finding,
            "text": explain.describe_finding(finding),
            "basis": explain.basis_text(finding.basis, language),
        }
        for finding in stored.findings
    ]
    codes = services.suggested_violations(claim)
    return {
        "case": claim.case,
        "claim": claim,
        "stored": stored,
        "lines": lines,
        "findings": findings,
        "total": explain.format_money(stored.total),
        "any_unconfirmed": any(line.basis.unconfirmed for line in stored.lines)
        or any(item.basis.unconfirmed for item in stored.findings),
        "violations": list(ViolationType.objects.filter(code__in=codes)),
        "facts": claim.facts,
        "province": explain.province_name(claim.facts["province_code"]),
    }


@actor_required("case.view")
def claim_detail(request: HttpRequest, actor: Actor, case_id: UUID, claim_id: UUID) -> HttpResponse:
    claim = _claim_or_404(request, actor, case_id, claim_id)
    services.wage_claim_viewed(actor=actor, claim=claim)
    context = claim_context(claim, (get_language() or "en")[:2])
    existing = set(claim.case.violations.values_list("type_id", flat=True))
    context["to_confirm"] = [violation for violation in context["violations"] if violation.code not in existing]
    context["pdf_languages"] = PDF_LANGUAGES
    return render(request, "rights/detail.html", context)


@require_POST
@actor_required("claim.compute")
def claim_confirm(request: HttpRequest, actor: Actor, case_id: UUID, claim_id: UUID) -> HttpResponse:
    claim = _claim_or_404(request, actor, case_id, claim_id)
    try:
        added = services.wage_claim_confirm(
            actor=actor, claim=claim, violation_codes=request.POST.getlist("violations")
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Added %(count)d violations to the case.") % {"count": len(added)})
    return redirect("rights:detail", case_id=case_id, claim_id=claim_id)


@actor_required("case.view")
def claim_pdf(request: HttpRequest, actor: Actor, case_id: UUID, claim_id: UUID) -> HttpResponse:
    claim = _claim_or_404(request, actor, case_id, claim_id)
    language = request.GET.get("language", "th")
    if language not in PDF_LANGUAGES:
        language = "th"
    services.wage_claim_exported(actor=actor, claim=claim, language=language)
    with translation.override(language):
        context = claim_context(claim, language) | {"printed_on": timezone.now(), "printed_by": actor.label}
    pdf = render_pdf("rights/claim_pdf.html", context, language=language)
    return private_download(
        pdf, filename=f"{claim.case.reference}-claim-r{claim.revision}-{language}.pdf", content_type="application/pdf"
    )

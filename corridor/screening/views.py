"""Screening pages inside a case: start an instrument, see the result live, save, confirm, print."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from corridor.accounts.decorators import actor_required, not_found
from corridor.accounts.scope import Actor
from corridor.cases.models import Case, TraffickingStatus, ViolationType
from corridor.cases.selectors import case_people_choices, case_person
from corridor.cases.views.common import case_or_404
from corridor.core.forms import apply_service_errors
from corridor.core.http import private_download
from corridor.core.pdf import render_pdf
from corridor.people.models import Person
from corridor.screening import explain, selectors, services
from corridor.screening.forms import ANSWER_CHOICES, AssessmentForm, ConfirmForm, answer_field, initial_from
from corridor.screening.instruments import Instrument, current_instruments, instrument, latest
from corridor.screening.models import Assessment
from corridor.screening.rules import Answer, Result

PAGE_SIZE = 20
PDF_LANGUAGES = ("en", "km", "th")


def _worker(case: Case) -> Person | None:
    link = case.person_links.select_related("person").filter(role="worker").first()
    return link.person if link else None


def _child_answer(person: Person | None) -> str:
    """Prefill "was the person a child" from what the case knows about their age, if it knows."""
    if person is None:
        return Answer.UNKNOWN.value
    if person.date_of_birth:
        today = timezone.localdate()
        born = person.date_of_birth
        age = today.year - born.year - ((today.month, today.day) < (born.month, born.day))
    elif person.estimated_age is not None:
        age = person.estimated_age
    else:
        return Answer.UNKNOWN.value
    return Answer.YES.value if age < 18 else Answer.NO.value


def result_context(item: Instrument, result: Result) -> dict[str, Any]:
    return {
        "instrument": item,
        "result": result,
        "headline": explain.headline(item, result),
        "disclaimer": explain.disclaimer(),
        "lines": explain.explanation(item, result),
        "gaps": explain.gap_labels(item, result),
        "suggested_violations": list(ViolationType.objects.filter(code__in=result.suggested_violations)),
    }


def _prefilled(item: Instrument, initial: dict[str, Any]) -> dict[str, services.Response]:
    """The prefilled answers as responses; ids an older instrument version had and this one lacks are dropped."""
    known = [context.id for context in item.contexts] + list(item.by_id)
    return {
        question_id: services.Response(Answer(initial[answer_field(question_id)]))
        for question_id in known
        if answer_field(question_id) in initial
    }


def _instrument_or_404(request: HttpRequest, actor: Actor, code: str) -> Instrument:
    item = latest(code)
    if item is None:
        raise not_found(request, actor)
    return item


def _sections(item: Instrument, form: AssessmentForm) -> list[dict[str, Any]]:
    sections: list[dict[str, Any]] = []
    if item.contexts:
        sections.append(
            {
                "label": _("About the person"),
                "questions": [
                    {
                        "id": context.id,
                        "help": context.help,
                        "label": "",
                        "strength": "",
                        "fields": form.bound(context.id),
                    }
                    for context in item.contexts
                ],
            }
        )
    for dimension in item.dimensions:
        sections.append(
            {
                "label": dimension.label,
                "questions": [
                    {
                        "id": indicator.id,
                        "label": indicator.label,
                        "help": indicator.help,
                        "strength": indicator.strength or "",
                        "strength_label": explain.strength_label(indicator.strength or ""),
                        "fields": form.bound(indicator.id),
                    }
                    for indicator in item.indicators_of(dimension.id)
                ],
            }
        )
    return sections


@actor_required("case.view")
def assessment_list(request: HttpRequest, actor: Actor, case_id: UUID) -> HttpResponse:
    case = case_or_404(request, actor, case_id)
    page = Paginator(selectors.assessments_for_case(case=case), PAGE_SIZE).get_page(request.GET.get("page"))
    rows = []
    for assessment in page.object_list:
        item = instrument(assessment.instrument_code, assessment.instrument_version)
        rows.append({"assessment": assessment, "instrument": item})
    return render(
        request,
        "screening/list.html",
        {"case": case, "page": page, "rows": rows, "instruments": current_instruments()},
    )


def _form_page(
    request: HttpRequest, case: Case, item: Instrument, form: AssessmentForm, status: int = 200, **extra: Any
) -> HttpResponse:
    context = {"case": case, "instrument": item, "form": form, "sections": _sections(item, form), **extra}
    return render(request, "screening/form.html", context, status=status)


@actor_required("screening.assess")
def assessment_new(request: HttpRequest, actor: Actor, case_id: UUID, code: str) -> HttpResponse:
    case = case_or_404(request, actor, case_id)
    item = _instrument_or_404(request, actor, code)
    people = case_people_choices(case=case)
    if request.method != "POST":
        previous = case.assessments.filter(instrument_code=code).order_by("-revision").first()
        worker = previous.person if previous else _worker(case)
        initial: dict[str, Any] = {"person": str(worker.pk) if worker else ""}
        if previous is not None:
            initial |= initial_from(previous.answers, item) | {"job": previous.job}
        elif item.context("child"):
            initial[answer_field("child")] = _child_answer(worker)
        form = AssessmentForm(instrument=item, people=people, initial=initial)
        # The panel starts from the prefilled answers (none, or the previous revision's), like the live updates.
        live = services.assessment_result(item, _prefilled(item, initial))
        return _form_page(request, case, item, form, previous=previous, **result_context(item, live))
    form = AssessmentForm(request.POST, instrument=item, people=people)
    if not form.is_valid():
        return _form_page(request, case, item, form, status=422)
    responses = form.responses()
    if request.POST.get("action") != "save":
        # Without JavaScript the page asks for the result with a button; the same computation as the live panel.
        return _form_page(
            request, case, item, form, **result_context(item, services.assessment_result(item, responses))
        )
    person = case_person(case=case, person_id=form.cleaned_data.get("person"))
    try:
        assessment = services.assessment_save(
            actor=actor, case=case, instrument=item, responses=responses, job=form.cleaned_data["job"], person=person
        )
    except ValidationError as error:
        apply_service_errors(form, error)
        return _form_page(request, case, item, form, status=422)
    messages.success(request, _("Screening saved as revision %(revision)d.") % {"revision": assessment.revision})
    return redirect("screening:detail", case_id=case.pk, assessment_id=assessment.pk)


@require_POST
@actor_required("screening.assess")
def assessment_preview(request: HttpRequest, actor: Actor, case_id: UUID, code: str) -> HttpResponse:
    """The live result panel: recomputed on every change, nothing stored."""
    case = case_or_404(request, actor, case_id)
    item = _instrument_or_404(request, actor, code)
    form = AssessmentForm(request.POST, instrument=item, people=case_people_choices(case=case))
    form.is_valid()  # invalid answers count as unknown in the preview; saving reports them
    responses = form.responses() if hasattr(form, "cleaned_data") else {}
    return render(request, "screening/_result.html", result_context(item, services.assessment_result(item, responses)))


def _assessment_or_404(
    request: HttpRequest, actor: Actor, case_id: UUID, assessment_id: UUID
) -> tuple[Assessment, Instrument]:
    assessment = selectors.assessment_get(actor=actor, case_id=case_id, assessment_id=assessment_id)
    item = assessment and instrument(assessment.instrument_code, assessment.instrument_version)
    if assessment is None or not item:
        raise not_found(request, actor)
    return assessment, item


def _answer_rows(assessment: Assessment, item: Instrument) -> list[dict[str, Any]]:
    labels = dict(ANSWER_CHOICES)

    def row(
        question_id: str, section: object, question: object, label: object = "", strength: str = ""
    ) -> dict[str, Any]:
        saved = assessment.answers.get(question_id, {})
        answer = saved.get("answer", Answer.UNKNOWN.value)
        return {
            "section": section,
            "id": question_id,
            "question": question,
            "label": label,
            "answer": answer,
            "answer_label": labels[answer],
            "note": saved.get("note", ""),
            "strength": explain.strength_label(strength) if strength else "",
        }

    about = _("About the person")
    return [row(context.id, about, context.question) for context in item.contexts] + [
        row(i.id, item.dimension(i.dimension).label, i.question, i.label, i.strength or "") for i in item.indicators
    ]


def _detail_context(assessment: Assessment, item: Instrument) -> dict[str, Any]:
    result = Result.from_dict(assessment.result)
    status = services.suggested_status(item, result)
    return {
        "case": assessment.case,
        "assessment": assessment,
        "answers": _answer_rows(assessment, item),
        "suggested_status": status,
        "suggested_status_label": TraffickingStatus(status).label if status else "",
        **result_context(item, result),
    }


@actor_required("case.view")
def assessment_detail(request: HttpRequest, actor: Actor, case_id: UUID, assessment_id: UUID) -> HttpResponse:
    assessment, item = _assessment_or_404(request, actor, case_id, assessment_id)
    services.assessment_viewed(actor=actor, assessment=assessment)
    context = _detail_context(assessment, item)
    result = context["result"]
    existing = set(assessment.case.violations.values_list("type_id", flat=True))
    choices = [(v.code, v.name) for v in context["suggested_violations"] if v.code not in existing]
    return render(
        request,
        "screening/detail.html",
        {
            **context,
            "previous": selectors.previous_revision(assessment=assessment),
            "confirm_form": ConfirmForm(violation_choices=choices, initial={"violations": [c for c, _l in choices]}),
            "already_recorded": [v for v in context["suggested_violations"] if v.code in existing],
            "pdf_languages": PDF_LANGUAGES,
            "result_status": result.status.value,
        },
    )


@require_POST
@actor_required("screening.assess")
def assessment_confirm(request: HttpRequest, actor: Actor, case_id: UUID, assessment_id: UUID) -> HttpResponse:
    assessment, item = _assessment_or_404(request, actor, case_id, assessment_id)
    result = Result.from_dict(assessment.result)
    choices = [(code, code) for code in result.suggested_violations]
    form = ConfirmForm(request.POST, violation_choices=choices)
    if form.is_valid():
        try:
            added = services.assessment_confirm(
                actor=actor,
                assessment=assessment,
                instrument=item,
                violation_codes=form.cleaned_data["violations"],
                set_trafficking_status=form.cleaned_data["trafficking_status"],
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("Added %(count)d violations to the case.") % {"count": len(added)}
                if not form.cleaned_data["trafficking_status"]
                else _("Added %(count)d violations and recorded the trafficking status.") % {"count": len(added)},
            )
    else:
        messages.error(request, _("Choose among the suggested violations."))
    return redirect("screening:detail", case_id=case_id, assessment_id=assessment_id)


@actor_required("case.view")
def assessment_pdf(request: HttpRequest, actor: Actor, case_id: UUID, assessment_id: UUID) -> HttpResponse:
    assessment, item = _assessment_or_404(request, actor, case_id, assessment_id)
    language = request.GET.get("language") or (get_language() or "en")[:2]
    if language not in PDF_LANGUAGES:
        language = "en"
    services.assessment_exported(actor=actor, assessment=assessment, language=language)
    from django.utils import translation

    with translation.override(language):
        context = {**_detail_context(assessment, item), "printed_on": timezone.now(), "printed_by": actor.label}
    pdf = render_pdf("screening/summary_pdf.html", context, language=language)
    name = f"{assessment.case.reference}-{item.code}-r{assessment.revision}-{language}.pdf"
    return private_download(pdf, filename=name, content_type="application/pdf")

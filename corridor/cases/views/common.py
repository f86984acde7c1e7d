"""Pieces shared by the case pages: loading a case in scope, and rendering its detail page."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from corridor.accounts.decorators import not_found
from corridor.accounts.scope import Actor
from corridor.accounts.selectors import assignable_users
from corridor.cases import selectors
from corridor.cases.forms import (
    AssignForm,
    AttachmentForm,
    EventForm,
    NoteForm,
    OutcomeForm,
    StatusForm,
    TaskForm,
    ViolationForm,
)
from corridor.cases.history import history_rows
from corridor.cases.lifecycle import CaseStatus, allowed_next
from corridor.cases.models import Case
from corridor.parties.forms import party_link_forms
from corridor.people.forms import CasePersonLinkForm

HISTORY_PAGE_SIZE = 20


def case_or_404(request: HttpRequest, actor: Actor, case_id: Any) -> Case:
    case = selectors.case_get(actor=actor, case_id=case_id)
    if case is None:
        raise not_found(request, actor)
    return case


def status_form(case: Case, data: Any = None) -> StatusForm:
    form = StatusForm(data, initial={"version": case.version})
    field = form.fields["status"]
    assert isinstance(field, forms.ChoiceField)
    labels = dict(CaseStatus.choices)
    field.choices = [(value, labels[value]) for value in allowed_next(case.status)]
    return form


def panel_context(actor: Actor, case: Case, **bound: forms.Form) -> dict[str, Any]:
    assignees = assignable_users(actor=actor)
    return {
        "case": case,
        "status_form": bound.get("status_form") or status_form(case),
        "assign_form": bound.get("assign_form")
        or AssignForm(initial={"version": case.version, "assigned_to": case.assigned_to_id}, assignees=assignees),
    }


def render_detail(
    request: HttpRequest, actor: Actor, case: Case, *, status: int = 200, **bound: forms.Form
) -> HttpResponse:
    assignees = assignable_users(actor=actor)
    history = Paginator(selectors.case_history(actor=actor, case=case), HISTORY_PAGE_SIZE)
    history_page = history.get_page(request.GET.get("history_page"))
    context = {
        **panel_context(actor, case, **bound),
        **selectors.case_detail_parts(case=case),
        "today": timezone.localdate(),
        "history_page": history_page,
        "history": history_rows(list(history_page.object_list)),
        "violation_form": bound.get("violation_form") or ViolationForm(),
        "event_form": bound.get("event_form") or EventForm(),
        "note_form": bound.get("note_form") or NoteForm(),
        "task_form": bound.get("task_form") or TaskForm(assignees=assignees),
        "outcome_form": bound.get("outcome_form") or OutcomeForm(initial={"achieved_on": timezone.localdate()}),
        "attachment_form": bound.get("attachment_form") or AttachmentForm(),
        "person_link_form": bound.get("person_link_form") or CasePersonLinkForm(),
        "party_link_forms": party_link_forms(actor, bound.get("party_link_form")),  # type: ignore[arg-type]
        "open_section": next((name for name, form in bound.items() if form.errors), ""),
    }
    return render(request, "cases/detail.html", context, status=status)

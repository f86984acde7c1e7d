"""Case list, opening, detail, editing, status and assignment."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from corridor.accounts.decorators import actor_required
from corridor.accounts.scope import Actor
from corridor.accounts.selectors import assignable_users
from corridor.cases import selectors, services
from corridor.cases.forms import AssignForm, CaseEditForm, CaseFilterForm, CaseOpenForm
from corridor.cases.views.common import case_or_404, panel_context, render_detail, status_form
from corridor.core.forms import apply_service_errors
from corridor.core.pagination import window_page
from corridor.people.services import person_create

PAGE_SIZE = 25


@actor_required("case.view")
def case_list(request: HttpRequest, actor: Actor) -> HttpResponse:
    form = CaseFilterForm(request.GET or None, assignees=list(assignable_users(actor=actor)))
    filters = selectors.CaseFilters()
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        filters = selectors.CaseFilters(
            q=data["q"],
            status=data["status"],
            violation=data["violation"],
            sector=data["sector"],
            province=data["province"],
            assignee=data["assignee"],
            opened_from=data["opened_from"],
            opened_to=data["opened_to"],
            sort=data["sort"] or "-opened",
        )
    cases = selectors.case_list(actor=actor, filters=filters)
    page: Any
    if filters.q.strip():
        # A search is not counted: a common name matches thousands of people, and counting them would run
        # the search a second time. The page says "more than N" until the last page gives the total.
        page = window_page(cases, request.GET.get("page"), PAGE_SIZE)
    else:
        page = Paginator(cases, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "cases/list.html",
        {
            "form": form,
            "page_obj": page,
            "cases": page.object_list,
            "filtered": form.is_bound,
        },
    )


@actor_required("case.create")
def case_open(request: HttpRequest, actor: Actor) -> HttpResponse:
    assignees = assignable_users(actor=actor)
    form = CaseOpenForm(
        request.POST or None,
        assignees=assignees,
        initial={"assigned_to": actor.user_id if actor.can("case.edit") else None},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            with transaction.atomic():
                case = services.case_open(
                    actor=actor,
                    title=data["title"],
                    summary=data["summary"],
                    sensitivity=data["sensitivity"],
                    sector=data["sector"],
                    work_province=data["work_province"],
                    opened_on=data["opened_on"],
                    assigned_to=data["assigned_to"],
                )
                worker = form.worker_values()
                if worker is not None:
                    person = person_create(actor=actor, **worker)
                    services.case_person_add(actor=actor, case=case, person=person, role="worker")
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Case %(reference)s opened.") % {"reference": case.reference})
            return redirect("cases:detail", case_id=case.pk)
    return render(request, "cases/open.html", {"form": form}, status=422 if form.errors else 200)


@actor_required("case.view")
def case_detail(request: HttpRequest, actor: Actor, case_id: UUID) -> HttpResponse:
    case = case_or_404(request, actor, case_id)
    services.case_viewed(actor=actor, case=case)
    return render_detail(request, actor, case)


@actor_required("case.edit")
def case_edit(request: HttpRequest, actor: Actor, case_id: UUID) -> HttpResponse:
    case = case_or_404(request, actor, case_id)
    initial = {
        "title": case.title,
        "summary": case.summary,
        "sensitivity": case.sensitivity,
        "sector": case.sector,
        "work_province": case.work_province_id,
        "opened_on": case.opened_on,
        "version": case.version,
    }
    form = CaseEditForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        values = {
            name: data[name] for name in ("title", "summary", "sensitivity", "sector", "work_province", "opened_on")
        }
        try:
            services.case_update(actor=actor, case=case, version=data["version"], **values)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Case details saved."))
            return redirect("cases:detail", case_id=case.pk)
    return render(request, "cases/edit.html", {"form": form, "case": case}, status=422 if form.errors else 200)


def _panel_response(request: HttpRequest, actor: Actor, case_id: UUID, **bound: object) -> HttpResponse:
    case = case_or_404(request, actor, case_id)
    return render(
        request,
        "cases/detail.html#case_panel",
        panel_context(actor, case, **bound),  # type: ignore[arg-type]
        status=422 if any(getattr(f, "errors", None) for f in bound.values()) else 200,
    )


@require_POST
@actor_required("case.change_status")
def case_status(request: HttpRequest, actor: Actor, case_id: UUID) -> HttpResponse:
    case = case_or_404(request, actor, case_id)
    form = status_form(case, request.POST)
    if form.is_valid():
        try:
            services.case_change_status(
                actor=actor,
                case=case,
                version=form.cleaned_data["version"],
                status=form.cleaned_data["status"],
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Status changed to %(status)s.") % {"status": case.get_status_display()})
            if request.htmx:  # type: ignore[attr-defined]
                return _panel_response(request, actor, case_id)
            return redirect("cases:detail", case_id=case.pk)
    if request.htmx:  # type: ignore[attr-defined]
        return _panel_response(request, actor, case_id, status_form=form)
    return render_detail(request, actor, case, status=422, status_form=form)


@require_POST
@actor_required("case.assign")
def case_assign(request: HttpRequest, actor: Actor, case_id: UUID) -> HttpResponse:
    case = case_or_404(request, actor, case_id)
    form = AssignForm(request.POST, assignees=assignable_users(actor=actor))
    if form.is_valid():
        try:
            services.case_assign(
                actor=actor, case=case, version=form.cleaned_data["version"], assignee=form.cleaned_data["assigned_to"]
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Assignment saved."))
            if request.htmx:  # type: ignore[attr-defined]
                return _panel_response(request, actor, case_id)
            return redirect("cases:detail", case_id=case.pk)
    if request.htmx:  # type: ignore[attr-defined]
        return _panel_response(request, actor, case_id, assign_form=form)
    return render_detail(request, actor, case, status=422, assign_form=form)

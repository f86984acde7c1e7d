"""The organisation's employers, workplaces and recruiters: one page to list and add them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from corridor.accounts.decorators import actor_required
from corridor.accounts.scope import Actor
from corridor.core.forms import apply_service_errors
from corridor.parties import selectors, services
from corridor.parties.forms import EmployerForm, PartyForm, RecruiterForm, WorkplaceForm

PAGE_SIZE = 25


def _render_list(request: HttpRequest, actor: Actor, *, status: int = 200, **bound: PartyForm) -> HttpResponse:
    pages = {
        kind: Paginator(rows, PAGE_SIZE).get_page(request.GET.get(f"{kind}_page"))
        for kind, rows in (
            ("employers", selectors.employers_with_case_counts(actor)),
            ("workplaces", selectors.workplaces_with_case_counts(actor)),
            ("recruiters", selectors.recruiters_with_case_counts(actor)),
        )
    }
    context = {
        **{kind: page.object_list for kind, page in pages.items()},
        **{f"{kind}_page": page for kind, page in pages.items()},
        "employer_form": bound.get("employer_form") or EmployerForm(),
        "workplace_form": bound.get("workplace_form") or WorkplaceForm(actor=actor),
        "recruiter_form": bound.get("recruiter_form") or RecruiterForm(),
        "open_section": next((name for name, form in bound.items() if form.errors), ""),
    }
    return render(request, "parties/list.html", context, status=status)


@actor_required("party.view")
def party_list(request: HttpRequest, actor: Actor) -> HttpResponse:
    return _render_list(request, actor)


def _add(
    request: HttpRequest,
    actor: Actor,
    form: PartyForm,
    form_name: str,
    anchor: str,
    create: Callable[..., Any],
    done: str,
) -> HttpResponse:
    if form.is_valid():
        try:
            create(actor=actor, **form.party_values())
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, done)
            return redirect(f"{reverse('parties:list')}#{anchor}")
    return _render_list(request, actor, status=422, **{form_name: form})


@require_POST
@actor_required("party.edit")
def employer_add(request: HttpRequest, actor: Actor) -> HttpResponse:
    return _add(
        request,
        actor,
        EmployerForm(request.POST),
        "employer_form",
        "employers",
        services.employer_create,
        _("Employer added."),
    )


@require_POST
@actor_required("party.edit")
def workplace_add(request: HttpRequest, actor: Actor) -> HttpResponse:
    return _add(
        request,
        actor,
        WorkplaceForm(request.POST, actor=actor),
        "workplace_form",
        "workplaces",
        services.workplace_create,
        _("Workplace added."),
    )


@require_POST
@actor_required("party.edit")
def recruiter_add(request: HttpRequest, actor: Actor) -> HttpResponse:
    return _add(
        request,
        actor,
        RecruiterForm(request.POST),
        "recruiter_form",
        "recruiters",
        services.recruiter_create,
        _("Recruiter added."),
    )

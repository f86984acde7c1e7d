"""Linking people and parties (employers, workplaces, recruiters) to a case."""

from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from corridor.accounts.decorators import actor_required, not_found
from corridor.accounts.scope import Actor
from corridor.cases import services
from corridor.cases.models import Case, CasePersonRole
from corridor.cases.views.common import case_or_404, render_detail
from corridor.core.forms import apply_service_errors
from corridor.parties.forms import PartyLinkForm
from corridor.parties.selectors import party_get
from corridor.people.forms import CasePersonLinkForm, PersonSearchForm
from corridor.people.selectors import people_search, person_get
from corridor.people.services import person_create

SEARCH_LIMIT = 20


def _section(case: Case, anchor: str) -> str:
    return f"{reverse('cases:detail', kwargs={'case_id': case.pk})}#{anchor}"


@require_POST
@actor_required("case.edit")
def case_person_add(request: HttpRequest, actor: Actor, case_id: UUID) -> HttpResponse:
    """Link an existing person (`person` = id) or a new one (names and gender), with a role."""
    case = case_or_404(request, actor, case_id)
    form = CasePersonLinkForm(request.POST)
    if form.is_valid():
        person = None
        if form.cleaned_data["person"] is not None:
            person = person_get(actor=actor, person_id=form.cleaned_data["person"])
            if person is None:
                raise not_found(request, actor)
        try:
            with transaction.atomic():
                if person is None:
                    person = person_create(actor=actor, **form.new_person_values())
                services.case_person_add(actor=actor, case=case, person=person, role=form.cleaned_data["role"])
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("%(name)s linked to the case.") % {"name": person.display_name})
            return redirect(_section(case, "people"))
    return render_detail(request, actor, case, status=422, person_link_form=form)


@actor_required("case.edit")
def case_person_search(request: HttpRequest, actor: Actor, case_id: UUID) -> HttpResponse:
    """People to link: the results alone for htmx, a whole page without JavaScript."""
    case = case_or_404(request, actor, case_id)
    form = PersonSearchForm(request.GET or None)
    query = form.cleaned_data["q"].strip() if form.is_bound and form.is_valid() else ""
    results = []
    if query:
        results = list(
            people_search(actor=actor, text=query)
            .exclude(case_links__case=case)
            .select_related("home_province", "current_province")
            .order_by("name_latin", "name_km", "pk")[:SEARCH_LIMIT]
        )
    context = {
        "case": case,
        "form": form,
        "query": query,
        "results": results,
        "limit": SEARCH_LIMIT,
        "role_choices": CasePersonRole.choices,
    }
    template = "people/link_search.html#results" if request.htmx else "people/link_search.html"  # type: ignore[attr-defined]
    return render(request, template, context)


@require_POST
@actor_required("case.edit")
def case_party_add(request: HttpRequest, actor: Actor, case_id: UUID) -> HttpResponse:
    """Link an employer, workplace or recruiter of the organisation (`kind` and `party` id)."""
    case = case_or_404(request, actor, case_id)
    form = PartyLinkForm(request.POST)
    if form.is_valid():
        party = party_get(actor=actor, kind=form.cleaned_data["kind"], party_id=form.cleaned_data["party"])
        if party is None:
            raise not_found(request, actor)
        try:
            services.case_party_add(actor=actor, case=case, party=party)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("%(name)s linked to the case.") % {"name": party})
            return redirect(_section(case, "parties"))
    return render_detail(request, actor, case, status=422, party_link_form=form)

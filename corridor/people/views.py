"""People pages: find, read, edit, and record identifiers, documents and consent."""

from __future__ import annotations

import datetime as dt
from typing import Any
from uuid import UUID

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import F, QuerySet, Value
from django.db.models.functions import Coalesce, NullIf
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from corridor.accounts.decorators import actor_required, not_found
from corridor.accounts.scope import Actor
from corridor.cases.models import Case, CasePersonRole
from corridor.cases.selectors import cases_visible_to
from corridor.core.forms import apply_service_errors
from corridor.core.models import Country
from corridor.people import selectors, services
from corridor.people.forms import (
    ConsentForm,
    ConsentWithdrawForm,
    DocumentForm,
    IdentifierForm,
    PersonForm,
    PersonSearchForm,
)
from corridor.people.models import Consent, Person

PAGE_SIZE = 25
MASK = "••••••"


def person_or_404(request: HttpRequest, actor: Actor, person_id: UUID) -> Person:
    person = selectors.person_get(actor=actor, person_id=person_id)
    if person is None:
        raise not_found(request, actor)
    return person


def _by_name(people: QuerySet[Person]) -> QuerySet[Person]:
    """Sorted by the name a colleague would read first, whichever script it is written in."""
    sort_name = Coalesce(NullIf("name_latin", Value("")), NullIf("name_km", Value("")), "name_th")
    return (
        people.select_related("home_province", "current_province")
        .annotate(sort_name=sort_name)
        .order_by("sort_name", "pk")
    )


@actor_required("person.view")
def person_list(request: HttpRequest, actor: Actor) -> HttpResponse:
    form = PersonSearchForm(request.GET or None)
    query = form.cleaned_data["q"].strip() if form.is_bound and form.is_valid() else ""
    people = selectors.people_search(actor=actor, text=query) if query else selectors.people_visible_to(actor)
    page = Paginator(_by_name(people), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "people/list.html",
        {
            "form": form,
            "query": query,
            "page_obj": page,
            "people": page.object_list,
        },
    )


def _age(person: Person, today: dt.date) -> int | None:
    born = person.date_of_birth
    if born is None:
        return person.estimated_age
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def _home(person: Person) -> str:
    province = person.home_province.name if person.home_province else ""
    parts = (person.home_village, person.home_commune, person.home_district, province)
    return ", ".join(part for part in parts if part)


def _with_role_labels(cases: list[Case]) -> list[Case]:
    for case in cases:
        case.person_role_label = CasePersonRole(case.person_role).label  # type: ignore[attr-defined]
    return cases


def _consent_rows(
    actor: Actor, consents: list[Consent], bound: ConsentWithdrawForm | None
) -> list[tuple[Consent, ConsentWithdrawForm | None]]:
    """Each consent with its withdraw form: only active consents, only for those who may withdraw.
    A rejected withdrawal keeps its input on its own consent."""
    if not actor.can("consent.record"):
        return [(consent, None) for consent in consents]
    rows: list[tuple[Consent, ConsentWithdrawForm | None]] = []
    for consent in consents:
        form = None
        if consent.is_active:
            keeps_input = bound is not None and bound.consent_id == consent.pk
            form = bound if keeps_input else ConsentWithdrawForm(consent_id=consent.pk)
        rows.append((consent, form))
    return rows


def render_person(
    request: HttpRequest, actor: Actor, person: Person, *, status: int = 200, **bound: forms.Form
) -> HttpResponse:
    """The person page. Every rendering shows the person (and, with the capability, their numbers),
    so every rendering is audited."""
    services.person_viewed(actor=actor, person=person)
    show_numbers = actor.can("person.view_identifiers")
    identifiers = person.identifiers.all()
    if not show_numbers:
        # Masked viewers never have the numbers decrypted into memory at all.
        identifiers = identifiers.defer("value")
    consents = list(selectors.consents_of(person=person))
    withdraw_form = bound.get("withdraw_form")
    assert withdraw_form is None or isinstance(withdraw_form, ConsentWithdrawForm)
    consent_rows = _consent_rows(actor, consents, withdraw_form)
    # A withdrawal refused because the consent had already stopped (a second click) has no row left
    # to show its error in: the section shows it at the top.
    withdraw_problem = withdraw_form
    if any(form is withdraw_form for _consent, form in consent_rows):
        withdraw_problem = None
    context: dict[str, Any] = {
        "person": person,
        "age": _age(person, timezone.localdate()),
        "documents": list(person.documents.all()),
        "identifiers": list(identifiers),
        "show_numbers": show_numbers,
        "mask": MASK,
        "home": _home(person),
        "citizenship": Country(person.citizenship).label
        if person.citizenship in Country.values
        else person.citizenship,
        "cases": _with_role_labels(
            list(
                cases_visible_to(actor)
                .filter(person_links__person=person)
                .annotate(person_role=F("person_links__role"))
                .order_by("-opened_on", "pk")
            )
        ),
        "identifier_form": bound.get("identifier_form") or IdentifierForm(),
        "document_form": bound.get("document_form") or DocumentForm(),
        "consents": consents,
        "consent_rows": consent_rows,
        "consent_form": bound.get("consent_form") or ConsentForm(organisation=actor.organisation),
        "withdraw_problem": withdraw_problem,
        "open_section": next((name for name, form in bound.items() if form.errors), ""),
    }
    return render(request, "people/detail.html", context, status=status)


@actor_required("person.view")
def person_detail(request: HttpRequest, actor: Actor, person_id: UUID) -> HttpResponse:
    return render_person(request, actor, person_or_404(request, actor, person_id))


@actor_required("person.edit")
def person_edit(request: HttpRequest, actor: Actor, person_id: UUID) -> HttpResponse:
    person = person_or_404(request, actor, person_id)
    form = PersonForm(request.POST or None, initial=PersonForm.initial_for(person))
    stale = False
    if request.method == "POST" and form.is_valid():
        if not form.has_changed():
            messages.info(request, _("Nothing was changed."))
            return redirect("people:detail", person_id=person.pk)
        try:
            services.person_update(
                actor=actor, person=person, version=form.cleaned_data["version"], **form.person_values()
            )
        except services.StaleEdit as error:
            # The input stays in the form with the version it was based on, so saving again cannot
            # silently overwrite the other change: the user reloads, compares and re-enters.
            apply_service_errors(form, error)
            stale = True
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Changes saved."))
            return redirect("people:detail", person_id=person.pk)
    if form.errors:
        # The service set the rejected values on the instance; the page shows the saved person.
        person = person_or_404(request, actor, person_id)
    status = 409 if stale else 422 if form.errors else 200
    return render(request, "people/edit.html", {"form": form, "person": person, "stale": stale}, status=status)


def _as_field_error(error: ValidationError, field: str) -> ValidationError:
    """Identifier checks raise plain messages; they are about the number, so show them on its field."""
    return error if hasattr(error, "error_dict") else ValidationError({field: error.messages})


@require_POST
@actor_required("person.edit")
def identifier_add(request: HttpRequest, actor: Actor, person_id: UUID) -> HttpResponse:
    person = person_or_404(request, actor, person_id)
    form = IdentifierForm(request.POST)
    if form.is_valid():
        try:
            services.identifier_add(
                actor=actor, person=person, kind=form.cleaned_data["kind"], value=form.cleaned_data["value"]
            )
        except ValidationError as error:
            apply_service_errors(form, _as_field_error(error, "value"))
        else:
            messages.success(request, _("Number saved."))
            return redirect(reverse("people:detail", kwargs={"person_id": person.pk}) + "#identifiers")
    return render_person(request, actor, person, status=422, identifier_form=form)


@require_POST
@actor_required("person.edit")
def document_add(request: HttpRequest, actor: Actor, person_id: UUID) -> HttpResponse:
    person = person_or_404(request, actor, person_id)
    form = DocumentForm(request.POST)
    if form.is_valid():
        try:
            services.document_record(actor=actor, person=person, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Document recorded."))
            return redirect(reverse("people:detail", kwargs={"person_id": person.pk}) + "#documents")
    return render_person(request, actor, person, status=422, document_form=form)


@require_POST
@actor_required("consent.record")
def consent_add(request: HttpRequest, actor: Actor, person_id: UUID) -> HttpResponse:
    person = person_or_404(request, actor, person_id)
    form = ConsentForm(request.POST, organisation=actor.organisation)
    if form.is_valid():
        try:
            services.consent_record(actor=actor, person=person, **form.consent_values())
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Consent recorded."))
            return redirect(reverse("people:detail", kwargs={"person_id": person.pk}) + "#consent")
    return render_person(request, actor, person, status=422, consent_form=form)


@require_POST
@actor_required("consent.record")
def consent_withdraw(request: HttpRequest, actor: Actor, person_id: UUID, consent_id: UUID) -> HttpResponse:
    person = person_or_404(request, actor, person_id)
    consent = selectors.consents_of(person=person).filter(pk=consent_id).first()
    if consent is None:
        raise not_found(request, actor)
    form = ConsentWithdrawForm(request.POST, consent_id=consent.pk)
    if form.is_valid():
        try:
            services.consent_withdraw(actor=actor, consent=consent, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Consent withdrawn. It is kept in the history but no longer used."))
            return redirect(reverse("people:detail", kwargs={"person_id": person.pk}) + "#consent")
    return render_person(request, actor, person, status=422, withdraw_form=form)

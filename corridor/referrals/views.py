"""Referral pages: the lists of referrals received and sent, one referral with its shared information
and its history, and the form that sends a referral from a case."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from corridor.accounts.decorators import actor_required, not_found
from corridor.accounts.scope import Actor
from corridor.cases.selectors import case_people_choices, case_person
from corridor.cases.views.common import case_or_404
from corridor.core.forms import apply_service_errors
from corridor.people.selectors import sharing_basis
from corridor.referrals import selectors, services
from corridor.referrals import shared as shared_copy
from corridor.referrals.catalogue import TYPES, ReferralType, SharedField
from corridor.referrals.forms import ReferralForm, ReferralUpdateForm, RepatriationStepForm
from corridor.referrals.models import Referral, ReferralStatus, ServiceOutcome, StepStatus, UpdateKind
from corridor.referrals.repatriation import BY_CODE

PAGE_SIZE = 25


def _referral_or_404(request: HttpRequest, actor: Actor, referral_id: UUID) -> Referral:
    referral = selectors.referral_get(actor=actor, referral_id=referral_id)
    if referral is None:
        raise not_found(request, actor)
    return referral


@actor_required("referral.view")
def referral_list(request: HttpRequest, actor: Actor) -> HttpResponse:
    box = "sent" if request.GET.get("box") == "sent" else "received"
    status = request.GET.get("status", "")
    referrals = selectors.referral_list(actor=actor, filters=selectors.ReferralFilters(box=box, status=status))
    page = Paginator(referrals, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "referrals/list.html",
        {
            "box": box,
            "status": status,
            "statuses": [("open", _("Open")), ("overdue", _("Overdue")), *ReferralStatus.choices],
            "page_obj": page,
            "referrals": page.object_list,
        },
    )


def _actions(actor: Actor, referral: Referral) -> list[str]:
    """The updates this member may write now, in the order the page offers them."""
    side, capability = services.side_of(actor, referral)
    if not actor.can(capability):
        return []
    return [kind for kind, step in services.STEPS.items() if step.side == side and referral.status in step.after]


def render_referral(
    request: HttpRequest,
    actor: Actor,
    referral: Referral,
    *,
    form: ReferralUpdateForm | None = None,
    step_form: RepatriationStepForm | None = None,
    status: int = 200,
) -> HttpResponse:
    visible = selectors.shared_visible(actor=actor, referral=referral)
    sections = shared_copy.present(shared_copy.load(referral.shared)) if visible and referral.shared else []
    if sections:
        services.referral_shared_viewed(actor=actor, referral=referral)
    return render(
        request,
        "referrals/detail.html",
        {
            "referral": referral,
            "is_receiver": referral.receiver_id == actor.organisation.pk,
            "shared_sections": sections,
            "shared_visible": visible,
            "field_labels": [label for value, label in SharedField.choices if value in referral.fields],
            "updates": list(selectors.referral_updates(referral=referral)),
            "actions": _actions(actor, referral),
            "kinds": UpdateKind,
            "outcomes": ServiceOutcome.choices,
            "form": form,
            "overdue": referral.overdue,  # type: ignore[attr-defined]
            "steps": _steps(referral),
            "delivery": selectors.delivery_state(referral=referral),
            "step_statuses": StepStatus.choices,
            "may_edit_steps": _may_edit_steps(actor, referral),
            "step_form": step_form,
            "today": timezone.localdate(),
        },
        status=status,
    )


def _steps(referral: Referral) -> list[Any]:
    steps = list(selectors.repatriation_steps(referral=referral))
    for step in steps:
        sop = BY_CODE.get(step.code)
        step.title = sop.title if sop else step.code  # type: ignore[attr-defined]
        step.side_label = _("Thailand") if sop and sop.side == "TH" else _("Cambodia")  # type: ignore[attr-defined]
    return steps


def _may_edit_steps(actor: Actor, referral: Referral) -> bool:
    return not services.plan_frozen(referral) and actor.can(services.side_of(actor, referral)[1])


@actor_required("referral.view")
def referral_detail(request: HttpRequest, actor: Actor, referral_id: UUID) -> HttpResponse:
    return render_referral(request, actor, _referral_or_404(request, actor, referral_id))


@require_POST
@actor_required("referral.view")
def referral_update(request: HttpRequest, actor: Actor, referral_id: UUID) -> HttpResponse:
    referral = _referral_or_404(request, actor, referral_id)
    form = ReferralUpdateForm(request.POST)
    if form.is_valid():
        change = services.Change(
            kind=form.cleaned_data["kind"],
            text=form.cleaned_data["text"],
            outcome=form.cleaned_data["outcome"],
            occurred_on=form.cleaned_data["occurred_on"],
        )
        try:
            services.referral_update(actor=actor, referral=referral, change=change)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Saved. The other organisation can see it now."))
            return redirect("referrals:detail", referral_id=referral.pk)
    return render_referral(request, actor, referral, form=form, status=422)


@actor_required("referral.send")
def referral_new(request: HttpRequest, actor: Actor, case_id: UUID) -> HttpResponse:
    case = case_or_404(request, actor, case_id)
    people = case_people_choices(case=case)
    receivers = selectors.receivers_for(actor=actor)
    may_override = actor.can("referral.override_consent")
    initial_type = request.GET.get("referral_type", ReferralType.LEGAL_AID)
    if initial_type not in ReferralType.values:
        initial_type = ReferralType.LEGAL_AID
    choosing_type = request.method == "POST" and request.POST.get("action") == "choose_type"
    if choosing_type:
        # "Show this type's information" without JavaScript: the same form again, unbound, with the chosen
        # type's fields checked by default and what was already typed kept.
        chosen = request.POST.get("referral_type", "")
        initial_type = chosen if chosen in ReferralType.values else initial_type
    bound = request.method == "POST" and not choosing_type
    kept = {name: request.POST.get(name, "") for name in ("person", "receiver", "message")} if choosing_type else {}
    form = ReferralForm(
        request.POST if bound else None,
        people=people,
        receivers=receivers,
        may_override=may_override,
        initial={
            "referral_type": initial_type,
            "shared_fields": ReferralForm.defaults_for(initial_type),
            "person": people[0][0] if len(people) == 1 else None,
            **{name: value for name, value in kept.items() if value},
        },
    )
    if bound and form.is_valid():
        person = case_person(case=case, person_id=form.cleaned_data["person"])
        try:
            if person is None:
                raise ValidationError({"person": _("Choose a person linked to this case.")})
            referral = services.referral_send(
                actor=actor,
                case=case,
                person=person,
                receiver=form.cleaned_data["receiver"],
                referral_type=form.cleaned_data["referral_type"],
                fields=form.cleaned_data["shared_fields"],
                message=form.cleaned_data["message"],
                override_reason=form.cleaned_data.get("override_reason", ""),
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(
                request, _("Referral sent to %(organisation)s.") % {"organisation": referral.receiver.name}
            )
            return redirect("referrals:detail", referral_id=referral.pk)
    return render(
        request,
        "referrals/new.html",
        {
            "case": case,
            "form": form,
            "types": [(t, TYPES[t]) for t in ReferralType],
            "consent_problems": _consent_problems(form, case),
            "may_override": may_override,
        },
        status=422 if bound and form.errors else 200,
    )


def _consent_problems(form: ReferralForm, case: Any) -> list[str]:
    """Shown beside the form once a person and a receiver are chosen, so the caseworker knows before sending."""
    if not form.is_bound:
        return []
    cleaned = getattr(form, "cleaned_data", {})
    person = case_person(case=case, person_id=cleaned.get("person"))
    receiver = cleaned.get("receiver")
    if person is None or receiver is None:
        return []
    return list(sharing_basis(person=person, receiver=receiver).problems)


@require_POST
@actor_required("referral.view")
def repatriation_step(request: HttpRequest, actor: Actor, referral_id: UUID, step: str) -> HttpResponse:
    referral = _referral_or_404(request, actor, referral_id)
    form = RepatriationStepForm(request.POST, code=step)
    if form.is_valid():
        change = services.StepChange(
            status=form.cleaned_data["status"],
            responsible=form.cleaned_data["responsible"],
            due_on=form.cleaned_data["due_on"],
            done_on=form.cleaned_data["done_on"],
            evidence=form.cleaned_data["evidence"],
        )
        try:
            services.repatriation_step_update(actor=actor, referral=referral, code=step, change=change)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Step saved. Both organisations see it."))
            return redirect(reverse("referrals:detail", args=[referral.pk]) + "#plan")
    return render_referral(request, actor, referral, step_form=form, status=422)

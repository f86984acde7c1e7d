"""Adding what a case records: violations, events, notes, tasks, outcomes and files."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from uuid import UUID

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from corridor.accounts.decorators import actor_required, not_found
from corridor.accounts.scope import Actor
from corridor.accounts.selectors import assignable_users
from corridor.cases import selectors, services
from corridor.cases.forms import AttachmentForm, EventForm, NoteForm, OutcomeForm, TaskForm, ViolationForm
from corridor.cases.models import Case
from corridor.cases.views.common import case_or_404, render_detail
from corridor.core.forms import apply_service_errors
from corridor.core.http import private_download


def _add(
    request: HttpRequest,
    actor: Actor,
    case_id: UUID,
    form: forms.Form,
    form_name: str,
    anchor: str,
    save: Callable[[Case, dict[str, Any]], object],
    done: str,
) -> HttpResponse:
    case = case_or_404(request, actor, case_id)
    if form.is_valid():
        try:
            save(case, form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, done)
            return redirect(f"{case_url(case)}#{anchor}")
    return render_detail(request, actor, case, status=422, **{form_name: form})


def case_url(case: Case) -> str:
    from django.urls import reverse

    return reverse("cases:detail", kwargs={"case_id": case.pk})


@require_POST
@actor_required("case.edit")
def violation_add(request: HttpRequest, actor: Actor, case_id: UUID) -> HttpResponse:
    return _add(
        request,
        actor,
        case_id,
        ViolationForm(request.POST),
        "violation_form",
        "violations",
        lambda case, d: services.violation_add(actor=actor, case=case, type_code=d["type"], notes=d["notes"]),
        _("Violation added."),
    )


@require_POST
@actor_required("case.edit")
def violation_remove(request: HttpRequest, actor: Actor, case_id: UUID, violation_id: UUID) -> HttpResponse:
    case = case_or_404(request, actor, case_id)
    violation = selectors.violation_get(case=case, violation_id=violation_id)
    if violation is None:
        raise not_found(request, actor)
    services.violation_remove(actor=actor, violation=violation)
    messages.success(request, _("Violation removed."))
    return redirect(f"{case_url(case)}#violations")


@require_POST
@actor_required("case.edit")
def event_add(request: HttpRequest, actor: Actor, case_id: UUID) -> HttpResponse:
    return _add(
        request,
        actor,
        case_id,
        EventForm(request.POST),
        "event_form",
        "timeline",
        lambda case, d: services.event_add(actor=actor, case=case, **d),
        _("Event added to the timeline."),
    )


@require_POST
@actor_required("case.edit")
def note_add(request: HttpRequest, actor: Actor, case_id: UUID) -> HttpResponse:
    return _add(
        request,
        actor,
        case_id,
        NoteForm(request.POST),
        "note_form",
        "notes",
        lambda case, d: services.note_add(actor=actor, case=case, body=d["body"]),
        _("Note saved."),
    )


@require_POST
@actor_required("case.edit")
def task_add(request: HttpRequest, actor: Actor, case_id: UUID) -> HttpResponse:
    form = TaskForm(request.POST, assignees=assignable_users(actor=actor))
    return _add(
        request,
        actor,
        case_id,
        form,
        "task_form",
        "tasks",
        lambda case, d: services.task_add(actor=actor, case=case, **d),
        _("Task added."),
    )


@require_POST
@actor_required("case.edit")
def task_complete(request: HttpRequest, actor: Actor, case_id: UUID, task_id: UUID) -> HttpResponse:
    case = case_or_404(request, actor, case_id)
    task = selectors.task_get(case=case, task_id=task_id)
    if task is None:
        raise not_found(request, actor)
    services.task_complete(actor=actor, task=task)
    messages.success(request, _("Task marked as done."))
    return redirect(f"{case_url(case)}#tasks")


@require_POST
@actor_required("case.edit")
def outcome_add(request: HttpRequest, actor: Actor, case_id: UUID) -> HttpResponse:
    return _add(
        request,
        actor,
        case_id,
        OutcomeForm(request.POST),
        "outcome_form",
        "outcomes",
        lambda case, d: services.outcome_add(actor=actor, case=case, **d),
        _("Outcome recorded."),
    )


@require_POST
@actor_required("attachment.add")
def attachment_add(request: HttpRequest, actor: Actor, case_id: UUID) -> HttpResponse:
    form = AttachmentForm(request.POST, request.FILES)

    def save(case: Case, data: dict[str, Any]) -> object:
        upload = data["file"]
        limit = settings.CORRIDOR_ATTACHMENT_MAX_BYTES
        content = upload.read(limit + 1)
        return services.attachment_add(
            actor=actor, case=case, filename=upload.name, content=content, description=data["description"]
        )

    return _add(request, actor, case_id, form, "attachment_form", "attachments", save, _("File attached."))


@actor_required("attachment.download")
def attachment_download(request: HttpRequest, actor: Actor, case_id: UUID, attachment_id: UUID) -> HttpResponse:
    attachment = selectors.attachment_get(actor=actor, case_id=case_id, attachment_id=attachment_id)
    if attachment is None:
        raise not_found(request, actor)
    content = services.attachment_download(actor=actor, attachment=attachment)
    return private_download(content, content_type=attachment.content_type, filename=attachment.filename)

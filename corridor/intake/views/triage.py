"""The triage queue of the receiving organisation: read a report, then open a case from it, merge it
into a case, ask the worker a question, or close it with a reason."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from corridor.accounts.decorators import actor_required, not_found
from corridor.accounts.scope import Actor
from corridor.cases.models import ViolationType
from corridor.cases.selectors import cases_visible_to
from corridor.core.forms import apply_service_errors
from corridor.core.http import private_download
from corridor.intake import selectors, services
from corridor.intake.choices import Concern, ReportStatus
from corridor.intake.forms import AskForm, CloseForm, MergeForm, OpenCaseForm, RoutingRuleForm, thai_province_choices
from corridor.intake.models import LANGUAGE_CHOICES, Report
from corridor.people.selectors import person_get

PAGE_SIZE = 25


class QueueFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("new", _("Waiting")), ("linked", _("Linked to a case")), ("closed", _("Closed")), ("all", _("All"))],
    )
    province = forms.ChoiceField(label=_("Province"), required=False)
    language = forms.ChoiceField(
        label=_("Language"), required=False, choices=[("", _("Any language")), *LANGUAGE_CHOICES]
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["province"].choices = [("", _("Any province")), *thai_province_choices()[1:]]  # type: ignore[attr-defined]


@require_GET
@actor_required("report.triage")
def queue(request: HttpRequest, actor: Actor) -> HttpResponse:
    form = QueueFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_bound and form.is_valid() else {}
    status = data.get("status") or "new"
    filters = selectors.QueueFilters(
        status="" if status == "all" else status, province=data.get("province", ""), language=data.get("language", "")
    )
    page = Paginator(selectors.report_queue(actor=actor, filters=filters), PAGE_SIZE).get_page(request.GET.get("page"))
    concerns = dict(Concern.choices)
    rows = [
        {
            "report": report,
            "sla": selectors.sla_state(report),
            "concerns": [concerns.get(code, code) for code in report.concerns],
        }
        for report in page
    ]
    context = {
        "form": form,
        "rows": rows,
        "page_obj": page,
        "waiting": selectors.waiting_count(actor=actor),
        "unrouted": selectors.unrouted_count() if actor.can("intake.manage_routing") else 0,
        "sla_hours": settings.CORRIDOR_REPORT_SLA_HOURS,
    }
    return render(request, "intake/queue.html", context)


def _report_or_404(request: HttpRequest, actor: Actor, report_id: UUID) -> Report:
    report = selectors.report_get(actor=actor, report_id=report_id)
    if report is None:
        raise not_found(request, actor)
    return report


def _open_case_form(report: Report, data: Any = None) -> OpenCaseForm:
    suggested = services.suggested_violations(report)
    form = OpenCaseForm(
        data,
        initial={
            "title": _default_title(report),
            "violations": suggested,
        },
    )
    types = ViolationType.objects.in_bulk(suggested) if suggested else {}
    choices = [(code, types[code].name) for code in suggested if code in types]
    form.fields["violations"].choices = choices  # type: ignore[attr-defined]
    return form


def _default_title(report: Report) -> str:
    concerns = dict(Concern.choices)
    first = concerns.get(report.concerns[0], "") if report.concerns else _("Worker report")
    place = report.province.name if report.province else ""
    return f"{first} – {place}" if place else str(first)


def _render_detail(
    request: HttpRequest, actor: Actor, report: Report, status: int = 200, **forms_: Any
) -> HttpResponse:
    candidates = selectors.report_candidates(actor=actor, report=report)
    concerns = dict(Concern.choices)
    context = {
        "report": report,
        "concerns": [concerns.get(code, code) for code in report.concerns],
        "sla": selectors.sla_state(report),
        "candidates": candidates,
        "report_messages": selectors.report_messages(report=report),
        "attachments": report.attachments.order_by("created_at"),
        "open_form": forms_.get("open_form") or _open_case_form(report),
        "merge_form": forms_.get("merge_form") or MergeForm(),
        "close_form": forms_.get("close_form") or CloseForm(),
        "ask_form": forms_.get("ask_form") or AskForm(),
        "is_new": report.status == ReportStatus.NEW,
    }
    return render(request, "intake/detail.html", context, status=status)


@require_GET
@actor_required("report.triage")
def detail(request: HttpRequest, actor: Actor, report_id: UUID) -> HttpResponse:
    report = _report_or_404(request, actor, report_id)
    services.report_viewed(actor=actor, report=report)
    return _render_detail(request, actor, report)


def _report_url(report: Report) -> str:
    return reverse("intake:report", kwargs={"report_id": report.pk})


@require_POST
@actor_required("report.triage")
def open_case(request: HttpRequest, actor: Actor, report_id: UUID) -> HttpResponse:
    if not actor.can("case.create"):
        raise not_found(request, actor)
    report = _report_or_404(request, actor, report_id)
    form = _open_case_form(report, request.POST)
    person = None
    if form.is_valid() and form.cleaned_data["person"]:
        person = person_get(actor=actor, person_id=form.cleaned_data["person"])
        if person is None:
            form.add_error(None, _("Choose one of the people listed, or none."))
    if form.is_valid():
        try:
            case = services.report_open_case(
                actor=actor,
                report=report,
                title=form.cleaned_data["title"],
                sensitivity=form.cleaned_data["sensitivity"],
                person=person,
                violation_codes=form.cleaned_data["violations"],
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Case %(reference)s opened from the report.") % {"reference": case.reference})
            return redirect("cases:detail", case_id=case.pk)
    return _render_detail(request, actor, report, status=422, open_form=form)


@require_POST
@actor_required("report.triage")
def merge(request: HttpRequest, actor: Actor, report_id: UUID) -> HttpResponse:
    report = _report_or_404(request, actor, report_id)
    form = MergeForm(request.POST)
    if form.is_valid():
        case = cases_visible_to(actor).filter(reference=form.cleaned_data["reference"].strip().upper()).first()
        if case is None:
            form.add_error("reference", _("No case of your organisation has this reference."))
        else:
            try:
                services.report_merge(actor=actor, report=report, case=case)
            except ValidationError as error:
                apply_service_errors(form, error)
            else:
                messages.success(
                    request, _("The report was added to case %(reference)s.") % {"reference": case.reference}
                )
                return redirect(_report_url(report))
    return _render_detail(request, actor, report, status=422, merge_form=form)


@require_POST
@actor_required("report.triage")
def close(request: HttpRequest, actor: Actor, report_id: UUID) -> HttpResponse:
    report = _report_or_404(request, actor, report_id)
    form = CloseForm(request.POST)
    if form.is_valid():
        try:
            services.report_close(
                actor=actor, report=report, reason=form.cleaned_data["reason"], note=form.cleaned_data["note"]
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Report closed."))
            return redirect("intake:queue")
    return _render_detail(request, actor, report, status=422, close_form=form)


@require_POST
@actor_required("report.triage")
def ask(request: HttpRequest, actor: Actor, report_id: UUID) -> HttpResponse:
    report = _report_or_404(request, actor, report_id)
    form = AskForm(request.POST)
    if form.is_valid():
        try:
            services.report_ask(actor=actor, report=report, body=form.cleaned_data["body"])
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Message saved. The worker sees it on their status page."))
            return redirect(_report_url(report) + "#messages")
    return _render_detail(request, actor, report, status=422, ask_form=form)


@require_GET
@actor_required("report.triage")
def file(request: HttpRequest, actor: Actor, report_id: UUID, report_attachment_id: UUID) -> HttpResponse:
    report = _report_or_404(request, actor, report_id)
    attachment = selectors.report_attachment_get(report=report, attachment_id=report_attachment_id)
    if attachment is None:
        raise not_found(request, actor)
    content = services.report_file_download(actor=actor, attachment=attachment)
    return private_download(content, content_type=attachment.content_type, filename=attachment.filename)


@require_http_methods(["GET", "POST"])
@actor_required("intake.manage_routing")
def routing(request: HttpRequest, actor: Actor) -> HttpResponse:
    form = RoutingRuleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.routing_rule_add(
                actor=actor, province_id=form.cleaned_data["province"] or None, language=form.cleaned_data["language"]
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Routing rule added."))
            return redirect("intake:routing")
    context = {"form": form, "rules": selectors.routing_rules(actor=actor), "unrouted": selectors.unrouted_count()}
    return render(request, "intake/routing.html", context, status=422 if form.errors else 200)


@require_POST
@actor_required("intake.manage_routing")
def routing_remove(request: HttpRequest, actor: Actor, rule_id: UUID) -> HttpResponse:
    rule = selectors.routing_rule_get(actor=actor, rule_id=rule_id)
    if rule is None:
        raise not_found(request, actor)
    services.routing_rule_remove(actor=actor, rule=rule)
    messages.success(request, _("Routing rule removed."))
    return redirect("intake:routing")

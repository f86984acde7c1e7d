"""The public side: report a problem, then check it with the tracking code and PIN. No account, no
scripts, nothing kept on the server until the worker presses Send."""

from __future__ import annotations

import secrets
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from corridor.core import ratelimit
from corridor.intake import selectors, services, tracking
from corridor.intake.choices import Concern, ContactMethod, Happened, WorkersAffected
from corridor.intake.forms import CARRIED, STEP_TITLES, STEPS, ReplyForm, ReportForm, StatusForm
from corridor.intake.models import Report
from corridor.intake.services import ReportDraft, Upload


def _private(response: HttpResponse) -> HttpResponse:
    """A worker's answers, code or PIN must not stay in a shared phone's cache or history."""
    add_never_cache_headers(response)
    response["Cache-Control"] += ", private"
    return response


@require_GET
def start(request: HttpRequest) -> HttpResponse:
    return render(request, "intake/public/start.html", {})


def _step_index(request: HttpRequest) -> int:
    try:
        return max(0, min(int(request.POST.get("step", "0")), len(STEPS) - 1))
    except ValueError:
        return 0


def _draft(form: ReportForm, submission_key: str, uploads: list[Upload]) -> ReportDraft:
    def one(name: str, default: str = "") -> str:
        values = form.answers(name)
        return values[0] if values else default

    return ReportDraft(
        submission_key=submission_key,
        language=get_language() or "en",
        concerns=form.answers("concerns"),
        details=one("details"),
        province_id=one("province") or None,
        workplace_name=one("workplace_name"),
        happened=one("happened"),
        workers_affected=one("workers_affected", WorkersAffected.UNKNOWN),
        reporter_name=one("reporter_name"),
        contact_method=one("contact_method", ContactMethod.NONE),
        contact_value=one("contact_value"),
        uploads=uploads,
    )


def _errors_up_to(error: ValidationError, step: int) -> dict[str, list[str]]:
    """The draft's errors that belong to this step or an earlier one (later steps are not filled yet)."""
    shown = {name for _key, names in STEPS[: step + 1] for name in names} | {"submission_key", "language"}
    return {name: messages for name, messages in error.message_dict.items() if name in shown}


def _first_step_with(errors: dict[str, list[str]]) -> int:
    for index, (_key, names) in enumerate(STEPS):
        if any(name in errors for name in names):
            return index
    return 0


def _uploads(request: HttpRequest) -> list[Upload]:
    return [Upload(name=file.name or "file", content=file.read()) for file in request.FILES.getlist("uploads")]


@require_http_methods(["GET", "POST"])
def report_form(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        form = ReportForm()
        return _private(_render_step(request, form, 0, secrets.token_urlsafe(24)))
    form = ReportForm(request.POST, request.FILES)
    submission_key = request.POST.get("submission_key", "")
    if request.POST.get("website"):
        # The honeypot was filled in: say thanks and store nothing.
        return _private(render(request, "intake/public/received.html", {"honeypot": True}, status=200))
    step = _step_index(request)
    action = request.POST.get("action", "next")
    if action == "back":
        return _private(_render_step(request, form, max(step - 1, 0), submission_key))
    if action == "next" and step < len(STEPS) - 1:
        try:
            services.clean_draft(_draft(form, submission_key, []))
        except ValidationError as error:
            errors = _errors_up_to(error, step)
            if errors:
                return _private(_render_step(request, form, _first_step_with(errors), submission_key, errors, 422))
        return _private(_render_step(request, form, step + 1, submission_key))
    return _send(request, form, submission_key)


def _send(request: HttpRequest, form: ReportForm, submission_key: str) -> HttpResponse:
    limit = ratelimit.Limit.parse(settings.CORRIDOR_REPORT_RATE)
    if not ratelimit.hit("report", ratelimit.client_key(request), limit):
        return _private(render(request, "intake/public/slow_down.html", {}, status=429))
    try:
        submission = services.report_submit(draft=_draft(form, submission_key, _uploads(request)))
    except ValidationError as error:
        errors = _errors_up_to(error, len(STEPS) - 1)
        step = _first_step_with(errors)
        return _private(_render_step(request, form, step, submission_key, errors, 422))
    context = {"report": submission.report, "pin": submission.pin, "created": submission.created}
    return _private(render(request, "intake/public/received.html", context))


def _render_step(
    request: HttpRequest,
    form: ReportForm,
    step: int,
    submission_key: str,
    errors: dict[str, list[str]] | None = None,
    status: int = 200,
) -> HttpResponse:
    key, names = STEPS[step]
    for name, messages in (errors or {}).items():
        for message in messages:
            form.add_error(name if name in form.fields else None, message)
    carried = [(name, value) for name in CARRIED if name not in names for value in form.answers(name)]
    context: dict[str, Any] = {
        "form": form,
        "fields": [form[name] for name in names],
        "carried": carried,
        "step": step,
        "step_key": key,
        "step_number": step + 1,
        "step_count": len(STEPS),
        "step_title": STEP_TITLES[key],
        "submission_key": submission_key,
        "is_last": step == len(STEPS) - 1,
        "summary": _summary(form) if step == len(STEPS) - 1 else [],
        "has_errors": bool(errors),
    }
    return render(request, "intake/public/form.html", context, status=status)


def _summary(form: ReportForm) -> list[tuple[str, str]]:
    """What the worker is about to send, in their words, to check before sending."""
    concerns = dict(Concern.choices)
    provinces = dict(form.fields["province"].choices)  # type: ignore[attr-defined]
    rows = [
        (_("What happened"), "; ".join(str(concerns.get(code, "")) for code in form.answers("concerns")) or "—"),
        (_("In your words"), (form.answers("details") or ["—"])[0]),
        (_("Province"), str(provinces.get((form.answers("province") or [""])[0], "—"))),
        (_("Workplace"), (form.answers("workplace_name") or ["—"])[0]),
        (_("When"), str(dict(Happened.choices).get((form.answers("happened") or [""])[0], "—"))),
        (
            _("Workers affected"),
            str(dict(WorkersAffected.choices).get((form.answers("workers_affected") or ["unknown"])[0], "—")),
        ),
        (_("Contact"), str(dict(ContactMethod.choices).get((form.answers("contact_method") or ["none"])[0], "—"))),
        (_("Your name"), (form.answers("reporter_name") or [_("Not given")])[0]),
    ]
    return rows


# --- status -----------------------------------------------------------------------------------------


def _checked_report(request: HttpRequest, form: StatusForm) -> Report | HttpResponse | None:
    """The report the code and PIN open, None if they don't match, or a 429 page when throttled."""
    client = ratelimit.client_key(request)
    if not ratelimit.hit("status", client, ratelimit.Limit.parse(settings.CORRIDOR_STATUS_RATE)):
        return _private(render(request, "intake/public/slow_down.html", {}, status=429))
    code = tracking.normalise_code(form.cleaned_data["code"])
    pin = tracking.normalise_pin(form.cleaned_data["pin"])
    failures = ratelimit.Limit.parse(settings.CORRIDOR_PIN_FAILURES)
    if ratelimit.exceeded("pin", code, failures):
        return _private(render(request, "intake/public/slow_down.html", {"locked": True}, status=429))
    report = selectors.report_by_code(code=code, pin=pin)
    if report is None:
        ratelimit.hit("pin", code, failures)
    return report


@require_http_methods(["GET", "POST"])
def status(request: HttpRequest) -> HttpResponse:
    """Code and PIN are posted, never put in the address, so they stay out of history and logs."""
    if request.method == "GET":
        return _private(render(request, "intake/public/status_form.html", {"form": StatusForm()}))
    form = StatusForm(request.POST)
    if not form.is_valid():
        return _private(render(request, "intake/public/status_form.html", {"form": form}, status=422))
    found = _checked_report(request, form)
    if isinstance(found, HttpResponse):
        return found
    if found is None:
        return _status_error(request, form)
    return _private(_render_status(request, found, form))


def _render_status(
    request: HttpRequest,
    report: Report,
    form: StatusForm,
    reply_form: ReplyForm | None = None,
    *,
    sent: bool = False,
    status: int = 200,
) -> HttpResponse:
    view = selectors.worker_view(report=report)
    reply = reply_form or ReplyForm(initial={"code": form.cleaned_data["code"], "pin": form.cleaned_data["pin"]})
    context = {"view": view, "reply_form": reply, "sent": sent, "stages": selectors.WORKER_STAGES}
    return render(request, "intake/public/status.html", context, status=status)


def _status_error(request: HttpRequest, form: StatusForm) -> HttpResponse:
    form.add_error(None, _("We could not find a report with this code and PIN. Check both and try again."))
    return _private(render(request, "intake/public/status_form.html", {"form": form}, status=422))


@require_POST
def status_reply(request: HttpRequest) -> HttpResponse:
    """The worker answers a caseworker's question; code and PIN are checked again for every post."""
    form = ReplyForm(request.POST)
    credentials = StatusForm(request.POST)
    if not credentials.is_valid():
        return _private(render(request, "intake/public/status_form.html", {"form": credentials}, status=422))
    found = _checked_report(request, credentials)
    if isinstance(found, HttpResponse):
        return found
    if found is None:
        return _status_error(request, credentials)
    if form.is_valid():
        try:
            services.report_worker_reply(report=found, body=form.cleaned_data["body"])
        except ValidationError as error:
            form.add_error("body", error.messages[0])
        else:
            fresh = ReplyForm(
                initial={"code": credentials.cleaned_data["code"], "pin": credentials.cleaned_data["pin"]}
            )
            return _private(_render_status(request, found, credentials, fresh, sent=True))
    return _private(_render_status(request, found, credentials, form, status=422))

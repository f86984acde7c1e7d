"""Pages that belong to no single app: home ("my work"), language choice, health, errors."""

from __future__ import annotations

from django.conf import settings
from django.db import connection
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from corridor.accounts.decorators import actor_required
from corridor.accounts.scope import Actor
from corridor.accounts.services import user_set_language
from corridor.cases import selectors as case_selectors
from corridor.cases.lifecycle import CaseStatus
from corridor.intake import selectors as intake_selectors
from corridor.referrals import selectors as referral_selectors


@actor_required()
def home(request: HttpRequest, actor: Actor) -> HttpResponse:
    today = timezone.localdate()
    tasks = list(case_selectors.my_open_tasks(actor=actor)[:50])
    context = {
        "my_cases": list(case_selectors.my_open_cases(actor=actor)[:20]),
        "overdue_tasks": [t for t in tasks if t.due_on and t.due_on < today],
        "upcoming_tasks": [t for t in tasks if not t.due_on or t.due_on >= today],
        "status_rows": _status_rows(actor) if actor.can("case.view") or actor.can("aggregates.view") else [],
        "waiting_reports": intake_selectors.waiting_count(actor=actor) if actor.can("report.triage") else None,
        "referrals_home": _referrals_home(actor) if actor.can("referral.view") else None,
        "today": today,
    }
    return render(request, "core/home.html", context)


def _referrals_home(actor: Actor) -> dict[str, object]:
    overdue = referral_selectors.overdue_referrals(actor=actor)
    return {**overdue, "waiting": referral_selectors.waiting_received_count(actor=actor)}


def _status_rows(actor: Actor) -> list[tuple[str, str, int]]:
    counts = case_selectors.status_counts(actor=actor)
    return [(status.value, str(status.label), counts.get(status.value, 0)) for status in CaseStatus]


@require_POST
def language_set(request: HttpRequest) -> HttpResponse:
    """Language switcher: saved on the user when signed in, and in a cookie for everyone."""
    language = request.POST.get("language", "")
    if language not in {"en", "km", "th"}:
        return HttpResponseBadRequest("unknown language")
    if request.user.is_authenticated:
        user_set_language(user=request.user, language=language)
    next_url = request.POST.get("next", "/")
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, require_https=request.is_secure()):
        next_url = "/"
    response = redirect(next_url)
    translation.activate(language)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        samesite="Lax",
        secure=request.is_secure(),
        httponly=False,
    )
    return response


def healthz(request: HttpRequest) -> HttpResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


def forbidden(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "403.html", status=403)


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", status=404)

from __future__ import annotations

from django import forms
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from corridor.accounts.decorators import actor_required
from corridor.accounts.scope import Actor
from corridor.audit.models import AuditAction
from corridor.audit.selectors import audit_entries_visible_to
from corridor.core.forms import DateInput

PAGE_SIZE = 50


class AuditFilterForm(forms.Form):
    action = forms.ChoiceField(
        label=_("What happened"), required=False, choices=[("", _("Anything")), *AuditAction.choices]
    )
    who = forms.CharField(label=_("Who"), required=False, max_length=100)
    day_from = forms.DateField(label=_("From"), required=False, widget=DateInput)
    day_to = forms.DateField(label=_("Until"), required=False, widget=DateInput)


@actor_required("audit.view")
def audit_log(request: HttpRequest, actor: Actor) -> HttpResponse:
    form = AuditFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    entries = audit_entries_visible_to(
        actor=actor,
        action=filters.get("action", ""),
        actor_text=filters.get("who", ""),
        day_from=filters.get("day_from"),
        day_to=filters.get("day_to"),
    )
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "audit/log.html", {"form": form, "page_obj": page, "entries": page.object_list})

"""Forms for cases. They parse and validate input; the services decide and write."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from corridor.accounts.models import User
from corridor.cases.lifecycle import CaseStatus
from corridor.cases.models import (
    Currency,
    EventKind,
    OutcomeKind,
    Sensitivity,
    ViolationType,
)
from corridor.core.forms import DateInput, choice_field, model_choice_field
from corridor.core.models import Province
from corridor.parties.models import Sector
from corridor.people.models import Gender


class UserChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.full_name or obj.email)


def thai_provinces() -> Any:
    return Province.objects.filter(country="TH").order_by("name_common_en")


class CaseFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=100,
        help_text=_("A name in Khmer, Thai or Latin letters, an ID or phone number, or a case reference."),
    )
    status = forms.ChoiceField(label=_("Status"), required=False, choices=[("", _("Any status")), *CaseStatus.choices])
    violation = forms.ChoiceField(label=_("Violation"), required=False)
    sector = forms.ChoiceField(label=_("Sector"), required=False, choices=[("", _("Any sector")), *Sector.choices])
    province = forms.ChoiceField(label=_("Province of work"), required=False)
    assignee = forms.ChoiceField(label=_("Assigned to"), required=False)
    opened_from = forms.DateField(label=_("Opened from"), required=False, widget=DateInput)
    opened_to = forms.DateField(label=_("Opened until"), required=False, widget=DateInput)
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[
            ("-opened", _("Newest first")),
            ("opened", _("Oldest first")),
            ("-updated", _("Recently changed")),
            ("reference", _("Reference")),
            ("status", _("Status")),
        ],
    )

    def __init__(self, *args: Any, assignees: list[User], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choice_field(self, "violation").choices = [("", _("Any violation"))] + [
            (v.code, v.name) for v in ViolationType.objects.all()
        ]
        choice_field(self, "province").choices = [("", _("Any province"))] + [
            (p.code, p.name) for p in thai_provinces()
        ]
        choice_field(self, "assignee").choices = [("", _("Anyone")), ("none", _("Nobody yet"))] + [
            (str(u.pk), u.full_name or u.email) for u in assignees
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("opened_from"), data.get("opened_to")
        if start and end and start > end:
            self.add_error("opened_to", _("The end date must be on or after the start date."))
        return data


class CaseForm(forms.Form):
    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        help_text=_("A few words a colleague will recognise, e.g. wages unpaid at a Rayong plant."),
    )
    summary = forms.CharField(label=_("Summary"), required=False, widget=forms.Textarea(attrs={"rows": 4}))
    sensitivity = forms.ChoiceField(
        label=_("Sensitivity"),
        choices=Sensitivity.choices,
        initial=Sensitivity.STANDARD,
        help_text=_("Sensitive cases are visible only to the assigned person and managers."),
    )
    sector = forms.ChoiceField(label=_("Sector"), required=False, choices=[("", "—"), *Sector.choices])
    work_province = forms.ModelChoiceField(
        label=_("Province of work in Thailand"), required=False, queryset=Province.objects.none()
    )
    opened_on = forms.DateField(label=_("Opened on"), widget=DateInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        model_choice_field(self, "work_province").queryset = thai_provinces()
        self.fields["opened_on"].initial = timezone.localdate()


class CaseEditForm(CaseForm):
    version = forms.IntegerField(widget=forms.HiddenInput)


class CaseOpenForm(CaseForm):
    """Opening a case usually starts with the worker: their name comes on the same form."""

    assigned_to = UserChoiceField(label=_("Assign to"), required=False, queryset=User.objects.none())
    worker_name_latin = forms.CharField(label=_("Worker's name in Latin letters"), max_length=200, required=False)
    worker_name_km = forms.CharField(label=_("Worker's name in Khmer script"), max_length=200, required=False)
    worker_name_th = forms.CharField(label=_("Worker's name in Thai script"), max_length=200, required=False)
    worker_gender = forms.ChoiceField(label=_("Worker's gender"), choices=Gender.choices, initial=Gender.UNKNOWN)

    def __init__(self, *args: Any, assignees: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        model_choice_field(self, "assigned_to").queryset = assignees

    def worker_values(self) -> dict[str, str] | None:
        names = {key: self.cleaned_data[f"worker_{key}"].strip() for key in ("name_latin", "name_km", "name_th")}
        if not any(names.values()):
            return None
        return {**names, "gender": self.cleaned_data["worker_gender"]}


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=CaseStatus.choices)
    reason = forms.CharField(
        label=_("Reason"), required=False, max_length=500, help_text=_("Needed when closing a case.")
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


class AssignForm(forms.Form):
    assigned_to = UserChoiceField(
        label=_("Assign to"), required=False, queryset=User.objects.none(), empty_label=_("Nobody")
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, assignees: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        model_choice_field(self, "assigned_to").queryset = assignees


class ViolationForm(forms.Form):
    type = forms.ChoiceField(label=_("Violation"))
    notes = forms.CharField(label=_("Details"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        groups: dict[str, list[tuple[str, str]]] = {}
        labels = dict(ViolationType._meta.get_field("group").choices or [])
        for violation_type in ViolationType.objects.all():
            groups.setdefault(str(labels.get(violation_type.group, violation_type.group)), []).append(
                (violation_type.code, violation_type.name)
            )
        choice_field(self, "type").choices = [("", "—"), *groups.items()]


class EventForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=EventKind.choices)
    occurred_on = forms.DateField(label=_("Date"), widget=DateInput)
    place = forms.CharField(label=_("Place"), required=False, max_length=200)
    description = forms.CharField(label=_("What happened"), widget=forms.Textarea(attrs={"rows": 3}))


class NoteForm(forms.Form):
    body = forms.CharField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 3}))


class TaskForm(forms.Form):
    title = forms.CharField(label=_("Task"), max_length=200)
    due_on = forms.DateField(label=_("Due date"), required=False, widget=DateInput)
    assignee = UserChoiceField(label=_("Assignee"), required=False, queryset=User.objects.none())

    def __init__(self, *args: Any, assignees: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        model_choice_field(self, "assignee").queryset = assignees


class OutcomeForm(forms.Form):
    kind = forms.ChoiceField(label=_("Outcome"), choices=OutcomeKind.choices)
    achieved_on = forms.DateField(label=_("Date"), widget=DateInput)
    amount = forms.DecimalField(label=_("Amount"), required=False, max_digits=14, decimal_places=2, min_value=0.01)
    currency = forms.ChoiceField(label=_("Currency"), required=False, choices=[("", "—"), *Currency.choices])
    notes = forms.CharField(label=_("Details"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class AttachmentForm(forms.Form):
    file = forms.FileField(label=_("File"), help_text=_("PDF, JPEG, PNG or WebP. Photo location data is removed."))
    description = forms.CharField(label=_("Description"), required=False, max_length=300)

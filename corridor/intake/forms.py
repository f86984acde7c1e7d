"""Forms for the public report flow, the status page and triage."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from corridor.cases.models import Sensitivity
from corridor.core.provinces import province_choices
from corridor.intake.choices import CloseReason, Concern, ContactMethod, Happened, WorkersAffected
from corridor.intake.models import LANGUAGE_CHOICES


def thai_province_choices() -> list[tuple[str, str]]:
    return [("", str(_("I don't know"))), *province_choices("TH")]


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class ReportForm(forms.Form):
    """Every answer of the guided report flow. Each step shows some fields and carries the others
    as hidden inputs, so the flow keeps nothing on the server until the worker presses Send."""

    concerns = forms.MultipleChoiceField(
        label=_("What happened? Choose all that apply."),
        choices=Concern.choices,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "choice-list"}),
        required=False,
    )
    details = forms.CharField(
        label=_("Tell us in your own words (optional)"),
        help_text=_("What happened, who did it, and what you need. Any language is fine."),
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
        max_length=4000,
    )
    province = forms.ChoiceField(label=_("Which province of Thailand do you work in?"), required=False)
    workplace_name = forms.CharField(
        label=_("Name of the workplace or employer (optional)"), required=False, max_length=200
    )
    happened = forms.ChoiceField(
        label=_("When did it happen?"), choices=Happened.choices, widget=forms.RadioSelect, required=False
    )
    workers_affected = forms.ChoiceField(
        label=_("How many workers does this happen to?"),
        choices=WorkersAffected.choices,
        widget=forms.RadioSelect,
        initial=WorkersAffected.UNKNOWN,
        required=False,
    )
    contact_method = forms.ChoiceField(
        label=_("May we contact you? How?"),
        choices=ContactMethod.choices,
        widget=forms.RadioSelect,
        initial=ContactMethod.NONE,
        required=False,
    )
    contact_value = forms.CharField(
        label=_("Your phone number or account name"),
        help_text=_("Only if you chose a way to contact you. Use a number your employer cannot see."),
        required=False,
        max_length=100,
    )
    reporter_name = forms.CharField(
        label=_("Your name (optional)"),
        help_text=_("You can leave this empty and stay anonymous."),
        required=False,
        max_length=200,
    )
    uploads = forms.FileField(
        label=_("Photos or documents (optional)"),
        help_text=_("Up to 5 photos or PDF files. We remove the location and camera details from photos."),
        widget=MultipleFileInput(attrs={"accept": "image/jpeg,image/png,image/webp,application/pdf"}),
        required=False,
    )
    # A field people never see: automated form fillers do, and give themselves away.
    website = forms.CharField(required=False, label=_("Leave this empty"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["province"].choices = thai_province_choices()  # type: ignore[attr-defined]

    def answers(self, name: str) -> list[str]:
        """The raw submitted values of one field (several for the concerns)."""
        if not self.is_bound:
            return []
        return [value for value in self.data.getlist(name) if value != ""]  # type: ignore[attr-defined]


# Which fields each step shows, in order; the last step also shows the summary and the files.
STEPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("what", ("concerns", "details")),
    ("where", ("province", "workplace_name", "happened", "workers_affected")),
    ("contact", ("contact_method", "contact_value", "reporter_name")),
    ("send", ("uploads",)),
)
STEP_TITLES = {
    "what": _("What happened"),
    "where": _("Where and when"),
    "contact": _("Contact"),
    "send": _("Check and send"),
}
CARRIED = (
    "concerns",
    "details",
    "province",
    "workplace_name",
    "happened",
    "workers_affected",
    "contact_method",
    "contact_value",
    "reporter_name",
)


class StatusForm(forms.Form):
    code = forms.CharField(
        label=_("Tracking code"),
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}),
    )
    pin = forms.CharField(
        label=_("PIN"), max_length=12, widget=forms.PasswordInput(attrs={"inputmode": "numeric", "autocomplete": "off"})
    )


class ReplyForm(StatusForm):
    body = forms.CharField(label=_("Your answer"), widget=forms.Textarea(attrs={"rows": 4}), max_length=2000)


class OpenCaseForm(forms.Form):
    title = forms.CharField(label=_("Case title"), max_length=200)
    sensitivity = forms.ChoiceField(label=_("Sensitivity"), choices=Sensitivity.choices, initial=Sensitivity.STANDARD)
    person = forms.UUIDField(required=False, widget=forms.HiddenInput)
    violations = forms.MultipleChoiceField(
        label=_("Violations suggested by the report"),
        help_text=_("Keep those the report supports; you can add more in the case."),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )


class MergeForm(forms.Form):
    reference = forms.CharField(label=_("Case reference"), max_length=32, help_text=_("For example ORG-2026-00012."))


class CloseForm(forms.Form):
    reason = forms.ChoiceField(label=_("Reason"), choices=CloseReason.choices, widget=forms.RadioSelect)
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For a duplicate, say which report or case it repeats."),
    )


class AskForm(forms.Form):
    body = forms.CharField(
        label=_("Message to the worker"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        help_text=_(
            "Write in the worker's language. They see it on their status page, and on the messaging app they used."
        ),
    )


class RoutingRuleForm(forms.Form):
    province = forms.ChoiceField(label=_("Province in Thailand"), required=False)
    language = forms.ChoiceField(
        label=_("Language of the report"), required=False, choices=[("", _("Any language")), *LANGUAGE_CHOICES]
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = thai_province_choices()
        self.fields["province"].choices = [("", _("Any province")), *choices[1:]]  # type: ignore[attr-defined]

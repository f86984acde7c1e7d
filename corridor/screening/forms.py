"""The assessment form, built from the instrument: one yes / no / unknown question and a note per item."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from corridor.screening.instruments import Instrument
from corridor.screening.rules import Answer
from corridor.screening.services import NOTE_MAX_LENGTH, Response

ANSWER_CHOICES = [
    (Answer.YES.value, _("Yes")),
    (Answer.NO.value, _("No")),
    (Answer.UNKNOWN.value, _("Unknown")),
]


def answer_field(question_id: str) -> str:
    return f"answer_{question_id}"


def note_field(question_id: str) -> str:
    return f"note_{question_id}"


class AssessmentForm(forms.Form):
    person = forms.ChoiceField(label=_("Person assessed"), required=False)
    job = forms.CharField(
        label=_("Job or situation assessed"),
        help_text=_("Answer every question about this one job, e.g. “fish processing, Mahachai, 2024–2025”."),
        max_length=300,
        required=False,
    )

    def __init__(self, *args: Any, instrument: Instrument, people: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instrument = instrument
        person = self.fields["person"]
        assert isinstance(person, forms.ChoiceField)
        person.choices = [("", _("Not linked to one person")), *people]
        questions = [(context.id, context.question) for context in instrument.contexts] + [
            (indicator.id, indicator.question) for indicator in instrument.indicators
        ]
        for question_id, question in questions:
            self.fields[answer_field(question_id)] = forms.ChoiceField(
                label=format_lazy("{}", question),  # read in the language active when the page renders
                choices=ANSWER_CHOICES,
                widget=forms.RadioSelect,
                initial=Answer.UNKNOWN.value,
                required=False,
            )
            self.fields[note_field(question_id)] = forms.CharField(
                label=_("Note"), max_length=NOTE_MAX_LENGTH, required=False
            )

    def responses(self) -> dict[str, Response]:
        data = self.cleaned_data
        ids = [context.id for context in self.instrument.contexts] + list(self.instrument.by_id)
        return {
            question_id: Response(
                Answer(data.get(answer_field(question_id)) or Answer.UNKNOWN.value),
                data.get(note_field(question_id)) or "",
            )
            for question_id in ids
        }

    def bound(self, question_id: str) -> tuple[forms.BoundField, forms.BoundField]:
        return self[answer_field(question_id)], self[note_field(question_id)]


def initial_from(answers: dict[str, dict[str, str]], instrument: Instrument) -> dict[str, str]:
    """A form prefilled from a saved revision, so re-assessing starts from the last answers (those the
    current version still asks)."""
    known = {context.id for context in instrument.contexts} | set(instrument.by_id)
    initial = {}
    for question_id, saved in answers.items():
        if question_id not in known:
            continue
        initial[answer_field(question_id)] = saved.get("answer", Answer.UNKNOWN.value)
        initial[note_field(question_id)] = saved.get("note", "")
    return initial


class ConfirmForm(forms.Form):
    violations = forms.MultipleChoiceField(
        label=_("Violations to add to the case"), widget=forms.CheckboxSelectMultiple, required=False
    )
    trafficking_status = forms.BooleanField(label=_("Record the suggested trafficking status"), required=False)

    def __init__(self, *args: Any, violation_choices: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["violations"]
        assert isinstance(field, forms.MultipleChoiceField)
        field.choices = violation_choices

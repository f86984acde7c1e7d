"""Forms for people. They parse input; corridor.people.services decides and writes."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from corridor.cases.models import CasePersonRole
from corridor.core.forms import DateInput
from corridor.core.models import Country
from corridor.people.models import DocumentHolder, DocumentKind, Gender, IdentifierKind, Person
from corridor.people.services import PERSON_FIELDS

NAME_FIELDS = ("name_latin", "name_km", "name_th")

# ISO dates whatever the active language: <input type=date> only accepts YYYY-MM-DD, and the Thai
# locale's first input format is DD/MM/YYYY.
ISO_DATE = DateInput(format="%Y-%m-%d")


def _name_widgets() -> dict[str, forms.Widget]:
    """Names are typed in their own script: the lang attribute picks the right keyboard and spell checker."""
    return {
        "name_latin": forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
        "name_km": forms.TextInput(attrs={"lang": "km", "autocomplete": "off", "spellcheck": "false"}),
        "name_th": forms.TextInput(attrs={"lang": "th", "autocomplete": "off", "spellcheck": "false"}),
    }


class PersonSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=100,
        widget=forms.SearchInput(attrs={"autocomplete": "off"}),
        help_text=_("Part of a name in Khmer, Thai or Latin letters, or a whole ID, passport or phone number."),
    )


class PersonForm(forms.Form):
    """Every field of a person, from the model's own field definitions (labels, choices, limits).
    Province lists come from the model's limit_choices_to: Cambodia for home, Thailand for now."""

    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields = forms.fields_for_model(
            Person,
            fields=PERSON_FIELDS,
            widgets={**_name_widgets(), "date_of_birth": ISO_DATE},
            apply_limit_choices_to=True,
        )
        citizenship = [*Country.choices]
        current = self.initial.get("citizenship")
        if current and current not in Country.values:
            citizenship.append((current, current))
        fields["citizenship"] = forms.ChoiceField(label=_("Citizenship"), choices=citizenship)
        fields["estimated_age"].help_text = _("Only when the date of birth is not known.")
        self.fields = {**fields, "version": self.fields["version"]}

    @staticmethod
    def initial_for(person: Person) -> dict[str, Any]:
        values = {
            name: getattr(person, getattr(Person._meta.get_field(name), "attname", name)) for name in PERSON_FIELDS
        }
        return {**values, "version": person.version}

    def person_values(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in PERSON_FIELDS}


class IdentifierForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of number"), choices=IdentifierKind.choices)
    # Named like the service's error key, so its messages land on this field.
    value = forms.CharField(
        label=_("Number"),
        max_length=60,
        help_text=_("Spaces and dashes do not matter. Phone numbers may start with 0 or with +66 or +855."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # The document form shares the person page: distinct ids keep each label tied to its field.
        kwargs.setdefault("auto_id", "id_identifier_%s")
        super().__init__(*args, **kwargs)


class DocumentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Document"), choices=DocumentKind.choices)
    held_by = forms.ChoiceField(label=_("Who holds it now"), choices=DocumentHolder.choices)
    notes = forms.CharField(label=_("Notes"), required=False, max_length=300)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "id_document_%s")
        super().__init__(*args, **kwargs)


class CasePersonLinkForm(forms.Form):
    """Link someone to a case: an existing person picked from a search, or a new person by name."""

    person = forms.UUIDField(required=False, widget=forms.HiddenInput)
    role = forms.ChoiceField(label=_("Role in the case"), choices=CasePersonRole.choices)
    name_latin = forms.CharField(
        label=_("Name in Latin letters"), max_length=200, required=False, widget=_name_widgets()["name_latin"]
    )
    name_km = forms.CharField(
        label=_("Name in Khmer script"), max_length=200, required=False, widget=_name_widgets()["name_km"]
    )
    name_th = forms.CharField(
        label=_("Name in Thai script"), max_length=200, required=False, widget=_name_widgets()["name_th"]
    )
    gender = forms.ChoiceField(label=_("Gender"), choices=Gender.choices, initial=Gender.UNKNOWN, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "id_link_person_%s")
        super().__init__(*args, **kwargs)

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if data.get("person") is None and not any((data.get(name) or "").strip() for name in NAME_FIELDS):
            raise forms.ValidationError(
                _("Choose a person from the search results, or enter a name for a new person."),
                code="no_person",
            )
        return data

    def new_person_values(self) -> dict[str, str]:
        return {
            **{name: self.cleaned_data[name].strip() for name in NAME_FIELDS},
            "gender": self.cleaned_data["gender"] or Gender.UNKNOWN,
        }

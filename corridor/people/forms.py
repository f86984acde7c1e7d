"""Forms for people. They parse input; corridor.people.services decides and writes."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from corridor.accounts.models import Organisation
from corridor.cases.models import CasePersonRole
from corridor.core.forms import DateInput, model_choice_field
from corridor.core.models import Country
from corridor.people.models import (
    INFORMED_CONSENT_CHECKS,
    ConsentMethod,
    ConsentPurpose,
    DocumentHolder,
    DocumentKind,
    Gender,
    IdentifierKind,
    Person,
)
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


class ConsentForm(forms.Form):
    """What the person agreed to. Field names follow the service's error keys, so its messages land
    on the right field."""

    purpose = forms.ChoiceField(
        label=_("What the person agreed to"), choices=ConsentPurpose.choices, widget=forms.RadioSelect
    )
    share_with_organisations = forms.ModelMultipleChoiceField(
        label=_("Organisations it may be shared with"),
        queryset=Organisation.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Only for sharing. Tick each organisation the person agreed to, or choose countries below."),
    )
    share_with_countries = forms.MultipleChoiceField(
        label=_("Or: any organisation in these countries"),
        choices=Country.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Only for sharing, and only if the person agreed to every organisation in the country."),
    )
    method = forms.ChoiceField(
        label=_("How consent was given"), choices=ConsentMethod.choices, widget=forms.RadioSelect
    )
    guardian_name = forms.CharField(
        label=_("Name of the parent or guardian"),
        max_length=200,
        required=False,
        help_text=_("Only when a parent or guardian gave consent, for example for a child."),
    )
    given_on = forms.DateField(label=_("Date given"), widget=ISO_DATE, initial=timezone.localdate)
    checks = forms.MultipleChoiceField(
        label=_("What you explained"),
        choices=INFORMED_CONSENT_CHECKS,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Tick each point you explained. If one is missing, the consent is still recorded, "
            "but no referral can rely on it."
        ),
    )
    notes = forms.CharField(label=_("Notes"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "id_consent_%s")
        super().__init__(*args, **kwargs)
        # Sharing is with others: the person's own organisation is not offered.
        receivers = Organisation.objects.exclude(pk=organisation.pk).order_by("name_en")
        model_choice_field(self, "share_with_organisations").queryset = receivers

    def consent_values(self) -> dict[str, Any]:
        """The cleaned input in corridor.people.services.consent_record's terms."""
        data = self.cleaned_data
        return {
            "purpose": data["purpose"],
            "method": data["method"],
            "given_on": data["given_on"],
            "checks": data["checks"],
            "organisations": list(data["share_with_organisations"]),
            "countries": data["share_with_countries"],
            "guardian_name": data["guardian_name"],
            "notes": data["notes"],
        }


class ConsentWithdrawForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Optional. For example: the person asked us to stop sharing with this organisation."),
    )

    def __init__(self, *args: Any, consent_id: UUID, **kwargs: Any) -> None:
        # One of these forms per consent on the person page: distinct ids keep each label tied to its field.
        kwargs.setdefault("auto_id", f"id_withdraw_{consent_id}_%s")
        super().__init__(*args, **kwargs)
        self.consent_id = consent_id


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

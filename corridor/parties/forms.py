"""Forms for employers, workplaces and recruiters, and for linking one of them to a case."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from corridor.accounts.scope import Actor
from corridor.cases.models import PartyRole
from corridor.core.models import Country
from corridor.parties import selectors
from corridor.parties.models import Employer, Recruiter, Workplace
from corridor.parties.services import EMPLOYER_FIELDS, RECRUITER_FIELDS, WORKPLACE_FIELDS


class PartyForm(forms.Form):
    """A create form built from the model's own fields (labels, choices, limits)."""

    model: type[Employer | Workplace | Recruiter]
    field_names: tuple[str, ...]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields = forms.fields_for_model(self.model, fields=self.field_names, apply_limit_choices_to=True)

    def party_values(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in self.field_names}


class EmployerForm(PartyForm):
    model = Employer
    field_names = EMPLOYER_FIELDS

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, prefix="employer", **kwargs)
        self.fields["name_th"].widget.attrs["lang"] = "th"


class WorkplaceForm(PartyForm):
    model = Workplace
    field_names = WORKPLACE_FIELDS

    def __init__(self, *args: Any, actor: Actor, **kwargs: Any) -> None:
        super().__init__(*args, prefix="workplace", **kwargs)
        # Only the organisation's own employers can own its workplaces.
        self.fields["employer"].queryset = selectors.employers_visible_to(actor).order_by("name")  # type: ignore[attr-defined]


class RecruiterForm(PartyForm):
    model = Recruiter
    field_names = RECRUITER_FIELDS

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, prefix="recruiter", **kwargs)
        self.fields["country"] = forms.ChoiceField(
            label=_("Country"), choices=Country.choices, initial=Country.CAMBODIA
        )


class PartyLinkForm(forms.Form):
    """Link one party of the organisation to a case. `party` is posted as an id and looked up in
    scope by the view, so an id from elsewhere is refused like an unknown one."""

    kind = forms.ChoiceField(choices=PartyRole.choices, widget=forms.HiddenInput)
    party = forms.UUIDField()

    def __init__(self, *args: Any, kind: str = "", **kwargs: Any) -> None:
        kind = kind or str((args[0] if args else kwargs.get("data") or {}).get("kind", ""))
        # Three of these forms share the case page: distinct ids keep every label tied to its select.
        kwargs.setdefault("auto_id", f"id_link_{kind}_%s")
        super().__init__(*args, **kwargs)
        self.party_kind = kind
        self.initial.setdefault("kind", kind)
        self.fields["party"].label = dict(PartyRole.choices).get(kind, _("Employer or recruiter"))
        self.set_choices([])

    def set_choices(self, choices: list[tuple[str, str]]) -> None:
        self.fields["party"].widget = forms.Select(choices=[("", "—"), *choices])


def party_link_forms(actor: Actor, bound: PartyLinkForm | None = None) -> dict[str, PartyLinkForm]:
    """One link form per kind of party (keys `employer`, `workplace`, `recruiter`) with the
    organisation's parties as choices; `bound`, a form that failed, stands in for its kind's form."""
    sources = {
        "employer": selectors.employers_visible_to(actor),
        "workplace": selectors.workplaces_visible_to(actor),
        "recruiter": selectors.recruiters_visible_to(actor),
    }
    forms_by_kind: dict[str, PartyLinkForm] = {}
    for kind, parties in sources.items():
        form = bound if bound is not None and bound.party_kind == kind else PartyLinkForm(kind=kind)
        form.set_choices([(str(party.pk), str(party)) for party in parties.order_by("name")])
        forms_by_kind[kind] = form
    return forms_by_kind

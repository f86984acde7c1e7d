"""Forms for referrals. They parse input; corridor.referrals.services decides and writes."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from corridor.accounts.models import Organisation
from corridor.core.forms import DateInput, choice_field, model_choice_field
from corridor.referrals.catalogue import ReferralType, SharedField, rules_for
from corridor.referrals.models import ServiceOutcome, StepStatus, UpdateKind


class ReceiverChoiceField(forms.ModelChoiceField[Organisation]):
    def label_from_instance(self, obj: Organisation) -> str:
        country = obj.get_country_display()
        if hasattr(obj, "remote"):
            return str(
                _("%(name)s (%(country)s, on %(server)s)")
                % {"name": obj.name, "country": country, "server": obj.remote.peer.name}
            )
        return f"{obj.name} ({country})"


class ReferralForm(forms.Form):
    person = forms.ChoiceField(label=_("Who is referred"))
    receiver = ReceiverChoiceField(
        label=_("Refer to"), queryset=Organisation.objects.none(), empty_label=_("Choose an organisation")
    )
    referral_type = forms.ChoiceField(label=_("Type of referral"), choices=ReferralType.choices)
    shared_fields = forms.MultipleChoiceField(
        label=_("Information the receiver will see"),
        choices=SharedField.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Share only what the receiver needs. It sees these once it accepts, and nothing else."),
    )
    message = forms.CharField(
        label=_("What is needed"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What the person needs, how urgent it is, and the best way to reach them safely."),
    )
    override_reason = forms.CharField(
        label=_("Send without the matching consent, because…"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Only when the person's safety cannot wait for consent. Your reason is kept in the audit log."),
    )

    def __init__(
        self,
        *args: Any,
        people: list[tuple[str, str]],
        receivers: QuerySet[Organisation],
        may_override: bool,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        # With several people nobody is preselected: referring the wrong person shares the wrong data.
        choice_field(self, "person").choices = people if len(people) == 1 else [("", _("Choose a person")), *people]
        model_choice_field(self, "receiver").queryset = receivers
        if not may_override:
            del self.fields["override_reason"]
        chosen = self.data.get("referral_type") or self.initial.get("referral_type")
        if chosen in ReferralType.values:
            allowed = rules_for(chosen).allowed
            choice_field(self, "shared_fields").choices = [
                (value, label) for value, label in SharedField.choices if value in allowed
            ]

    @staticmethod
    def defaults_for(referral_type: str) -> list[str]:
        return [value for value in SharedField.values if value in rules_for(referral_type).default]


class ReferralUpdateForm(forms.Form):
    kind = forms.ChoiceField(choices=UpdateKind.choices, widget=forms.HiddenInput)
    text = forms.CharField(
        label=_("Message"), required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )
    outcome = forms.ChoiceField(label=_("Outcome"), required=False, choices=[("", "—"), *ServiceOutcome.choices])
    occurred_on = forms.DateField(label=_("Date"), required=False, widget=DateInput())


class RepatriationStepForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=StepStatus.choices)
    responsible = forms.CharField(label=_("Responsible agency"), max_length=200)
    due_on = forms.DateField(label=_("Due"), widget=DateInput())
    done_on = forms.DateField(label=_("Done on"), required=False, widget=DateInput())
    evidence = forms.CharField(
        label=_("Evidence"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("What shows the step was done: a document number, who confirmed it and when."),
    )

    def __init__(self, *args: Any, code: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.code = code

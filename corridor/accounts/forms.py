from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from corridor.accounts.models import Role
from corridor.core.forms import DateInput


class MemberAddForm(forms.Form):
    email = forms.EmailField(label=_("Email address"))
    full_name = forms.CharField(label=_("Full name"), max_length=200)
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices, initial=Role.CASEWORKER)


class MemberRoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        label=_("Name"), max_length=100, help_text=_("What will use this token, e.g. the reporting spreadsheet.")
    )
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices, initial=Role.VIEWER)
    expires_on = forms.DateField(
        label=_("Expires on"),
        required=False,
        widget=DateInput,
        help_text=_("Leave empty for a token that does not expire."),
    )

    def clean_expires_on(self) -> Any:
        value = self.cleaned_data.get("expires_on")
        if value is not None and value <= timezone.localdate():
            raise forms.ValidationError(_("The expiry date must be in the future."))
        return value

    def expires_at(self) -> dt.datetime | None:
        value = self.cleaned_data.get("expires_on")
        if value is None:
            return None
        return timezone.make_aware(dt.datetime.combine(value, dt.time.min))


class OrganisationSwitchForm(forms.Form):
    organisation = forms.UUIDField()

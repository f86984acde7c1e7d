"""Who may see which records. Every selector builds its queryset from these predicates.

Capabilities (what a role may do) live in capabilities.py; this module decides *which rows*:
own organisation, assigned to me, sensitive. Keep the two axes apart: a predicate never asks for a
role by name, only for a capability.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.apps import apps
from django.db.models import Exists, OuterRef, Q

from corridor.accounts.capabilities import role_has

if TYPE_CHECKING:
    from corridor.accounts.models import ApiToken, Organisation, User

NOTHING = Q(pk__in=[])


@dataclass(frozen=True)
class Actor:
    """Someone acting for one organisation with one role: a signed-in member or an API token."""

    organisation: Organisation
    role: str
    user: User | None = None
    token: ApiToken | None = None

    def can(self, capability: str) -> bool:
        return role_has(self.role, capability)

    @property
    def user_id(self) -> int | None:
        return self.user.pk if self.user is not None else None

    @property
    def label(self) -> str:
        if self.user is not None:
            return self.user.email
        if self.token is not None:
            return f"token:{self.token.prefix}"
        return "system"


def case_q(actor: Actor, prefix: str = "") -> Q:
    """Cases the actor may see. `prefix` lets related models reuse it (e.g. "case__")."""
    if not actor.can("case.view"):
        return NOTHING
    own = Q(**{f"{prefix}organisation": actor.organisation})
    if actor.can("case.view_sensitive"):
        return own
    open_cases = Q(**{f"{prefix}sensitivity": "standard"})
    if actor.user is not None:
        open_cases |= Q(**{f"{prefix}assigned_to": actor.user})
    return own & open_cases


def person_q(actor: Actor) -> Q:
    """People of the actor's organisation, except those who appear only through sensitive cases
    the actor cannot see."""
    if not actor.can("person.view"):
        return NOTHING
    own = Q(organisation=actor.organisation)
    if actor.can("case.view_sensitive"):
        return own
    case_person = apps.get_model("cases", "CasePerson")
    hidden_link = case_person.objects.filter(person=OuterRef("pk"), case__sensitivity="sensitive")
    if actor.user is not None:
        # An API token has no user, so no sensitive case is "assigned to" it.
        hidden_link = hidden_link.exclude(case__assigned_to=actor.user)
    return own & Q(~Exists(hidden_link))


def party_q(actor: Actor) -> Q:
    if not actor.can("party.view"):
        return NOTHING
    return Q(organisation=actor.organisation)


def same_organisation_q(actor: Actor, capability: str) -> Q:
    if not actor.can(capability):
        return NOTHING
    return Q(organisation=actor.organisation)

"""Reads of employers, workplaces and recruiters, scoped to the actor's organisation."""

from __future__ import annotations

from django.db.models import QuerySet

from corridor.accounts.scope import Actor, party_q
from corridor.parties.models import Employer, Recruiter, Workplace


def employers_visible_to(actor: Actor) -> QuerySet[Employer]:
    return Employer.objects.filter(party_q(actor)).select_related("province")


def workplaces_visible_to(actor: Actor) -> QuerySet[Workplace]:
    return Workplace.objects.filter(party_q(actor)).select_related("province", "employer")


def recruiters_visible_to(actor: Actor) -> QuerySet[Recruiter]:
    return Recruiter.objects.filter(party_q(actor))

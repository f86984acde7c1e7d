"""Reads of saved wage claims, always through a case the actor may see."""

from __future__ import annotations

from uuid import UUID

from django.db.models import QuerySet

from corridor.accounts.scope import Actor
from corridor.cases.models import Case
from corridor.cases.selectors import cases_visible_to
from corridor.rights.models import WageClaim


def wage_claims_for_case(*, case: Case) -> QuerySet[WageClaim]:
    return case.wage_claims.select_related("created_by", "person").order_by("-revision")


def wage_claim_get(*, actor: Actor, case_id: UUID | str, claim_id: UUID | str) -> WageClaim | None:
    return (
        WageClaim.objects.select_related("case", "case__organisation", "created_by", "person")
        .filter(pk=claim_id, case_id=case_id, case__in=cases_visible_to(actor))
        .first()
    )

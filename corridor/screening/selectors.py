"""Reads of saved assessments, always through a case the actor may see."""

from __future__ import annotations

from uuid import UUID

from django.db.models import QuerySet

from corridor.accounts.scope import Actor
from corridor.cases.models import Case
from corridor.cases.selectors import cases_visible_to
from corridor.screening.models import Assessment


def assessments_for_case(*, case: Case) -> QuerySet[Assessment]:
    """Every revision, newest first. The caller got `case` from a scoped selector."""
    return case.assessments.select_related("created_by", "person").order_by("-created_at")


def assessment_get(*, actor: Actor, case_id: UUID | str, assessment_id: UUID | str) -> Assessment | None:
    return (
        Assessment.objects.select_related("case", "case__organisation", "created_by", "person")
        .filter(pk=assessment_id, case_id=case_id, case__in=cases_visible_to(actor))
        .first()
    )


def previous_revision(*, assessment: Assessment) -> Assessment | None:
    return (
        Assessment.objects.filter(
            case_id=assessment.case_id,
            instrument_code=assessment.instrument_code,
            revision__lt=assessment.revision,
        )
        .order_by("-revision")
        .first()
    )

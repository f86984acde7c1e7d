"""Wage claims: the employment facts a caseworker entered and what the calculator found, kept per revision."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from corridor.core.models import BaseModel


class WageClaim(BaseModel):
    """One computation for a case. Recomputing with corrected facts makes a new revision; earlier ones stay,
    with the law and wage-table versions they were computed under.

    `facts` is the calculator's input as entered (dates ISO, amounts as strings); `result` its findings and
    line items as computed when saved."""

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="wage_claims")
    person = models.ForeignKey(
        "people.Person",
        verbose_name=_("worker"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="wage_claims",
    )
    revision = models.PositiveIntegerField()
    facts = models.JSONField()
    result = models.JSONField()
    total = models.DecimalField(_("amount owed (THB)"), max_digits=14, decimal_places=2)
    law_version = models.CharField(max_length=20)
    as_of = models.DateField(_("calculated as of"))

    class Meta:
        verbose_name = _("wage claim")
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(fields=["case", "revision"], name="wage_claim_revision_unique_per_case")]

    def __str__(self) -> str:
        return f"wage claim r{self.revision}"

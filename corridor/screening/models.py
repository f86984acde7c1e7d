"""Assessments: one instrument version answered for one case, kept as a history (never edited)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from corridor.core.models import BaseModel
from corridor.screening.instruments import Instrument, instrument


class ResultStatus(models.TextChoices):
    POSITIVE = "positive", _("Indicators present")
    UNDETERMINED = "undetermined", _("Not enough answers")
    NEGATIVE = "negative", _("Indicators not shown")


class Assessment(BaseModel):
    """A saved screening. Saving again makes a new revision; earlier ones stay as they were answered.

    `answers` maps indicator and context ids to {"answer": "yes|no|unknown", "note": "..."}; `result` is
    rules.Result as computed by the server when saved, under the instrument version named here."""

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="assessments")
    person = models.ForeignKey(
        "people.Person",
        verbose_name=_("person assessed"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="assessments",
    )
    instrument_code = models.CharField(max_length=40)
    instrument_version = models.PositiveSmallIntegerField()
    revision = models.PositiveIntegerField()
    job = models.CharField(_("job or situation assessed"), max_length=300, blank=True)
    answers = models.JSONField(default=dict)
    result = models.JSONField(default=dict)
    status = models.CharField(_("result"), max_length=12, choices=ResultStatus.choices)
    language = models.CharField(max_length=8)

    class Meta:
        verbose_name = _("screening assessment")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["case", "instrument_code", "revision"], name="assessment_revision_unique_per_case"
            )
        ]
        indexes = [models.Index(fields=["case", "instrument_code", "-revision"], name="assessment_latest")]

    def __str__(self) -> str:
        return f"{self.instrument_code} v{self.instrument_version} r{self.revision}"

    @property
    def instrument(self) -> Instrument | None:
        """The instrument version this was answered with (its data file stays when a newer one ships)."""
        return instrument(self.instrument_code, self.instrument_version)

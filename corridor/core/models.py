"""Base model and geography reference data shared by every app."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class BaseModel(models.Model):
    """UUID keys (safe to expose in URLs and to exchange between instances), timestamps, actor."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        abstract = True


class Country(models.TextChoices):
    CAMBODIA = "KH", _("Cambodia")
    THAILAND = "TH", _("Thailand")
    OTHER = "XX", _("Other country")


class MultilingualName(models.Model):
    """Names written in English, Khmer and Thai; `name` picks the active language's."""

    name_en = models.CharField(_("name in English"), max_length=200)
    name_km = models.CharField(_("name in Khmer"), max_length=200, blank=True)
    name_th = models.CharField(_("name in Thai"), max_length=200, blank=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        language = (get_language() or "en")[:2]
        localised = getattr(self, f"name_{language}", "") if language in {"km", "th"} else ""
        return localised or self.name_en


class Province(models.Model):
    """A first-level division of Cambodia or Thailand, keyed by its ISO 3166-2 code."""

    code = models.CharField(_("ISO 3166-2 code"), max_length=6, primary_key=True)
    country = models.CharField(_("country"), max_length=2, choices=Country.choices)
    name_en = models.CharField(_("name in English (ISO)"), max_length=100)
    name_common_en = models.CharField(_("common English name"), max_length=100)
    name_km = models.CharField(_("name in Khmer"), max_length=100)
    name_th = models.CharField(_("name in Thai"), max_length=100)
    kind = models.CharField(max_length=20)
    needs_review = models.BooleanField(default=False)

    class Meta:
        ordering = ["country", "name_common_en"]
        verbose_name = _("province")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        language = (get_language() or "en")[:2]
        if language == "km" and self.name_km:
            return self.name_km
        if language == "th" and self.name_th:
            return self.name_th
        return self.name_common_en


class ScaleRun(BaseModel):
    """One `manage.py seed_scale` load of synthetic corridor-scale data and how far it got.

    Each chunk commits in the same transaction as `chunks_done`, so a rerun with the same arguments
    resumes after the last whole chunk, and a finished run is never loaded twice.
    """

    seed = models.BigIntegerField()
    people = models.PositiveIntegerField()
    cases = models.PositiveIntegerField()
    chunk_size = models.PositiveIntegerField()
    organisations = models.PositiveSmallIntegerField()
    anchor = models.DateField(help_text="Generated dates are relative to this day, not to the day of the run.")
    chunks_total = models.PositiveIntegerField()
    chunks_done = models.PositiveIntegerField(default=0)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        done = f"{self.chunks_done}/{self.chunks_total} chunks"
        return f"seed_scale of {self.people} people and {self.cases} cases, seed {self.seed}, {done}"

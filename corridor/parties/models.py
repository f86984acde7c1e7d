"""Employers, workplaces, and recruiters or agencies: the other side of a case."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from corridor.core.models import BaseModel


class Sector(models.TextChoices):
    # ISIC Rev.4 sections, as HTCDS v2.0 vic_ForcedLabourIndustry lists them.
    A = "A", _("Agriculture, forestry and fishing")
    B = "B", _("Mining and quarrying")
    C = "C", _("Manufacturing")
    D = "D", _("Electricity, gas and air conditioning")
    E = "E", _("Water, sewerage and waste")
    F = "F", _("Construction")
    G = "G", _("Wholesale and retail trade")
    H = "H", _("Transport and storage")
    I = "I", _("Hotels and restaurants")  # noqa: E741
    J = "J", _("Information and communication")
    K = "K", _("Finance and insurance")
    L = "L", _("Real estate")
    M = "M", _("Professional and technical services")
    N = "N", _("Administrative and support services")
    O = "O", _("Public administration")  # noqa: E741
    P = "P", _("Education")
    Q = "Q", _("Health and social work")
    R = "R", _("Arts and entertainment")
    S = "S", _("Other services")
    T = "T", _("Domestic work in households")
    U = "U", _("International organisations")


class Employer(BaseModel):
    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="employers")
    name = models.CharField(_("name"), max_length=200)
    name_th = models.CharField(_("name in Thai script"), max_length=200, blank=True)
    registration_number = models.CharField(_("company registration number"), max_length=40, blank=True)
    sector = models.CharField(_("sector"), max_length=1, choices=Sector.choices, blank=True)
    province = models.ForeignKey(
        "core.Province", verbose_name=_("province"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    address = models.CharField(_("address"), max_length=300, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("employer")

    def __str__(self) -> str:
        return self.name


class Workplace(BaseModel):
    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="workplaces")
    employer = models.ForeignKey(
        Employer,
        verbose_name=_("employer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="workplaces",
    )
    name = models.CharField(_("name"), max_length=200)
    sector = models.CharField(_("sector"), max_length=1, choices=Sector.choices, blank=True)
    province = models.ForeignKey(
        "core.Province",
        verbose_name=_("province"),
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"country": "TH"},
    )
    district = models.CharField(_("district"), max_length=100, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("workplace")

    def __str__(self) -> str:
        return self.name


class RecruiterKind(models.TextChoices):
    AGENCY = "agency", _("Recruitment agency")
    BROKER = "broker", _("Individual broker")


class LicenceStatus(models.TextChoices):
    LICENSED = "licensed", _("Licensed")
    UNLICENSED = "unlicensed", _("Not licensed")
    UNKNOWN = "unknown", _("Not known")


class Recruiter(BaseModel):
    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="recruiters")
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=10, choices=RecruiterKind.choices)
    country = models.CharField(_("country"), max_length=2, default="KH")
    licence_status = models.CharField(
        _("licence"), max_length=12, choices=LicenceStatus.choices, default=LicenceStatus.UNKNOWN
    )
    licence_number = models.CharField(_("licence number"), max_length=60, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("recruiter or agency")

    def __str__(self) -> str:
        return self.name

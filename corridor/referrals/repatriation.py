"""The steps of a return home under the Thailand–Cambodia repatriation SOP, as DESIGN.md §1 lists them:
identification in Thailand → nationality verification and travel document → family tracing and
assessment in Cambodia → agreed return date → handover at Aranyaprathet–Poipet → reception → four
reintegration stages → closure with feedback to the Thai side.

Agencies and days are Corridor's defaults for a first plan; each step's responsible agency and due date
are edited per case. The SOP's own names for the four reintegration stages are not in our reference
material, so they are numbered (docs/decisions.md, 29)."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class SopStep:
    code: str
    title: Promise
    side: str  # "TH" or "KH": where the step happens
    agency: Promise  # who usually does it
    days: int  # default due date, in days after the referral is sent


SOP_STEPS: tuple[SopStep, ...] = (
    SopStep(
        "identification",
        _("Identification in Thailand"),
        "TH",
        _("Thai social development office (MSDHS) with the referring organisation"),
        7,
    ),
    SopStep(
        "nationality",
        _("Nationality verification and travel document"),
        "KH",
        _("Cambodian embassy in Bangkok, or a Cambodian consulate"),
        21,
    ),
    SopStep(
        "family",
        _("Family tracing and assessment"),
        "KH",
        _("Provincial social affairs department (MoSVY) or a Cambodian NGO"),
        30,
    ),
    SopStep("return_date", _("Return date agreed"), "TH", _("Both sides"), 35),
    SopStep(
        "handover", _("Handover at Aranyaprathet–Poipet"), "TH", _("Thai and Cambodian officials at the border"), 42
    ),
    SopStep("reception", _("Reception in Cambodia"), "KH", _("Poipet transit centre (MoSVY)"), 43),
    SopStep("reintegration_1", _("Reintegration, stage 1 of 4"), "KH", _("Receiving organisation in Cambodia"), 60),
    SopStep("reintegration_2", _("Reintegration, stage 2 of 4"), "KH", _("Receiving organisation in Cambodia"), 120),
    SopStep("reintegration_3", _("Reintegration, stage 3 of 4"), "KH", _("Receiving organisation in Cambodia"), 240),
    SopStep("reintegration_4", _("Reintegration, stage 4 of 4"), "KH", _("Receiving organisation in Cambodia"), 365),
    SopStep(
        "closure", _("Closure, with feedback to the Thai side"), "KH", _("Receiving organisation in Cambodia"), 380
    ),
)
BY_CODE = {step.code: step for step in SOP_STEPS}

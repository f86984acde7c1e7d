"""What a referral can share, and what each type of referral may share.

A receiver sees exactly the fields a referral names, copied when it is sent (see shared.py). Each type
declares the fields a receiver of that type may ever see and the ones offered by default; the sender can
narrow them, never widen them.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class SharedField(models.TextChoices):
    NAMES = "person.names", _("Names, in every script recorded")
    GENDER_AGE = "person.gender_age", _("Gender and age")
    HOME = "person.home", _("Home address in Cambodia")
    WHEREABOUTS = "person.whereabouts", _("Province where the person is now")
    CONTACT = "person.contact", _("Phone numbers")
    ID_NUMBERS = "person.id_numbers", _("Passport, ID card and work permit numbers")
    DOCUMENTS = "person.documents", _("Documents and who holds them")
    MIGRATION = "person.migration", _("How the person migrated")
    SUMMARY = "case.summary", _("Case title and summary")
    WORK = "case.work", _("Sector, province of work and employer")
    RECRUITERS = "case.recruiters", _("Recruiters and agencies")
    VIOLATIONS = "case.violations", _("Violations recorded")
    TIMELINE = "case.timeline", _("Timeline of events")
    WAGE_CLAIM = "case.wage_claim", _("Wage claim: amounts owed and their legal basis")
    SCREENING = "case.screening", _("Screening results (forced labour, trafficking)")
    OUTCOMES = "case.outcomes", _("Outcomes so far")


class ReferralType(models.TextChoices):
    LEGAL_AID = "legal_aid", _("Legal aid")
    WAGE_CLAIM = "wage_claim", _("Wage claim")
    SHELTER = "shelter", _("Shelter")
    MEDICAL = "medical", _("Medical care")
    FAMILY_TRACING = "family_tracing", _("Family tracing")
    REPATRIATION = "repatriation", _("Repatriation")
    REINTEGRATION = "reintegration", _("Reintegration")
    VICTIM_IDENTIFICATION = "victim_identification", _("Victim identification")
    EMPLOYER_REMEDIATION = "employer_remediation", _("Employer remediation")
    OTHER = "other", _("Other")


@dataclass(frozen=True)
class TypeRules:
    allowed: frozenset[SharedField]
    default: frozenset[SharedField]
    days_to_answer: int
    days_to_complete: int
    help: Promise


F = SharedField
PERSON_BASICS = {F.NAMES, F.GENDER_AGE}

# Days to answer and to complete are Corridor's defaults for a first deployment, not figures from the
# SOP; each organisation can agree its own with its partners (see docs/decisions.md, 28).
TYPES: dict[ReferralType, TypeRules] = {
    ReferralType.LEGAL_AID: TypeRules(
        allowed=frozenset(
            {
                *PERSON_BASICS,
                F.CONTACT,
                F.ID_NUMBERS,
                F.DOCUMENTS,
                F.MIGRATION,
                F.WHEREABOUTS,
                F.SUMMARY,
                F.WORK,
                F.RECRUITERS,
                F.VIOLATIONS,
                F.TIMELINE,
                F.WAGE_CLAIM,
                F.SCREENING,
                F.OUTCOMES,
            }
        ),
        default=frozenset({*PERSON_BASICS, F.CONTACT, F.SUMMARY, F.WORK, F.VIOLATIONS, F.TIMELINE, F.WAGE_CLAIM}),
        days_to_answer=5,
        days_to_complete=90,
        help=_("A lawyer or paralegal takes up the worker's claim or complaint."),
    ),
    ReferralType.WAGE_CLAIM: TypeRules(
        allowed=frozenset(
            {
                *PERSON_BASICS,
                F.CONTACT,
                F.ID_NUMBERS,
                F.DOCUMENTS,
                F.MIGRATION,
                F.SUMMARY,
                F.WORK,
                F.VIOLATIONS,
                F.TIMELINE,
                F.WAGE_CLAIM,
                F.OUTCOMES,
            }
        ),
        default=frozenset({*PERSON_BASICS, F.CONTACT, F.WORK, F.VIOLATIONS, F.WAGE_CLAIM}),
        days_to_answer=5,
        days_to_complete=60,
        help=_("Pursue unpaid wages, deductions or severance with the employer or the labour office."),
    ),
    ReferralType.SHELTER: TypeRules(
        allowed=frozenset({*PERSON_BASICS, F.CONTACT, F.WHEREABOUTS, F.SUMMARY, F.SCREENING}),
        default=frozenset({*PERSON_BASICS, F.CONTACT, F.WHEREABOUTS}),
        days_to_answer=1,
        days_to_complete=30,
        help=_("A safe place to stay, now."),
    ),
    ReferralType.MEDICAL: TypeRules(
        allowed=frozenset({*PERSON_BASICS, F.CONTACT, F.WHEREABOUTS, F.SUMMARY}),
        default=frozenset({*PERSON_BASICS, F.CONTACT, F.WHEREABOUTS}),
        days_to_answer=1,
        days_to_complete=14,
        help=_("Medical or psychological care."),
    ),
    ReferralType.FAMILY_TRACING: TypeRules(
        allowed=frozenset({*PERSON_BASICS, F.HOME, F.CONTACT, F.MIGRATION, F.SUMMARY}),
        default=frozenset({*PERSON_BASICS, F.HOME}),
        days_to_answer=5,
        days_to_complete=30,
        help=_("Find the family and assess whether the person can safely go home."),
    ),
    ReferralType.REPATRIATION: TypeRules(
        allowed=frozenset(
            {
                *PERSON_BASICS,
                F.HOME,
                F.WHEREABOUTS,
                F.CONTACT,
                F.ID_NUMBERS,
                F.DOCUMENTS,
                F.MIGRATION,
                F.SUMMARY,
                F.SCREENING,
            }
        ),
        default=frozenset({*PERSON_BASICS, F.HOME, F.WHEREABOUTS, F.ID_NUMBERS, F.DOCUMENTS}),
        days_to_answer=5,
        days_to_complete=90,
        help=_("Return home through the Thailand–Cambodia steps, from identification to reintegration."),
    ),
    ReferralType.REINTEGRATION: TypeRules(
        allowed=frozenset({*PERSON_BASICS, F.HOME, F.CONTACT, F.MIGRATION, F.SUMMARY, F.SCREENING, F.OUTCOMES}),
        default=frozenset({*PERSON_BASICS, F.HOME, F.CONTACT, F.SUMMARY}),
        days_to_answer=7,
        days_to_complete=180,
        help=_("Support after return: livelihood, schooling, counselling."),
    ),
    ReferralType.VICTIM_IDENTIFICATION: TypeRules(
        allowed=frozenset(
            {
                *PERSON_BASICS,
                F.WHEREABOUTS,
                F.CONTACT,
                F.ID_NUMBERS,
                F.DOCUMENTS,
                F.MIGRATION,
                F.SUMMARY,
                F.WORK,
                F.RECRUITERS,
                F.VIOLATIONS,
                F.TIMELINE,
                F.SCREENING,
            }
        ),
        default=frozenset({*PERSON_BASICS, F.WHEREABOUTS, F.SUMMARY, F.VIOLATIONS, F.SCREENING}),
        days_to_answer=2,
        days_to_complete=30,
        help=_("Formal identification as a victim of trafficking by the competent authority."),
    ),
    ReferralType.EMPLOYER_REMEDIATION: TypeRules(
        allowed=frozenset({F.SUMMARY, F.WORK, F.RECRUITERS, F.VIOLATIONS, F.WAGE_CLAIM, F.OUTCOMES}),
        default=frozenset({F.WORK, F.VIOLATIONS}),
        days_to_answer=7,
        days_to_complete=60,
        help=_("A buyer, union or labour office asks the employer to put things right; no personal details."),
    ),
    ReferralType.OTHER: TypeRules(
        allowed=frozenset({*PERSON_BASICS, F.CONTACT, F.WHEREABOUTS, F.SUMMARY}),
        default=frozenset({*PERSON_BASICS, F.CONTACT}),
        days_to_answer=5,
        days_to_complete=30,
        help=_("Any other service: say what is needed in the message."),
    ),
}


def rules_for(referral_type: str) -> TypeRules:
    return TYPES[ReferralType(referral_type)]


def ordered(fields: set[str] | frozenset[str] | list[str]) -> list[str]:
    """Shared fields in the catalogue's order, whatever order they were chosen in."""
    return [field.value for field in SharedField if field.value in set(fields)]

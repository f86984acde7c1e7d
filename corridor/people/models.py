"""People in cases: names in several scripts, identifiers encrypted with blind indexes, documents."""

from __future__ import annotations

from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from corridor.core.fields import EncryptedTextField
from corridor.core.models import BaseModel


class Gender(models.TextChoices):
    # HTCDS v2.0 prs_Gender picklist.
    FEMININE = "Feminine", _("Female")
    MASCULINE = "Masculine", _("Male")
    TRANSGENDER_FEMININE = "TransgenderFeminine", _("Transgender female")
    TRANSGENDER_MASCULINE = "TransgenderMasculine", _("Transgender male")
    NON_CONFORMING = "NonConforming", _("Gender non-conforming")
    UNKNOWN = "NonSpecifiedUnknown", _("Not specified or unknown")


class MigrationChannel(models.TextChoices):
    MOU = "mou", _("MOU recruitment (passport, visa, work permit)")
    PINK_CARD = "pink_card", _("Registered in Thailand (pink card)")
    BORDER_PASS = "border_pass", _("Border pass (seasonal or daily work)")
    IRREGULAR = "irregular", _("Irregular entry")
    UNKNOWN = "unknown", _("Not known")


class Person(BaseModel):
    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="people")
    name_latin = models.CharField(_("name in Latin letters"), max_length=200, blank=True)
    name_km = models.CharField(_("name in Khmer script"), max_length=200, blank=True)
    name_th = models.CharField(_("name in Thai script"), max_length=200, blank=True)
    # Casefolded copy of every name, for one-column search in any script.
    search_names = models.CharField(max_length=620, blank=True, editable=False)
    gender = models.CharField(_("gender"), max_length=24, choices=Gender.choices, default=Gender.UNKNOWN)
    date_of_birth = models.DateField(_("date of birth"), null=True, blank=True)
    estimated_age = models.PositiveSmallIntegerField(
        _("estimated age"), null=True, blank=True, validators=[MaxValueValidator(120)]
    )
    citizenship = models.CharField(_("citizenship"), max_length=2, default="KH")
    languages = models.CharField(_("languages spoken"), max_length=60, blank=True)
    home_province = models.ForeignKey(
        "core.Province",
        verbose_name=_("home province in Cambodia"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"country": "KH"},
    )
    home_district = models.CharField(_("home district"), max_length=100, blank=True)
    home_commune = models.CharField(_("home commune"), max_length=100, blank=True)
    home_village = models.CharField(_("home village"), max_length=100, blank=True)
    current_province = models.ForeignKey(
        "core.Province",
        verbose_name=_("current province in Thailand"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"country": "TH"},
    )
    migration_channel = models.CharField(
        _("migration channel"), max_length=20, choices=MigrationChannel.choices, default=MigrationChannel.UNKNOWN
    )
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["name_latin", "name_km"]
        verbose_name = _("person")
        verbose_name_plural = _("people")
        indexes = [models.Index(fields=["organisation", "created_at", "id"], name="person_org_cursor")]
        constraints = [
            models.CheckConstraint(
                condition=~(models.Q(name_latin="") & models.Q(name_km="") & models.Q(name_th="")),
                name="person_has_a_name",
            )
        ]

    @property
    def display_name(self) -> str:
        return self.name_latin or self.name_km or self.name_th

    def __str__(self) -> str:
        return self.display_name


class DocumentKind(models.TextChoices):
    PASSPORT = "passport", _("Passport")
    NATIONAL_ID = "national_id", _("Cambodian ID card")
    WORK_PERMIT = "work_permit", _("Thai work permit")
    PINK_CARD = "pink_card", _("Pink card")
    BORDER_PASS = "border_pass", _("Border pass")
    VISA = "visa", _("Visa")
    OTHER = "other", _("Other document")


class DocumentHolder(models.TextChoices):
    WORKER = "worker", _("The worker")
    EMPLOYER = "employer", _("The employer")
    RECRUITER = "recruiter", _("A recruiter or broker")
    OTHER = "other", _("Someone else")
    LOST = "lost", _("Lost or destroyed")
    UNKNOWN = "unknown", _("Not known")


class PersonDocument(BaseModel):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(_("document"), max_length=20, choices=DocumentKind.choices)
    held_by = models.CharField(_("held by"), max_length=20, choices=DocumentHolder.choices)
    notes = models.CharField(_("notes"), max_length=300, blank=True)

    class Meta:
        ordering = ["kind"]

    @property
    def is_retained(self) -> bool:
        return self.held_by in {DocumentHolder.EMPLOYER, DocumentHolder.RECRUITER, DocumentHolder.OTHER}


class IdentifierKind(models.TextChoices):
    PASSPORT = "passport", _("Passport number")
    NATIONAL_ID = "kh_national_id", _("Cambodian ID number")
    WORK_PERMIT = "th_work_permit", _("Thai work permit number")
    PINK_CARD = "pink_card", _("Pink card number")
    PHONE = "phone", _("Phone number")


class PersonIdentifier(BaseModel):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="identifiers")
    kind = models.CharField(_("kind"), max_length=20, choices=IdentifierKind.choices)
    value = EncryptedTextField(_("number"))
    blind_index = models.CharField(max_length=64, db_index=True, editable=False)

    class Meta:
        ordering = ["kind"]
        constraints = [
            models.UniqueConstraint(fields=["person", "kind", "blind_index"], name="identifier_unique_per_person"),
        ]


class ConsentPurpose(models.TextChoices):
    SERVICES = "services", _("Receive services")
    SHARING = "sharing", _("Share information with other organisations")
    RESEARCH = "research", _("Research use of information with names and numbers removed")


class ConsentMethod(models.TextChoices):
    SPOKEN = "spoken", _("Spoken")
    SIGNED = "signed", _("Signed")
    GUARDIAN = "guardian", _("Through a parent or guardian")


# The HTCDS v2.0 consent field (con_Consent, a Core checkbox) is one tick. Corridor records what that
# tick stands for as seven separate checks, so that a partial explanation is visible and a sharing
# decision can name what is missing. The wording is Corridor's (see docs/decisions.md, 27).
INFORMED_CONSENT_CHECKS: tuple[tuple[str, StrOrPromise], ...] = (
    ("told_purpose", _("Told why the information is collected and how it will be used")),
    ("told_recipients", _("Told who it may be shared with")),
    ("told_protection", _("Told how it is kept safe and for how long")),
    ("told_voluntary", _("Told that saying no will not stop the help they receive")),
    ("told_withdrawal", _("Told they can withdraw consent at any time, and how")),
    ("told_access", _("Told they can see and correct what is recorded about them")),
    ("understood", _("Explained in a language they understand, with their questions answered")),
)


class Consent(BaseModel):
    """What a person agreed to, for one purpose. Withdrawal keeps the record and stops future use."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="consents")
    purpose = models.CharField(_("purpose"), max_length=12, choices=ConsentPurpose.choices)
    share_with_organisations = models.ManyToManyField(
        "accounts.Organisation",
        verbose_name=_("organisations it may be shared with"),
        blank=True,
        related_name="+",
    )
    share_with_countries = models.JSONField(_("countries whose organisations it may be shared with"), default=list)
    method = models.CharField(_("how consent was given"), max_length=10, choices=ConsentMethod.choices)
    guardian_name = models.CharField(_("name of the parent or guardian"), max_length=200, blank=True)
    given_on = models.DateField(_("date given"))
    notes = models.TextField(_("notes"), blank=True)
    told_purpose = models.BooleanField(default=False)
    told_recipients = models.BooleanField(default=False)
    told_protection = models.BooleanField(default=False)
    told_voluntary = models.BooleanField(default=False)
    told_withdrawal = models.BooleanField(default=False)
    told_access = models.BooleanField(default=False)
    understood = models.BooleanField(default=False)
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    withdrawal_reason = models.TextField(_("why it was withdrawn"), blank=True)

    class Meta:
        verbose_name = _("consent")
        ordering = ["-given_on", "-created_at"]
        indexes = [models.Index(fields=["person", "purpose", "withdrawn_at"], name="consent_person_purpose")]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(method="guardian", guardian_name=""), name="consent_guardian_named"
            ),
        ]

    @property
    def missing_checks(self) -> list[str]:
        return [str(label) for name, label in INFORMED_CONSENT_CHECKS if not getattr(self, name)]

    @property
    def is_informed(self) -> bool:
        return not self.missing_checks

    @property
    def is_active(self) -> bool:
        return self.withdrawn_at is None

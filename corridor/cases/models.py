"""Cases and everything recorded inside one."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from corridor.cases.lifecycle import CLOSED_STATUSES, HTCDS_STATUS, CaseStatus
from corridor.core.models import BaseModel
from corridor.parties.models import Sector


class Sensitivity(models.TextChoices):
    STANDARD = "standard", _("Standard")
    SENSITIVE = "sensitive", _("Sensitive (trafficking, sexual violence or a child)")


class Case(BaseModel):
    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="cases")
    reference = models.CharField(_("reference"), max_length=32, unique=True, editable=False)
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=CaseStatus.choices, default=CaseStatus.NEW)
    sensitivity = models.CharField(
        _("sensitivity"), max_length=12, choices=Sensitivity.choices, default=Sensitivity.STANDARD
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_cases",
    )
    sector = models.CharField(_("sector"), max_length=1, choices=Sector.choices, blank=True)
    work_province = models.ForeignKey(
        "core.Province",
        verbose_name=_("province of work in Thailand"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    opened_on = models.DateField(_("opened on"))
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    # Optimistic locking: every write names the version it read; a mismatch is a stale edit.
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-opened_on", "-created_at"]
        verbose_name = _("case")
        indexes = [
            models.Index(fields=["organisation", "status", "-opened_on"], name="case_org_status"),
            models.Index(fields=["organisation", "-updated_at"], name="case_org_updated"),
            models.Index(fields=["assigned_to", "status"], name="case_assignee_status"),
            # The case list's default order, so a page is read from the index, not sorted.
            models.Index(fields=["organisation", "-opened_on", "-created_at", "id"], name="case_org_opened"),
            # The API's cursor pages walk cases of one organisation newest first.
            models.Index(fields=["organisation", "-created_at", "-id"], name="case_org_cursor"),
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.title}"

    @property
    def htcds_status(self) -> str:
        return HTCDS_STATUS[self.status]

    @property
    def is_closed(self) -> bool:
        return self.status in CLOSED_STATUSES


class CasePersonRole(models.TextChoices):
    WORKER = "worker", _("Worker (affected person)")
    FAMILY = "family", _("Family member")
    WITNESS = "witness", _("Witness")
    OTHER = "other", _("Other")


class TraffickingStatus(models.TextChoices):
    """HTCDS v2.0 vic_TraffickingStatus. Set by a person, never by a screening result on its own."""

    POSSIBLE = "PossibleVictimOfTrafficking", _("Possible victim of trafficking")
    ACTUAL = "ActualVictimOfTrafficking", _("Actual victim of trafficking")
    NOT_A_VICTIM = "NotAVictimOfTrafficking", _("Not a victim of trafficking")


class CasePerson(BaseModel):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="person_links")
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="case_links")
    role = models.CharField(_("role in the case"), max_length=12, choices=CasePersonRole.choices)
    trafficking_status = models.CharField(
        _("trafficking status"), max_length=40, choices=TraffickingStatus.choices, blank=True
    )

    class Meta:
        verbose_name = _("person in the case")
        ordering = ["role", "created_at"]
        constraints = [models.UniqueConstraint(fields=["case", "person"], name="case_person_unique")]


class PartyRole(models.TextChoices):
    EMPLOYER = "employer", _("Employer")
    WORKPLACE = "workplace", _("Workplace")
    RECRUITER = "recruiter", _("Recruiter or agency")


class CaseParty(BaseModel):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="party_links")
    role = models.CharField(_("role"), max_length=12, choices=PartyRole.choices)
    employer = models.ForeignKey("parties.Employer", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    workplace = models.ForeignKey(
        "parties.Workplace", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    recruiter = models.ForeignKey(
        "parties.Recruiter", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("employer or recruiter in the case")
        ordering = ["role", "created_at"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(role="employer", employer__isnull=False, workplace__isnull=True, recruiter__isnull=True)
                    | models.Q(role="workplace", workplace__isnull=False, employer__isnull=True, recruiter__isnull=True)
                    | models.Q(role="recruiter", recruiter__isnull=False, employer__isnull=True, workplace__isnull=True)
                ),
                name="case_party_one_party_matching_role",
            ),
            models.UniqueConstraint(
                fields=["case", "employer"], condition=models.Q(role="employer"), name="case_party_unique_employer"
            ),
            models.UniqueConstraint(
                fields=["case", "workplace"], condition=models.Q(role="workplace"), name="case_party_unique_workplace"
            ),
            models.UniqueConstraint(
                fields=["case", "recruiter"], condition=models.Q(role="recruiter"), name="case_party_unique_recruiter"
            ),
        ]

    @property
    def party(self) -> models.Model:
        return self.employer or self.workplace or self.recruiter  # type: ignore[return-value]


class ViolationGroup(models.TextChoices):
    LABOUR_RIGHTS = "labour_rights", _("Labour rights")
    ILO_FORCED_LABOUR = "ilo_forced_labour", _("ILO forced labour indicators")
    METHOD_OF_CONTROL = "htcds_method_of_control", _("Methods of control")
    EXPLOITATION = "htcds_exploitation", _("Types of exploitation")
    LOCAL = "local", _("Other types of exploitation")


class ViolationType(models.Model):
    """One taxonomy (data/violation_types.csv, loaded by migration) with its HTCDS/ILO mapping."""

    code = models.CharField(max_length=40, primary_key=True)
    group = models.CharField(max_length=30, choices=ViolationGroup.choices)
    name_en = models.CharField(max_length=200)
    name_km = models.CharField(max_length=200)
    name_th = models.CharField(max_length=200)
    htcds_field = models.CharField(max_length=40, blank=True)
    htcds_value = models.CharField(max_length=60, blank=True)
    ilo_id = models.CharField(max_length=20, blank=True)
    order = models.PositiveSmallIntegerField(default=0)
    source = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["group", "order"]

    def __str__(self) -> str:
        return self.name or self.name_en

    @property
    def name(self) -> str:
        language = (get_language() or "en")[:2]
        return getattr(self, f"name_{language}", "") if language in {"km", "th"} else self.name_en


class Violation(BaseModel):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="violations")
    type = models.ForeignKey(ViolationType, verbose_name=_("violation"), on_delete=models.PROTECT, related_name="+")
    notes = models.TextField(_("details"), blank=True)

    class Meta:
        verbose_name = _("violation")
        ordering = ["type__group", "type__order"]
        constraints = [models.UniqueConstraint(fields=["case", "type"], name="violation_unique_per_case")]


class EventKind(models.TextChoices):
    RECRUITMENT = "recruitment", _("Recruitment")
    JOURNEY = "journey", _("Journey")
    EMPLOYMENT = "employment", _("Employment")
    INCIDENT = "incident", _("Incident")
    EXIT = "exit", _("Exit from work")
    RETURN = "return", _("Return home")
    OTHER = "other", _("Other")


class CaseEvent(BaseModel):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("kind"), max_length=12, choices=EventKind.choices)
    occurred_on = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    description = models.TextField(_("what happened"))

    class Meta:
        verbose_name = _("timeline event")
        ordering = ["occurred_on", "created_at"]


class Note(BaseModel):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="notes")
    body = models.TextField(_("note"))

    class Meta:
        verbose_name = _("note")
        ordering = ["-created_at"]


class Task(BaseModel):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="tasks")
    title = models.CharField(_("task"), max_length=200)
    due_on = models.DateField(_("due date"), null=True, blank=True)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assignee"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="case_tasks",
    )
    done_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("task")
        ordering = ["done_at", "due_on", "created_at"]
        indexes = [models.Index(fields=["assignee", "done_at", "due_on"], name="task_assignee_open")]


class Attachment(BaseModel):
    """A file of a case. The bytes live encrypted under MEDIA_ROOT; only metadata is here."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="attachments")
    filename = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    description = models.CharField(_("description"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("file")
        ordering = ["-created_at"]


class OutcomeKind(models.TextChoices):
    MONEY_RECOVERED = "money_recovered", _("Money recovered")
    DOCUMENTS_RETURNED = "documents_returned", _("Documents returned")
    REPATRIATED = "repatriated", _("Returned home safely")
    COMPENSATION = "compensation", _("Compensation awarded")
    PROSECUTION = "prosecution", _("Prosecution")
    REMEDIATION = "remediation", _("Employer remediated")
    OTHER = "other", _("Other")


class Currency(models.TextChoices):
    THB = "THB", _("Thai baht (THB)")
    USD = "USD", _("US dollars (USD)")


class Outcome(BaseModel):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="outcomes")
    kind = models.CharField(_("outcome"), max_length=20, choices=OutcomeKind.choices)
    amount = models.DecimalField(_("amount"), max_digits=14, decimal_places=2, null=True, blank=True)
    currency = models.CharField(_("currency"), max_length=3, choices=Currency.choices, blank=True)
    achieved_on = models.DateField(_("date"))
    notes = models.TextField(_("details"), blank=True)

    class Meta:
        verbose_name = _("outcome")
        ordering = ["-achieved_on"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(amount__isnull=True, currency="")
                    | models.Q(amount__isnull=False, amount__gt=0, currency__in=["THB", "USD"])
                ),
                name="outcome_amount_has_currency",
            )
        ]

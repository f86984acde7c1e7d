"""Organisations (the tenant boundary), users, memberships with a role, and API tokens."""

from __future__ import annotations

from typing import ClassVar

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from corridor.core.models import BaseModel, Country, MultilingualName


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **extra: object) -> User:
        if not email:
            raise ValueError("A user needs an email address.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra: object) -> User:
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self.create_user(email, password, **extra)


class User(AbstractUser):
    username = None  # type: ignore[assignment]
    email = models.EmailField(_("email address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=200, blank=True)
    preferred_language = models.CharField(
        _("language"),
        max_length=8,
        choices=[("en", "English"), ("km", "ខ្មែរ"), ("th", "ไทย")],
        default="en",
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []
    objects: ClassVar[UserManager] = UserManager()  # type: ignore[assignment]

    def __str__(self) -> str:
        return self.full_name or self.email


class OrganisationType(models.TextChoices):
    # HTCDS v2.0 org_Type values, then Corridor's additions for the corridor's actors.
    NGO = "NGO", _("NGO")
    LAW_ENFORCEMENT = "LawEnforcement", _("Law enforcement")
    HEALTH_SERVICE = "HealthServiceOrganisation", _("Health service organisation")
    CENTRAL_GOVERNMENT = "CentralGovernmentOrganisation", _("Central government organisation")
    LOCAL_GOVERNMENT = "LocalGovernmentOrganisation", _("Local government organisation")
    IMMIGRATION = "ImmigrationService", _("Immigration service")
    LEGAL_SERVICE = "LegalService", _("Legal service")
    CORPORATE_BUSINESS = "CorporateBusiness", _("Corporate business")
    SCHOOL = "SchoolOrCollege", _("School or college")
    TRADE_UNION = "TradeUnion", _("Trade union")
    EMPLOYER = "Employer", _("Employer")
    BUYER = "Buyer", _("Buyer or brand")
    INTERNATIONAL = "InternationalOrganisation", _("International organisation")


class Organisation(BaseModel, MultilingualName):
    slug = models.SlugField(_("short name"), max_length=40, unique=True)
    country = models.CharField(_("country"), max_length=2, choices=Country.choices)
    type = models.CharField(_("type"), max_length=40, choices=OrganisationType.choices)
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    require_mfa = models.BooleanField(
        _("require two-factor authentication for staff"),
        default=True,
        help_text=_("Members must set up an authenticator app before they can open any page."),
    )
    case_prefix = models.CharField(
        _("case reference prefix"),
        max_length=12,
        unique=True,
        help_text=_("Letters at the start of every case reference, for example HRN."),
    )
    case_counter = models.PositiveIntegerField(default=0, editable=False)
    listed_for_peers = models.BooleanField(
        _("receive referrals from other Corridor servers"),
        default=False,
        help_text=_("Listed in this server's directory, so organisations on trusted peer servers can refer to it."),
    )

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("organisation")


class Role(models.TextChoices):
    ORG_ADMIN = "org_admin", _("Organisation administrator")
    MANAGER = "manager", _("Manager")
    CASEWORKER = "caseworker", _("Caseworker")
    INTAKE_OFFICER = "intake_officer", _("Intake officer")
    ANALYST = "analyst", _("Analyst (aggregates only)")
    VIEWER = "viewer", _("Viewer")


class Membership(BaseModel):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="membership_unique_user_org"),
        ]
        ordering = ["organisation__name_en"]


class ApiToken(BaseModel):
    """A machine credential of one organisation that acts with one role.

    Only a SHA-256 digest of the secret is stored; the prefix lets people tell tokens apart.
    """

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("name"), max_length=100)
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    prefix = models.CharField(max_length=12, unique=True)
    digest = models.CharField(max_length=64, unique=True)
    expires_at = models.DateTimeField(_("expires"), null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    @property
    def is_usable(self) -> bool:
        if self.revoked_at is not None:
            return False
        return self.expires_at is None or self.expires_at > timezone.now()


class Notification(BaseModel):
    """Something a member should look at: written in their language when it happens, emailed too."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="notifications")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    text = models.CharField(max_length=300)
    url = models.CharField(max_length=300)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["user", "read_at", "-created_at"], name="notification_unread")]

"""What workers submit, kept apart from cases until someone triages it."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from corridor.core.fields import EncryptedTextField
from corridor.core.models import BaseModel
from corridor.intake.choices import (
    Channel,
    CloseReason,
    ContactMethod,
    Delivery,
    Happened,
    MessageDirection,
    ReportStatus,
    WorkersAffected,
)

LANGUAGE_CHOICES = [("en", "English"), ("km", "ខ្មែរ"), ("th", "ไทย")]


class Report(BaseModel):
    """A worker's own account: untrusted, personal, and never lost.

    Free text and contact details are encrypted; the PIN is kept only as a keyed digest; no client
    address is stored with it."""

    organisation = models.ForeignKey(
        "accounts.Organisation", null=True, blank=True, on_delete=models.PROTECT, related_name="reports"
    )
    tracking_code = models.CharField(max_length=8, unique=True, editable=False)
    pin_digest = models.CharField(max_length=64, editable=False)
    # Set by the form at its first step, so a resubmitted final page cannot create a second report.
    submission_key = models.CharField(max_length=64, unique=True, editable=False)
    channel = models.CharField(_("channel"), max_length=12, choices=Channel.choices, default=Channel.WEB)
    language = models.CharField(_("language"), max_length=2, choices=LANGUAGE_CHOICES, default="en")
    concerns = models.JSONField(_("what happened"), default=list)
    details = EncryptedTextField(_("in the worker's words"), null=True, blank=True)
    province = models.ForeignKey(
        "core.Province",
        verbose_name=_("province in Thailand"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"country": "TH"},
    )
    workplace_name = EncryptedTextField(_("workplace or employer"), null=True, blank=True)
    matched_employer = models.ForeignKey(
        "parties.Employer", null=True, blank=True, on_delete=models.SET_NULL, related_name="reports"
    )
    happened = models.CharField(_("when"), max_length=12, choices=Happened.choices, blank=True)
    workers_affected = models.CharField(
        _("workers affected"), max_length=8, choices=WorkersAffected.choices, default=WorkersAffected.UNKNOWN
    )
    reporter_name = EncryptedTextField(_("name given"), null=True, blank=True)
    contact_method = models.CharField(
        _("may we contact you?"), max_length=12, choices=ContactMethod.choices, default=ContactMethod.NONE
    )
    contact_value = EncryptedTextField(_("contact"), null=True, blank=True)
    # Keyed digest of the contact as a phone number, to find the same worker among people and reports.
    contact_index = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    status = models.CharField(_("status"), max_length=10, choices=ReportStatus.choices, default=ReportStatus.NEW)
    case = models.ForeignKey("cases.Case", null=True, blank=True, on_delete=models.SET_NULL, related_name="reports")
    close_reason = models.CharField(_("reason"), max_length=20, choices=CloseReason.choices, blank=True)
    close_note = models.TextField(_("note"), blank=True)
    triaged_at = models.DateTimeField(null=True, blank=True)
    triaged_by = models.ForeignKey("accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    # The messaging conversation the report came from, to write back to the worker there.
    conversation = models.ForeignKey(
        "intake.ChannelConversation", null=True, blank=True, on_delete=models.SET_NULL, related_name="reports"
    )

    class Meta:
        indexes = [models.Index(fields=["organisation", "status", "created_at"], name="report_queue_idx")]

    def __str__(self) -> str:
        return self.display_code

    @property
    def display_code(self) -> str:
        return f"{self.tracking_code[:4]}-{self.tracking_code[4:]}"


class ReportAttachment(BaseModel):
    """A photo or document sent with a report; bytes are cleaned and encrypted like case files."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="attachments")
    filename = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)

    def __str__(self) -> str:
        return self.filename


class ReportMessage(BaseModel):
    """A question from a caseworker to the worker, or the worker's answer."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="messages")
    direction = models.CharField(max_length=12, choices=MessageDirection.choices)
    body = EncryptedTextField(_("message"))
    delivery = models.CharField(max_length=12, choices=Delivery.choices, default=Delivery.STATUS_PAGE)

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"{self.direction} {self.created_at:%Y-%m-%d %H:%M}"


class RoutingRule(BaseModel):
    """Which organisation receives a report: by Thai province, by language, or both; blank means any.

    The most specific rule wins (province and language, then province, then language, then any)."""

    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.CASCADE, related_name="routing_rules")
    province = models.ForeignKey(
        "core.Province",
        verbose_name=_("province in Thailand"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"country": "TH"},
    )
    language = models.CharField(_("language"), max_length=2, choices=LANGUAGE_CHOICES, blank=True)

    def __str__(self) -> str:
        return f"{self.organisation_id}: {self.province_id or '*'} / {self.language or '*'}"


class ChannelConversation(BaseModel):
    """One worker's conversation with a messaging bot: where they are in the questions, and the
    answers so far. The chat id is what we need to write back, so it is encrypted and looked up
    by a keyed digest."""

    channel = models.CharField(max_length=12, choices=Channel.choices)
    user_index = models.CharField(max_length=64, editable=False)
    user_ref = EncryptedTextField()
    language = models.CharField(max_length=2, choices=LANGUAGE_CHOICES, blank=True)
    step = models.CharField(max_length=30, blank=True)
    answers = EncryptedTextField(null=True, blank=True)  # JSON
    report = models.ForeignKey(Report, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["channel", "user_index"], name="conversation_unique_user")]

    def __str__(self) -> str:
        return f"{self.channel} conversation {self.pk}"


class ChannelUpdate(models.Model):
    """Update ids already processed, so a redelivered webhook creates nothing new."""

    channel = models.CharField(max_length=12, choices=Channel.choices)
    update_id = models.CharField(max_length=64)
    received_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["channel", "update_id"], name="channel_update_once")]

    def __str__(self) -> str:
        return f"{self.channel}:{self.update_id}"


class OutboundStatus(models.TextChoices):
    PENDING = "pending", _("Waiting to be sent")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Could not be sent")


class OutboundMessage(BaseModel):
    """A message for a worker on a channel, written in the same transaction as what caused it and
    sent afterwards by a task, with retries: a provider outage never loses it or the report."""

    conversation = models.ForeignKey(ChannelConversation, on_delete=models.CASCADE, related_name="outbox")
    text = EncryptedTextField()
    buttons = models.JSONField(default=list, blank=True)
    status = models.CharField(max_length=10, choices=OutboundStatus.choices, default=OutboundStatus.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=300, blank=True)
    report_message = models.ForeignKey(
        ReportMessage, null=True, blank=True, on_delete=models.SET_NULL, related_name="outbound"
    )

    class Meta:
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="outbox_due_idx")]

    def __str__(self) -> str:
        return f"outbound {self.pk} ({self.status})"

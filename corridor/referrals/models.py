"""Referrals between organisations (on this server or on a peer), their updates, and the peers."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from corridor.core.fields import EncryptedTextField
from corridor.core.models import BaseModel
from corridor.referrals.catalogue import ReferralType


class ReferralStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for an answer")
    INFO_REQUESTED = "info_requested", _("More information asked")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    COMPLETED = "completed", _("Service completed")
    REVOKED = "revoked", _("Withdrawn by the sender")


OPEN_STATUSES = (ReferralStatus.PENDING, ReferralStatus.INFO_REQUESTED, ReferralStatus.ACCEPTED)
# The receiver sees the shared fields only while it works on the referral, and keeps what it needs
# for its own records once the service is completed.
SHARED_VISIBLE_STATUSES = (ReferralStatus.ACCEPTED, ReferralStatus.COMPLETED)


class ServiceOutcome(models.TextChoices):
    PROVIDED = "provided", _("Service provided")
    PARTLY = "partly", _("Partly provided")
    NOT_PROVIDED = "not_provided", _("Not provided")


class Referral(BaseModel):
    """One organisation asks another for a service for one person of one of its cases.

    On the sending server `case` and `person` are set. A referral received from a peer has neither: it
    carries only the copy of the shared fields (`shared`), and has the same id as on the sender's server.
    """

    case = models.ForeignKey("cases.Case", null=True, blank=True, on_delete=models.PROTECT, related_name="referrals")
    person = models.ForeignKey(
        "people.Person", null=True, blank=True, on_delete=models.PROTECT, related_name="referrals"
    )
    sender = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="referrals_sent")
    receiver = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="referrals_received")
    peer = models.ForeignKey(
        "referrals.Peer", null=True, blank=True, on_delete=models.PROTECT, related_name="referrals"
    )
    type = models.CharField(_("type of referral"), max_length=30, choices=ReferralType.choices)
    fields = models.JSONField(_("information shared"), default=list)
    message = models.TextField(_("what is needed"))
    case_reference = models.CharField(_("sender's case reference"), max_length=32)
    sent_by = models.CharField(_("referred by"), max_length=254)
    status = models.CharField(
        _("status"), max_length=20, choices=ReferralStatus.choices, default=ReferralStatus.PENDING
    )
    respond_by = models.DateField(_("answer due"))
    complete_by = models.DateField(_("service due"), null=True, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    consent = models.ForeignKey(
        "people.Consent", null=True, blank=True, on_delete=models.SET_NULL, related_name="referrals"
    )
    consent_override_reason = models.TextField(_("why it was sent without consent"), blank=True)
    # The shared fields as JSON, encrypted: names, numbers and addresses of the person.
    shared = EncryptedTextField(blank=True)

    class Meta:
        verbose_name = _("referral")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["receiver", "status", "respond_by"], name="referral_receiver_status"),
            models.Index(fields=["sender", "status", "respond_by"], name="referral_sender_status"),
        ]
        constraints = [
            models.CheckConstraint(condition=~models.Q(sender=models.F("receiver")), name="referral_not_to_self"),
        ]

    def __str__(self) -> str:
        return f"{self.get_type_display()} → {self.receiver}"

    @property
    def short_id(self) -> str:
        return str(self.pk).split("-")[0].upper()


class UpdateKind(models.TextChoices):
    SENT = "sent", _("Referred")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    INFO_REQUESTED = "info_requested", _("Asked for more information")
    INFO_GIVEN = "info_given", _("Answered")
    PROGRESS = "progress", _("Progress")
    COMPLETED = "completed", _("Service completed")
    REVOKED = "revoked", _("Withdrawn")


class ReferralUpdate(BaseModel):
    """One step in a referral's life, written by either side, shown to both."""

    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="updates")
    kind = models.CharField(max_length=20, choices=UpdateKind.choices)
    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="+")
    author = models.CharField(max_length=254)
    text = models.TextField(_("message"), blank=True)
    outcome = models.CharField(_("outcome"), max_length=20, choices=ServiceOutcome.choices, blank=True)
    occurred_on = models.DateField(_("date"))

    class Meta:
        ordering = ["created_at"]


class PeerStatus(models.TextChoices):
    ACTIVE = "active", pgettext_lazy("a trusted peer server", "Active")
    SUSPENDED = "suspended", _("Suspended")


class Peer(BaseModel):
    """Another Corridor server this one trusts: its address and its public key, compared out of band."""

    name = models.CharField(_("name"), max_length=200)
    url = models.URLField(_("address"), max_length=300, unique=True)
    public_key = models.CharField(_("public key"), max_length=200)
    node_id = models.CharField(max_length=32, unique=True, editable=False)
    status = models.CharField(max_length=10, choices=PeerStatus.choices, default=PeerStatus.ACTIVE)
    directory_synced_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class RemoteOrganisation(models.Model):
    """An organisation of a peer, mirrored as a local Organisation row so that referrals and consents
    name it like any other. It has no members; nobody signs in to it here."""

    organisation = models.OneToOneField(
        "accounts.Organisation", primary_key=True, on_delete=models.CASCADE, related_name="remote"
    )
    peer = models.ForeignKey(Peer, on_delete=models.CASCADE, related_name="organisations")
    remote_id = models.UUIDField()
    listed = models.BooleanField(default=True, help_text="Still in the peer's directory.")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["peer", "remote_id"], name="remote_org_unique")]

    def __str__(self) -> str:
        return f"{self.organisation} @ {self.peer}"


class Direction(models.TextChoices):
    OUT = "out", _("Sent")
    IN = "in", _("Received")


class MessageStatus(models.TextChoices):
    PENDING = "pending", _("Waiting to be delivered")
    DELIVERED = "delivered", _("Delivered")
    PROCESSED = "processed", _("Processed")
    FAILED = "failed", _("Given up")


class FederationMessage(BaseModel):
    """A message to or from a peer. Outgoing rows are the outbox (written in the same transaction as the
    change they carry); incoming rows make processing exactly-once (the sender's message id is unique)."""

    peer = models.ForeignKey(Peer, on_delete=models.PROTECT, related_name="messages")
    direction = models.CharField(max_length=3, choices=Direction.choices)
    message_id = models.CharField(max_length=64)
    kind = models.CharField(max_length=64)
    referral_id = models.UUIDField(null=True, blank=True)
    # The body of an outgoing message until it is delivered; never the sealed bytes, which depend on the
    # send time. Encrypted at rest like every other copy of personal data.
    body = EncryptedTextField(blank=True)
    status = models.CharField(max_length=10, choices=MessageStatus.choices, default=MessageStatus.PENDING)
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=300, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(fields=["peer", "direction", "message_id"], name="federation_message_once"),
        ]
        indexes = [models.Index(fields=["direction", "status", "next_attempt_at"], name="federation_due_idx")]


class SeenNonce(models.Model):
    """Nonces of accepted envelopes, kept for longer than the timestamp window: a replayed envelope is
    either stale or its nonce is here."""

    peer = models.ForeignKey(Peer, on_delete=models.CASCADE, related_name="+")
    nonce = models.CharField(max_length=32)
    seen_at = models.DateTimeField(db_index=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["peer", "nonce"], name="nonce_once_per_peer")]

    def __str__(self) -> str:
        return self.nonce


class StepStatus(models.TextChoices):
    TO_DO = "to_do", _("To do")
    DONE = "done", _("Done")
    NOT_NEEDED = "not_needed", _("Not needed")


class RepatriationStep(BaseModel):
    """One step of a repatriation referral's return plan, shared by both organisations (and both
    servers, when they are different)."""

    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="steps")
    code = models.CharField(max_length=30)
    order = models.PositiveSmallIntegerField()
    responsible = models.CharField(_("responsible agency"), max_length=200)
    due_on = models.DateField(_("due"))
    status = models.CharField(_("status"), max_length=12, choices=StepStatus.choices, default=StepStatus.TO_DO)
    done_on = models.DateField(_("done on"), null=True, blank=True)
    evidence = models.TextField(_("evidence"), blank=True)

    class Meta:
        ordering = ["order"]
        constraints = [models.UniqueConstraint(fields=["referral", "code"], name="repatriation_step_once")]

    def __str__(self) -> str:
        return self.code

"""Referrals across servers: trusting peers, and applying what they send through the same steps as
the pages use (corridor.referrals.services)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from corridor.accounts.models import Organisation
from corridor.audit.models import AuditAction
from corridor.audit.services import audit_record
from corridor.referrals import services
from corridor.referrals import shared as shared_copy
from corridor.referrals.catalogue import ReferralType, SharedField, rules_for
from corridor.referrals.federation import directory
from corridor.referrals.federation.envelope import KeyFormatError, Opened, PublicNodeKey
from corridor.referrals.federation.inbox import Rejected, handles
from corridor.referrals.federation.node import check_peer_url, public_key
from corridor.referrals.models import Peer, PeerStatus, Referral, ReferralUpdate, RepatriationStep, UpdateKind

# ---- peers: added, suspended and resumed by a platform administrator ----


@transaction.atomic
def peer_add(*, name: str, url: str, key_text: str, by: str) -> Peer:
    """Trust another server. The key is compared out of band (its fingerprint, read over the phone)."""
    try:
        clean_url = check_peer_url(url)
    except ValueError as error:
        raise ValidationError({"url": str(error)}) from None
    try:
        key = PublicNodeKey.from_text(key_text)
    except KeyFormatError as error:
        raise ValidationError({"public_key": str(error)}) from None
    if key.node_id == public_key().node_id:
        raise ValidationError({"public_key": "This is this server's own key."})
    if Peer.objects.filter(node_id=key.node_id).exists() or Peer.objects.filter(url=clean_url).exists():
        raise ValidationError({"url": "A peer with this address or key is already registered."})
    if not name.strip():
        raise ValidationError({"name": "Give the peer a name."})
    peer = Peer.objects.create(name=name.strip(), url=clean_url, public_key=key.to_text(), node_id=key.node_id)
    _audit_peer(peer, "peer added", by, {"url": [None, clean_url], "fingerprint": [None, key.fingerprint]})
    return peer


@transaction.atomic
def peer_set_key(*, peer: Peer, key_text: str, by: str) -> Peer:
    """A peer replaced its node key (after a leak, say): trust the new one, compared by phone like the first."""
    try:
        key = PublicNodeKey.from_text(key_text)
    except KeyFormatError as error:
        raise ValidationError({"public_key": str(error)}) from None
    if Peer.objects.filter(node_id=key.node_id).exclude(pk=peer.pk).exists() or key.node_id == public_key().node_id:
        raise ValidationError({"public_key": "This key belongs to another server."})
    before = PublicNodeKey.from_text(peer.public_key).fingerprint
    Peer.objects.filter(pk=peer.pk).update(public_key=key.to_text(), node_id=key.node_id, updated_at=timezone.now())
    peer.public_key, peer.node_id = key.to_text(), key.node_id
    _audit_peer(peer, "peer key replaced", by, {"fingerprint": [before, key.fingerprint]})
    return peer


@transaction.atomic
def peer_set_status(*, peer: Peer, status: str, by: str) -> Peer:
    """A suspended peer is neither heard nor sent to; its messages wait in the outbox until resumed."""
    if status not in PeerStatus.values:
        raise ValidationError({"status": "Unknown status."})
    before = peer.status
    Peer.objects.filter(pk=peer.pk).update(status=status, updated_at=timezone.now())
    peer.status = status
    _audit_peer(peer, f"peer {status}", by, {"status": [before, status]})
    return peer


def peer_sync(*, peer: Peer, by: str) -> list[Organisation]:
    """Read the peer's signed directory and mirror the organisations it lists."""
    organisations = directory.apply(peer, directory.fetch(peer))
    with transaction.atomic():
        _audit_peer(peer, "peer directory read", by, {"organisations": [None, len(organisations)]})
    return organisations


def _audit_peer(peer: Peer, summary: str, by: str, changes: dict[str, Any]) -> None:
    audit_record(actor=None, action=AuditAction.UPDATE, obj=peer, label=by, summary=summary, changes=changes)


# ---- what peers send ----


def _field(body: dict[str, Any], name: str, kind: type) -> Any:
    value = body.get(name)
    if not isinstance(value, kind):
        raise Rejected(f"{name} missing or not a {kind.__name__}")
    return value


def _local_receiver(receiver_id: str) -> Organisation:
    try:
        pk = uuid.UUID(receiver_id)
    except ValueError:
        raise Rejected("receiver_id is not an id") from None
    organisation = Organisation.objects.filter(pk=pk, listed_for_peers=True, remote__isnull=True).first()
    if organisation is None:
        raise Rejected("no organisation here receives referrals under that id")
    return organisation


@handles("referral.offer")
def receive_offer(peer: Peer, opened: Opened) -> None:
    body = opened.body
    offer = _field(body, "referral", dict)
    shared = _field(body, "shared", dict)
    receiver = _local_receiver(str(_field(body, "receiver_id", str)))
    sender_entry = _field(body, "sender", dict)
    referral_type = _field(offer, "type", str)
    if referral_type not in ReferralType.values:
        raise Rejected(f"unknown referral type {referral_type}")
    fields = [str(field) for field in _field(offer, "fields", list)]
    allowed = rules_for(referral_type).allowed
    if not fields or set(fields) - allowed or set(shared) != set(fields) or set(fields) - set(SharedField.values):
        # The receiving server enforces the type's limits too: a peer cannot widen what it may share.
        raise Rejected("the shared fields are not allowed for this type of referral")
    try:
        referral_id = uuid.UUID(_field(offer, "id", str))
        respond_by = dt.date.fromisoformat(_field(offer, "respond_by", str))
    except ValueError:
        raise Rejected("bad id or date") from None
    if Referral.objects.filter(pk=referral_id).exists():
        raise Rejected("a referral with this id exists already")
    sender = directory.mirror(peer, sender_entry)
    if sender.pk == receiver.pk:
        raise Rejected("sender and receiver are the same")
    referral = Referral.objects.create(
        id=referral_id,
        sender=sender,
        receiver=receiver,
        peer=peer,
        type=referral_type,
        fields=fields,
        message=_field(offer, "message", str)[:5000],
        case_reference=_field(offer, "case_reference", str)[:32],
        sent_by=_field(offer, "sent_by", str)[:254],
        respond_by=respond_by,
        shared=shared_copy.dump(shared),
    )
    ReferralUpdate.objects.create(
        referral=referral,
        kind=UpdateKind.SENT,
        organisation=sender,
        author=referral.sent_by,
        text=referral.message,
        occurred_on=timezone.localdate(),
    )
    audit_record(
        actor=None,
        action=AuditAction.CREATE,
        obj=referral,
        label=f"federation:{peer.node_id}",
        organisation_id=receiver.pk,
        summary=f"referral received from {peer.name}",
        changes={"sender": [None, str(sender.pk)], "type": [None, referral_type], "fields": [None, fields]},
    )
    if referral_type == ReferralType.REPATRIATION:
        services.repatriation_plan_create(referral)
    services.tell_receiver(
        referral, lambda: _("New %(type)s referral from %(sender)s") % services.notice_names(referral)
    )


@handles("referral.update")
def receive_update(peer: Peer, opened: Opened) -> None:
    body = opened.body
    try:
        referral_id = uuid.UUID(_field(body, "referral_id", str))
        occurred_on = dt.date.fromisoformat(_field(body, "occurred_on", str))
    except ValueError:
        raise Rejected("bad referral id or date") from None
    referral = (
        Referral.objects.select_for_update()
        .select_related("sender", "receiver")
        .filter(pk=referral_id, peer=peer)
        .first()
    )
    if referral is None:
        raise Rejected("no referral with this id was exchanged with this server")
    side = "sender" if services.is_remote(referral.sender) else "receiver"
    change = services.Change(
        kind=_field(body, "kind", str),
        text=str(body.get("text", ""))[:5000],
        outcome=str(body.get("outcome", "")),
        occurred_on=occurred_on,
    )
    services.check_step(referral, change, side)
    before = referral.status
    remote_org = referral.sender if side == "sender" else referral.receiver
    services.apply_change(
        referral, change, organisation=remote_org, author=str(body.get("author", ""))[:254], user=None
    )
    audit_record(
        actor=None,
        action=AuditAction.UPDATE,
        obj=referral,
        case_id=referral.case_id,
        label=f"federation:{peer.node_id}",
        organisation_id=(referral.receiver if side == "sender" else referral.sender).pk,
        summary=f"referral {change.kind} (from {peer.name})",
        changes={"status": [before, referral.status]},
    )
    services.notify_other_side(referral, change.kind)


@handles("repatriation.step")
def receive_step(peer: Peer, opened: Opened) -> None:
    body = opened.body
    try:
        referral_id = uuid.UUID(_field(body, "referral_id", str))
        due_on = dt.date.fromisoformat(_field(body, "due_on", str))
        done_on = dt.date.fromisoformat(body["done_on"]) if body.get("done_on") else None
    except (ValueError, TypeError):
        raise Rejected("bad referral id or date") from None
    referral = Referral.objects.select_for_update().filter(pk=referral_id, peer=peer).first()
    step = RepatriationStep.objects.filter(referral=referral, code=str(body.get("code", ""))).first()
    if referral is None or step is None:
        raise Rejected("no such step of a referral exchanged with this server")
    change = services.StepChange(
        status=_field(body, "status", str),
        responsible=_field(body, "responsible", str),
        due_on=due_on,
        done_on=done_on,
        evidence=str(body.get("evidence", ""))[:5000],
    )
    services.check_step_change(referral, change)
    changes = services.apply_step_change(step, change)
    audit_record(
        actor=None,
        action=AuditAction.UPDATE,
        obj=step,
        case_id=referral.case_id,
        label=f"federation:{peer.node_id}",
        summary=f"repatriation step {step.code} recorded (from {peer.name})",
        changes=changes,
    )
